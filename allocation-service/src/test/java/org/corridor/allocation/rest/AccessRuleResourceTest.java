package org.corridor.allocation.rest;

import static io.restassured.RestAssured.given;
import static org.corridor.allocation.support.Api.get;
import static org.corridor.allocation.support.Api.post;
import static org.corridor.allocation.support.Api.postRaw;
import static org.corridor.allocation.support.Api.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.corridor.common.security.Roles;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class AccessRuleResourceTest {

    private static Map<String, Object> rule(String origin, String destination, String kind, String appliesTo) {
        Map<String, Object> b = new HashMap<>();
        b.put("originCountryCode", origin);
        b.put("destinationCountryCode", destination);
        b.put("kind", kind);
        b.put("appliesTo", appliesTo);
        b.put("reason", "Sanctions regime in force");
        b.put("validFrom", "2011-05-18T00:00:00Z");
        return b;
    }

    @Test
    void createsReadsFiltersAndDeletesRules() {
        Map<String, Object> b = rule("ITA", "JOR", "BORDER_CLOSED", "TEAMS");
        b.put("validUntil", "2023-03-01T00:00:00Z");
        var created = post("/api/v1/access-rules", b).statusCode(201)
                .body("id", notNullValue()).body("kind", equalTo("BORDER_CLOSED")).body("appliesTo", equalTo("TEAMS"))
                .body("validUntil", equalTo("2023-03-01T00:00:00Z")).extract();
        String id = created.path("id");
        String openEnded = post("/api/v1/access-rules", rule("ITA", "JOR", "EMBARGO", "ALL")).statusCode(201)
                .body("validUntil", equalTo(null)).extract().path("id");

        given().when().get(created.header("Location")).then().statusCode(200).body("reason",
                equalTo("Sanctions regime in force"));
        get("/api/v1/access-rules?originCountryCode=ITA&destinationCountryCode=jor&size=500").statusCode(200)
                .body("items.id", hasItem(id)).body("items.id", hasItem(openEnded))
                .body("items.originCountryCode", everyItem(equalTo("ITA")));
        get("/api/v1/access-rules?originCountryCode=ITA&kind=EMBARGO&size=500").statusCode(200)
                .body("items.id", hasItem(openEnded)).body("items.id", not(hasItem(id)));
        get("/api/v1/access-rules?originCountryCode=ITA&appliesTo=TEAMS").statusCode(200)
                .body("items.id", hasItem(id)).body("items.appliesTo", everyItem(equalTo("TEAMS")));
        get("/api/v1/access-rules?originCountryCode=ITA&activeAt=2024-01-01T00:00:00Z").statusCode(200)
                .body("items.id", hasItem(openEnded)).body("items.id", not(hasItem(id)));
        get("/api/v1/access-rules?originCountryCode=ITA&activeAt=2010-01-01T00:00:00Z").statusCode(200)
                .body("items.id", not(hasItem(id))).body("items.id", not(hasItem(openEnded)));

        given().when().delete("/api/v1/access-rules/" + id).then().statusCode(204);
        problem(get("/api/v1/access-rules/" + id), 404);
        problem(given().when().delete("/api/v1/access-rules/" + id).then(), 404);
        get("/api/v1/access-rules?originCountryCode=ITA&size=500").statusCode(200).body("items.id", not(hasItem(id)));
    }

    @Test
    void aRuleMayStopSomeTransportModesOnly() {
        // a pair no plan of the other tests crosses (they share the database); every rule is deleted at the end
        Map<String, Object> b = rule("ARE", "JOR", "BORDER_CLOSED", "ALL");
        b.put("modes", java.util.List.of("ROAD"));
        var created = post("/api/v1/access-rules", b).statusCode(201).body("modes", equalTo(java.util.List.of("ROAD")))
                .extract();
        given().when().get(created.header("Location")).then().statusCode(200)
                .body("modes", equalTo(java.util.List.of("ROAD")));
        // no modes named: every mode
        var every = post("/api/v1/access-rules", rule("ARE", "JOR", "EMBARGO", "ALL")).statusCode(201)
                .body("modes", equalTo(java.util.List.of("ROAD", "AIR", "SEA"))).extract();
        b.put("modes", java.util.List.of("SEA", "AIR"));
        var two = post("/api/v1/access-rules", b).statusCode(201)
                .body("modes", equalTo(java.util.List.of("AIR", "SEA"))).extract();
        // an unknown mode is the client's mistake
        b.put("modes", java.util.List.of("SHIP"));
        problem(post("/api/v1/access-rules", b), 400);
        for (var r : java.util.List.of(created, every, two)) {
            given().when().delete(r.header("Location")).then().statusCode(204);
        }
    }

    @Test
    void unknownCountryIs422() {
        problem(post("/api/v1/access-rules", rule("XXX", "SYR", "EMBARGO", "ALL")), 422);
        problem(post("/api/v1/access-rules", rule("USA", "QQQ", "EMBARGO", "ALL")), 422);
    }

    @Test
    void malformedAndBoundaryBodiesAre400() {
        problem(postRaw("/api/v1/access-rules", "{\"kind\":"), 400);
        Map<String, Object> b = rule("USA", "SYR", "SANCTION", "ALL");
        problem(post("/api/v1/access-rules", b), 400).body("errors[0].field", equalTo("kind"));
        b = rule("USA", "SYR", "EMBARGO", "EVERYTHING");
        problem(post("/api/v1/access-rules", b), 400).body("errors[0].field", equalTo("appliesTo"));
        b = rule("US", "SYR", "EMBARGO", "ALL");
        problem(post("/api/v1/access-rules", b), 400).body("errors.field", hasItem("originCountryCode"));
        for (String field : new String[]{"originCountryCode", "destinationCountryCode", "kind", "appliesTo", "reason",
                "validFrom"}) {
            Map<String, Object> m = rule("USA", "SYR", "EMBARGO", "ALL");
            m.remove(field);
            problem(post("/api/v1/access-rules", m), 400).body("errors.field", hasItem(field));
        }
        b = rule("USA", "SYR", "EMBARGO", "ALL");
        b.put("reason", " ");
        problem(post("/api/v1/access-rules", b), 400).body("errors.field", hasItem("reason"));
        b = rule("USA", "SYR", "EMBARGO", "ALL");
        b.put("validUntil", "2011-05-18T00:00:00Z");
        problem(post("/api/v1/access-rules", b), 400).body("detail", equalTo("validUntil must be after validFrom"));
        b.put("validUntil", "2001-01-01T00:00:00Z");
        problem(post("/api/v1/access-rules", b), 400);
        b.put("validUntil", "tomorrow");
        problem(post("/api/v1/access-rules", b), 400).body("errors[0].field", equalTo("validUntil"));
        b.put("validUntil", "2011-05-18T00:00:01Z");
        post("/api/v1/access-rules", b).statusCode(201);
    }

    @Test
    void unknownRuleIs404() {
        problem(get("/api/v1/access-rules/" + UUID.randomUUID()), 404);
    }
}
