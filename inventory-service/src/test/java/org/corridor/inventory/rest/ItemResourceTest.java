package org.corridor.inventory.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.Map;
import org.corridor.common.security.Roles;
import org.corridor.inventory.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** The item catalogue: its seeded figures and added items. */
@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class ItemResourceTest {

    @Test
    void catalogueIsSeededWithRealFigures() {
        given().get("/api/v1/items?size=500").then().statusCode(200).body("total", greaterThanOrEqualTo(25))
                .body("items.code", hasItem("WASH-AQUATABS"));
        given().get("/api/v1/items/SHL-TENT-FAMILY").then().statusCode(200)
                .body("category", equalTo("SHELTER")).body("unitWeightKg", equalTo(55.0f))
                .body("unitVolumeM3", equalTo(0.282f)).body("shelfLifeDays", nullValue());
        given().get("/api/v1/items/FOOD-HEB-CARTON").then().statusCode(200)
                .body("unitWeightKg", equalTo(10.0f)).body("shelfLifeDays", equalTo(730));
        given().get("/api/v1/items/WASH-BUCKET-14L").then().statusCode(200).body("unitWeightKg", equalTo(0.72f));
        given().get("/api/v1/items?category=health&size=500").then().statusCode(200)
                .body("items.category", everyItem(equalTo("HEALTH"))).body("items.code", hasItem("HEALTH-IEHK-BASIC"));
        given().get("/api/v1/items/NO-SUCH-ITEM").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/items?category=TOYS").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void addsCatalogueItems() {
        String code = Fixtures.unique("WASH-SOAP");
        Map<String, Object> body = Map.of("code", code, "name", "Soap, bar of 250 g", "category", "WASH", "unit",
                "each",
                "unitWeightKg", 0.25, "unitVolumeM3", 0.0003, "shelfLifeDays", 1095);
        given().contentType(ContentType.JSON).body(body).post("/api/v1/items").then().statusCode(201)
                .header("Location", endsWith("/api/v1/items/" + code))
                .body("code", equalTo(code)).body("shelfLifeDays", equalTo(1095));
        given().get("/api/v1/items/{code}", code).then().statusCode(200).body("unitWeightKg", equalTo(0.25f));
        given().contentType(ContentType.JSON).body(body).post("/api/v1/items").then().statusCode(409)
                .contentType("application/problem+json");
    }
}
