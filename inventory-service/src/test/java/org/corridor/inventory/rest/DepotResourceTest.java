package org.corridor.inventory.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import org.corridor.common.security.Roles;
import org.corridor.inventory.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** Registering, listing and finding depots. */
@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class DepotResourceTest {

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
        given().get("/api/v1/depots?organisationId=nope").then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/api/v1/depots?kind=SHED").then().statusCode(400).contentType("application/problem+json");
        // the same code again
        given().contentType(ContentType.JSON).body(body).post("/api/v1/depots").then().statusCode(409)
                .contentType("application/problem+json").body("title", equalTo("Depot code taken"));
        given().get("/api/v1/depots/{id}", "00000000-0000-0000-0000-000000000000").then().statusCode(404);
    }

    @Test
    void aDepotSaysWhetherShipsCanLoadThereAndItsLotsSayItToo() {
        String org = Fixtures.organisation();
        String code = Fixtures.unique("UNHRD-LPA");
        Map<String, Object> port = new HashMap<>(Map.of("code", code, "name", "UNHRD Las Palmas", "countryCode",
                "ESP", "latitude", 28.10, "longitude", -15.41, "organisationId", org, "kind", "UN_HUB", "seaport",
                true));
        String id = given().contentType(ContentType.JSON).body(port).post("/api/v1/depots").then().statusCode(201)
                .body("seaport", equalTo(true)).extract().path("id");
        given().get("/api/v1/depots/{id}", id).then().statusCode(200).body("seaport", equalTo(true));
        // the stock snapshot allocation-service plans from carries it with each lot
        String lot = Fixtures.receive(id, Fixtures.receipt("SHL-TENT-FAMILY", 10, org)).then().statusCode(201)
                .extract().path("lotId");
        given().get("/api/v1/stock/lots/{id}", lot).then().statusCode(200).body("depotSeaport", equalTo(true));
        given().get("/api/v1/stock?depotId=" + id).then().statusCode(200).body("items[0].depotSeaport",
                equalTo(true));
        // absent means no port
        Map<String, Object> inland = new HashMap<>(Map.of("code", Fixtures.unique("MAD"), "name", "Madrid",
                "countryCode", "ESP", "latitude", 40.42, "longitude", -3.70, "organisationId", org, "kind",
                "NGO_WAREHOUSE"));
        given().contentType(ContentType.JSON).body(inland).post("/api/v1/depots").then().statusCode(201)
                .body("seaport", equalTo(false));
        // not a boolean
        port.put("code", Fixtures.unique("X"));
        port.put("seaport", "maybe");
        given().contentType(ContentType.JSON).body(port).post("/api/v1/depots").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aSeaportDepotInALandlockedCountryIsRefusedAndAnInlandOneIsNotAPort() {
        String org = Fixtures.organisation();
        String code = Fixtures.unique("WFP-ADD");
        // Addis Ababa: Ethiopia has no coast, so no ship loads there
        Map<String, Object> addis = new HashMap<>(Map.of("code", code, "name", "WFP Addis Ababa", "countryCode", "ETH",
                "latitude", 8.98, "longitude", 38.76, "organisationId", org, "kind", "UN_HUB", "seaport", true));
        given().contentType(ContentType.JSON).body(addis).post("/api/v1/depots").then().statusCode(422)
                .contentType("application/problem+json").body("title", equalTo("Seaport in a landlocked country"))
                .body("detail", containsString("ETH has no coast"))
                .body("detail", containsString("leave seaport out"));
        // nothing was registered: the code is still free
        given().get("/api/v1/depots?organisationId=" + org).then().statusCode(200).body("total", equalTo(0));
        // absent: no port, registered
        addis.remove("seaport");
        given().contentType(ContentType.JSON).body(addis).post("/api/v1/depots").then().statusCode(201)
                .body("code", equalTo(code)).body("seaport", equalTo(false));
        // false in a landlocked country is fine too
        addis.put("code", Fixtures.unique("WFP-ADD"));
        addis.put("seaport", false);
        given().contentType(ContentType.JSON).body(addis).post("/api/v1/depots").then().statusCode(201)
                .body("seaport", equalTo(false));
        // a port on a coast is still a port
        Map<String, Object> mombasa = new HashMap<>(Map.of("code", Fixtures.unique("WFP-MBA"), "name",
                "WFP Mombasa", "countryCode", "KEN", "latitude", -4.04, "longitude", 39.67, "organisationId", org,
                "kind", "UN_HUB", "seaport", true));
        given().contentType(ContentType.JSON).body(mombasa).post("/api/v1/depots").then().statusCode(201)
                .body("seaport", equalTo(true));
    }

    @Test
    void depotWithUnknownCountryOrOrganisationIs422() {
        String org = Fixtures.organisation();
        Map<String, Object> body = new HashMap<>(
                Map.of("code", Fixtures.unique("D"), "name", "Depot", "countryCode", "QQQ",
                        "latitude", 1.0, "longitude", 1.0, "organisationId", org, "kind", "NGO_WAREHOUSE"));
        given().contentType(ContentType.JSON).body(body).post("/api/v1/depots").then().statusCode(422)
                .contentType("application/problem+json").body("title", equalTo("Unknown country"));
        body.put("countryCode", "KEN");
        body.put("organisationId", "00000000-0000-0000-0000-000000000001");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/depots").then().statusCode(422)
                .contentType("application/problem+json").body("title", equalTo("Unknown organisation"));
    }
}
