package org.corridor.inventory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.corridor.common.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class CountryResourceTest {

    @Test
    void listsAndFindsCountries() {
        given().when().get("/api/v1/countries?size=500").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(3));
        given().when().get("/api/v1/countries/tur").then().statusCode(200)
                .body("code", equalTo("TUR"));
    }

    @Test
    void unknownCountryIsProblem404() {
        given().when().get("/api/v1/countries/XXX").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404)).body("title", equalTo("Country not found"));
    }

    @Test
    void badPagingIsProblem400() {
        given().when().get("/api/v1/countries?size=0").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void unknownPathIsProblem404() {
        given().when().get("/api/v1/nothing-here").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
