package org.corridor.inventory.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.Map;
import org.corridor.common.security.Roles;
import org.corridor.inventory.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** Registering, listing and finding organisations. */
@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class OrganisationResourceTest {

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
        given().get("/api/v1/organisations?type=CHARITY").then().statusCode(400)
                .contentType("application/problem+json");
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
        Map<String, Object> body = Map.of("name", Fixtures.unique("IFRC"), "type", "RED_CROSS_RED_CRESCENT",
                "countryCode", "CHE");
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
}
