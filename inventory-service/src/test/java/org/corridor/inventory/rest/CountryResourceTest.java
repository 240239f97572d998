package org.corridor.inventory.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.in;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.corridor.common.security.Roles;
import org.corridor.common.testing.PostgresTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
@QuarkusTestResource(PostgresTestResource.class)
class CountryResourceTest {

    @Test
    void listsTheWholeIso3166List() {
        given().when().get("/api/v1/countries?size=500").then().statusCode(200)
                .body("total", equalTo(249))
                .body("items", hasSize(249))
                .body("items.code",
                        hasItems("TUR", "SYR", "ITA", "ARE", "GHA", "PAN", "MYS", "ESP", "HTI", "NPL", "FJI"))
                .body("items.region",
                        everyItem(in(List.of("Africa", "Americas", "Asia", "Europe", "Oceania", "Antarctica"))));
    }

    @Test
    void pagesAndFiltersByRegion() {
        given().get("/api/v1/countries?page=1&size=10").then().statusCode(200)
                .body("page", equalTo(1)).body("size", equalTo(10)).body("items", hasSize(10))
                .body("total", equalTo(249));
        given().get("/api/v1/countries?region=oceania&size=500").then().statusCode(200)
                .body("items.code", hasItems("FJI", "AUS", "NZL", "PNG"))
                .body("items.region", everyItem(equalTo("Oceania")));
    }

    @Test
    void findsOneCountryCaseInsensitively() {
        JsonPath tur = given().when().get("/api/v1/countries/tur").then().statusCode(200)
                .body("code", equalTo("TUR")).body("name", equalTo("Türkiye")).body("region", equalTo("Asia"))
                .extract().jsonPath();
        assertEquals(39.0, tur.getDouble("latitude"), 1.0);
        assertEquals(35.0, tur.getDouble("longitude"), 1.0);
        JsonPath gha = given().when().get("/api/v1/countries/GHA").then().statusCode(200)
                .body("region", equalTo("Africa")).extract().jsonPath();
        assertEquals(8.0, gha.getDouble("latitude"), 1.5);
        assertEquals(-1.0, gha.getDouble("longitude"), 1.5);
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
        given().when().get("/api/v1/countries?size=501").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void unknownPathIsProblem404() {
        given().when().get("/api/v1/nothing-here").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
