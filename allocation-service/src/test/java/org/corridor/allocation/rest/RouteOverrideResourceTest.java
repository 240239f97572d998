package org.corridor.allocation.rest;

import static io.restassured.RestAssured.given;
import static org.corridor.allocation.support.Api.get;
import static org.corridor.allocation.support.Api.post;
import static org.corridor.allocation.support.Api.postRaw;
import static org.corridor.allocation.support.Api.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.corridor.common.security.Roles;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class RouteOverrideResourceTest {

    private static Map<String, Object> override(String origin, String destination, String mode) {
        Map<String, Object> b = new HashMap<>();
        b.put("originCountryCode", origin);
        b.put("destinationCountryCode", destination);
        b.put("mode", mode);
        b.put("leadTime", "PT36H");
        b.put("costPerVehicleKm", 15.5);
        b.put("note", "Charter agreement");
        return b;
    }

    @Test
    void transportModelShowsTheConfiguredDefaults() {
        get("/api/v1/transport-model").statusCode(200)
                .body("maxRoadKm", equalTo(1500.0f)).body("roadSpeedKmh", equalTo(50.0f))
                .body("roadHandling", equalTo("PT12H")).body("airSpeedKmh", equalTo(700.0f))
                .body("airHandling", equalTo("PT24H")).body("truckCapacityKg", equalTo(20000.0f))
                .body("aircraftCapacityM3", equalTo(300.0f)).body("aircraftCostPerKm", equalTo(20.0f))
                .body("seaSpeedKmh", equalTo(27.0f)).body("seaHandling", equalTo("PT60H"))
                .body("seaDetourFactor", equalTo(1.3f)).body("shipCapacityKg", equalTo(5000000.0f))
                .body("shipCapacityM3", equalTo(15000.0f)).body("shipCostPerKm", equalTo(50.0f))
                .body("usarStandDown", equalTo("PT240H"));
    }

    @Test
    void anOverrideMayBeBySea() {
        var r = post("/api/v1/route-overrides", override("ITA", "SYR", "SEA")).statusCode(201)
                .body("mode", equalTo("SEA")).extract();
        given().when().get(r.header("Location")).then().statusCode(200).body("mode", equalTo("SEA"));
        given().when().delete(r.header("Location")).then().statusCode(204);
    }

    @Test
    void createsListsAndDeletesOverrides() {
        var r = post("/api/v1/route-overrides", override("ARE", "TUR", "AIR")).statusCode(201)
                .body("leadTime", equalTo("PT36H")).body("costPerVehicleKm", equalTo(15.5f)).extract();
        String id = r.path("id");
        given().when().get(r.header("Location")).then().statusCode(200).body("mode", equalTo("AIR"));
        Map<String, Object> costOnly = override("ARE", "TUR", "ROAD");
        costOnly.remove("leadTime");
        String road = post("/api/v1/route-overrides", costOnly).statusCode(201).body("leadTime", equalTo(null))
                .extract().path("id");
        problem(post("/api/v1/route-overrides", override("ARE", "TUR", "AIR")), 409);

        get("/api/v1/route-overrides?originCountryCode=ARE&destinationCountryCode=TUR").statusCode(200)
                .body("items.id", hasItem(id)).body("items.id", hasItem(road));
        get("/api/v1/route-overrides?originCountryCode=ARE&mode=ROAD").statusCode(200)
                .body("items.id", hasItem(road)).body("items.id", not(hasItem(id)));

        given().when().delete("/api/v1/route-overrides/" + id).then().statusCode(204);
        problem(get("/api/v1/route-overrides/" + id), 404);
        given().when().delete("/api/v1/route-overrides/" + road).then().statusCode(204);
        post("/api/v1/route-overrides", override("ARE", "TUR", "AIR")).statusCode(201);
    }

    @Test
    void refusesBadOverrides() {
        problem(postRaw("/api/v1/route-overrides", "{"), 400);
        Map<String, Object> b = override("ITA", "JOR", "AIR");
        b.remove("leadTime");
        b.remove("costPerVehicleKm");
        problem(post("/api/v1/route-overrides", b), 400);
        b = override("ITA", "JOR", "AIR");
        b.put("leadTime", "PT0S");
        problem(post("/api/v1/route-overrides", b), 400);
        b.put("leadTime", "-PT5H");
        problem(post("/api/v1/route-overrides", b), 400);
        b.put("leadTime", "36 hours");
        problem(post("/api/v1/route-overrides", b), 400).body("errors[0].field", equalTo("leadTime"));
        b = override("ITA", "JOR", "AIR");
        b.put("costPerVehicleKm", 0);
        problem(post("/api/v1/route-overrides", b), 400).body("errors.field", hasItem("costPerVehicleKm"));
        b = override("ITA", "JOR", "SHIP");
        problem(post("/api/v1/route-overrides", b), 400).body("errors[0].field", equalTo("mode"));
        b = override("ITA", "ZZZ", "AIR");
        problem(post("/api/v1/route-overrides", b), 422);
        problem(get("/api/v1/route-overrides/" + UUID.randomUUID()), 404);
    }
}
