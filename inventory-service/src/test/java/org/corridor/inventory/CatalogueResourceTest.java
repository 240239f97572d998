package org.corridor.inventory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.corridor.common.security.Roles;

/** Organisations, depots and the item catalogue. */
@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class CatalogueResourceTest {

    @Test
    void registersListsAndFindsOrganisations() {
        String name = Fixtures.unique("Malteser International");
        io.restassured.response.Response created = given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "type", "NGO", "countryCode", "DEU"))
                .post("/api/v1/organisations").then().statusCode(201)
                .body("name", equalTo(name)).body("type", equalTo("NGO")).body("countryCode", equalTo("DEU"))
                .body("createdAt", notNullValue())
                .extract().response();
        String id = created.path("id");
        org.junit.jupiter.api.Assertions.assertTrue(created.header("Location").endsWith("/api/v1/organisations/" + id));
        given().get("/api/v1/organisations/{id}", id).then().statusCode(200).body("name", equalTo(name));
        given().get("/api/v1/organisations?type=ngo&countryCode=DEU&size=500").then().statusCode(200)
                .body("items.id", hasItem(id)).body("items.type", everyItem(equalTo("NGO")));
        given().get("/api/v1/organisations?type=CHARITY").then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/organisations/{id}", "00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/organisations/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void organisationWithUnknownCountryIs422() {
        given().contentType(ContentType.JSON).body(Map.of("name", "X", "type", "NGO", "countryCode", "XXX"))
                .post("/api/v1/organisations").then().statusCode(422).contentType("application/problem+json")
                .body("title", equalTo("Unknown country"));
    }

    @Test
    void createWithIdempotencyKeyReplays() {
        Map<String, Object> body = Map.of("name", Fixtures.unique("IFRC"), "type", "RED_CROSS_RED_CRESCENT", "countryCode", "CHE");
        String key = Fixtures.unique("org-key");
        String first = given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/organisations").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/api/v1/organisations").then().statusCode(201).body("id", equalTo(first))
                .header("Location", endsWith("/api/v1/organisations/" + first));
        given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("name", "Other", "type", "NGO", "countryCode", "CHE"))
                .post("/api/v1/organisations").then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void registersDepotsWithUniqueCodes() {
        String org = Fixtures.organisation();
        String code = Fixtures.unique("UNHRD-BRI");
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", "UNHRD Brindisi", "countryCode", "ITA",
                "latitude", 40.6327, "longitude", 17.9418, "organisationId", org, "kind", "UN_HUB"));
        String id = given().contentType(ContentType.JSON).body(body).post("/api/v1/depots").then().statusCode(201)
                .header("Location", notNullValue())
                .body("code", equalTo(code)).body("kind", equalTo("UN_HUB")).body("organisationId", equalTo(org))
                .body("latitude", equalTo(40.6327f)).extract().path("id");
        given().get("/api/v1/depots/{id}", id).then().statusCode(200).body("code", equalTo(code));
        given().get("/api/v1/depots?countryCode=ITA&kind=UN_HUB&organisationId=" + org).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id));
        given().get("/api/v1/depots?organisationId=nope").then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/depots?kind=SHED").then().statusCode(400).contentType("application/problem+json");
        // the same code again
        given().contentType(ContentType.JSON).body(body).post("/api/v1/depots").then().statusCode(409)
                .contentType("application/problem+json").body("title", equalTo("Depot code taken"));
        given().get("/api/v1/depots/{id}", "00000000-0000-0000-0000-000000000000").then().statusCode(404);
    }

    @Test
    void depotWithUnknownCountryOrOrganisationIs422() {
        String org = Fixtures.organisation();
        Map<String, Object> body = new HashMap<>(Map.of("code", Fixtures.unique("D"), "name", "Depot", "countryCode", "QQQ",
                "latitude", 1.0, "longitude", 1.0, "organisationId", org, "kind", "NGO_WAREHOUSE"));
        given().contentType(ContentType.JSON).body(body).post("/api/v1/depots").then().statusCode(422)
                .contentType("application/problem+json").body("title", equalTo("Unknown country"));
        body.put("countryCode", "KEN");
        body.put("organisationId", "00000000-0000-0000-0000-000000000001");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/depots").then().statusCode(422)
                .contentType("application/problem+json").body("title", equalTo("Unknown organisation"));
    }

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
        Map<String, Object> body = Map.of("code", code, "name", "Soap, bar of 250 g", "category", "WASH", "unit", "each",
                "unitWeightKg", 0.25, "unitVolumeM3", 0.0003, "shelfLifeDays", 1095);
        given().contentType(ContentType.JSON).body(body).post("/api/v1/items").then().statusCode(201)
                .header("Location", endsWith("/api/v1/items/" + code))
                .body("code", equalTo(code)).body("shelfLifeDays", equalTo(1095));
        given().get("/api/v1/items/{code}", code).then().statusCode(200).body("unitWeightKg", equalTo(0.25f));
        given().contentType(ContentType.JSON).body(body).post("/api/v1/items").then().statusCode(409)
                .contentType("application/problem+json");
    }
}
