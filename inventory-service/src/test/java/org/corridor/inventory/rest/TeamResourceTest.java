package org.corridor.inventory.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.Map;
import org.corridor.common.security.Roles;
import org.corridor.inventory.testing.Fixtures;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class TeamResourceTest {

    @Test
    void registersListsAndFindsTeams() {
        String org = Fixtures.organisation("GOVERNMENT", "ITA");
        Map<String, Object> body = Fixtures.team(org, "USAR_HEAVY");
        String id = Fixtures.createTeam(body);
        given().get("/api/v1/teams/{id}", id).then().statusCode(200)
                .body("name", equalTo(body.get("name"))).body("type", equalTo("USAR_HEAVY"))
                .body("members", equalTo(59))
                .body("baseLatitude", equalTo(41.8f)).body("mobilisationHours", equalTo(10))
                .body("selfSufficiencyDays", equalTo(10))
                .body("status", equalTo("AVAILABLE")).body("assignmentReference", nullValue())
                .body("organisationId", equalTo(org))
                .body("$", hasKey("assignmentReference"));
        Map<String, Object> emt = Fixtures.team(org, "EMT_TYPE_2");
        emt.put("status", "STOOD_DOWN");
        String emtId = Fixtures.createTeam(emt);
        given().get("/api/v1/teams?status=AVAILABLE&type=USAR_HEAVY&size=500").then().statusCode(200)
                .body("items.id", hasItem(id)).body("items.status", everyItem(equalTo("AVAILABLE")))
                .body("items.type", everyItem(equalTo("USAR_HEAVY")));
        given().get("/api/v1/teams?status=available&size=500").then().statusCode(200).body("items.id",
                not(hasItem(emtId)));
        given().get("/api/v1/teams?status=STOOD_DOWN&countryCode=ITA&size=500").then().statusCode(200).body("items.id",
                hasItem(emtId));
        given().get("/api/v1/teams?type=USAR_GIGANTIC").then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/teams/{id}", "00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void registrationRefusals() {
        String org = Fixtures.organisation();
        Map<String, Object> body = Fixtures.team(org, "WASH");
        body.put("countryCode", "XYZ");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/teams").then().statusCode(422).body("title",
                equalTo("Unknown country"));
        body = Fixtures.team("00000000-0000-0000-0000-000000000000", "WASH");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/teams").then().statusCode(422).body("title",
                equalTo("Unknown organisation"));
        body = Fixtures.team(org, "WASH");
        body.put("status", "ASSIGNED");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/teams").then().statusCode(422)
                .contentType("application/problem+json");
    }

    @Test
    void assignmentIsIdempotentAndExclusive() {
        String org = Fixtures.organisation();
        String id = Fixtures.createTeam(Fixtures.team(org, "EMT_TYPE_1_MOBILE"));
        given().contentType(ContentType.JSON).body(Map.of("reference", "plan-A"))
                .post("/api/v1/teams/{id}/assignment", id)
                .then().statusCode(200).body("status", equalTo("ASSIGNED"))
                .body("assignmentReference", equalTo("plan-A"))
                .body("assignedAt", notNullValue());
        given().contentType(ContentType.JSON).body(Map.of("reference", "plan-A"))
                .post("/api/v1/teams/{id}/assignment", id)
                .then().statusCode(200).body("status", equalTo("ASSIGNED"))
                .body("assignmentReference", equalTo("plan-A"));
        given().contentType(ContentType.JSON).body(Map.of("reference", "plan-B"))
                .post("/api/v1/teams/{id}/assignment", id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("title", equalTo("Team already assigned"));
        given().get("/api/v1/teams?status=ASSIGNED&size=500").then().body("items.id", hasItem(id));
        given().delete("/api/v1/teams/{id}/assignment", id).then().statusCode(200)
                .body("status", equalTo("AVAILABLE")).body("assignmentReference", nullValue());
        given().delete("/api/v1/teams/{id}/assignment", id).then().statusCode(200).body("status", equalTo("AVAILABLE"));
        given().contentType(ContentType.JSON).body(Map.of("reference", "plan-B"))
                .post("/api/v1/teams/{id}/assignment", id)
                .then().statusCode(200).body("assignmentReference", equalTo("plan-B"));
        given().contentType(ContentType.JSON).body(Map.of("reference", "x")).post("/api/v1/teams/{id}/assignment",
                "00000000-0000-0000-0000-000000000000").then().statusCode(404);
        given().delete("/api/v1/teams/{id}/assignment", "00000000-0000-0000-0000-000000000000").then().statusCode(404);
    }

    @Test
    void deployedOrStoodDownTeamsCannotBeAssigned() {
        String org = Fixtures.organisation();
        Map<String, Object> body = Fixtures.team(org, "LOGISTICS");
        body.put("status", "DEPLOYED");
        String id = Fixtures.createTeam(body);
        given().contentType(ContentType.JSON).body(Map.of("reference", "plan-C"))
                .post("/api/v1/teams/{id}/assignment", id)
                .then().statusCode(409).body("title", equalTo("Team not available"));
        given().delete("/api/v1/teams/{id}/assignment", id).then().statusCode(409).body("title",
                equalTo("Team not assigned"));
        given().get("/api/v1/teams/{id}", id).then().body("status", equalTo("DEPLOYED"));
    }

    /** Undoing one approval releases exactly the teams it assigned, found by their assignment reference. */
    @Test
    void releaseUnderAReferenceFreesOnlyThatAssignment() {
        String org = Fixtures.organisation();
        String planA = Fixtures.unique("plan");
        String planB = Fixtures.unique("plan");
        String a1 = Fixtures.createTeam(Fixtures.team(org, "USAR_MEDIUM"));
        String a2 = Fixtures.createTeam(Fixtures.team(org, "EMT_TYPE_2"));
        String b1 = Fixtures.createTeam(Fixtures.team(org, "WASH"));
        String free = Fixtures.createTeam(Fixtures.team(org, "WASH"));
        for (String t : new String[]{a1, a2}) {
            assign(t, planA);
        }
        assign(b1, planB);
        given().get("/api/v1/teams?assignmentReference=" + planA + "&size=500").then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", containsInAnyOrder(a1, a2))
                .body("items.assignmentReference", everyItem(equalTo(planA)));
        given().get("/api/v1/teams?assignmentReference=" + planA.substring(0, planA.length() - 1)).then()
                .statusCode(200).body("total", equalTo(0));
        given().get("/api/v1/teams?assignmentReference=" + planB + "&status=ASSIGNED").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(b1));

        // plan A's undo reaches team b1: refused, b1 stays with plan B
        given().queryParam("reference", planA).delete("/api/v1/teams/{id}/assignment", b1).then().statusCode(409)
                .contentType("application/problem+json").body("title", equalTo("Team assigned under another reference"))
                .body("detail", containsString(planB));
        given().get("/api/v1/teams/{id}", b1).then().body("status", equalTo("ASSIGNED"))
                .body("assignmentReference", equalTo(planB));
        // its own teams are released, an AVAILABLE team is a no-op, and a repeat is too
        given().queryParam("reference", planA).delete("/api/v1/teams/{id}/assignment", a1).then().statusCode(200)
                .body("status", equalTo("AVAILABLE")).body("assignmentReference", nullValue())
                .body("assignedAt", nullValue());
        given().queryParam("reference", planA).delete("/api/v1/teams/{id}/assignment", a1).then().statusCode(200)
                .body("status", equalTo("AVAILABLE"));
        given().queryParam("reference", planA).delete("/api/v1/teams/{id}/assignment", free).then().statusCode(200)
                .body("status", equalTo("AVAILABLE"));
        given().get("/api/v1/teams?assignmentReference=" + planA).then().body("total", equalTo(1))
                .body("items[0].id", equalTo(a2));
        // a blank or over-long reference is a client mistake, not "any reference"
        given().queryParam("reference", " ").delete("/api/v1/teams/{id}/assignment", a2).then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("reference", "x".repeat(201)).delete("/api/v1/teams/{id}/assignment", a2).then()
                .statusCode(400);
        given().get("/api/v1/teams/{id}", a2).then().body("status", equalTo("ASSIGNED"));
        // a DEPLOYED team is still a 409 with a reference
        Map<String, Object> deployed = Fixtures.team(org, "LOGISTICS");
        deployed.put("status", "DEPLOYED");
        String d = Fixtures.createTeam(deployed);
        given().queryParam("reference", planA).delete("/api/v1/teams/{id}/assignment", d).then().statusCode(409)
                .body("title", equalTo("Team not assigned"));
        // without a reference, as before: whatever the assignment
        given().delete("/api/v1/teams/{id}/assignment", b1).then().statusCode(200).body("status",
                equalTo("AVAILABLE"));
        given().queryParam("reference", planB).delete("/api/v1/teams/{id}/assignment",
                "00000000-0000-0000-0000-000000000000").then().statusCode(404);
    }

    private static void assign(String team, String reference) {
        given().contentType(ContentType.JSON).body(Map.of("reference", reference))
                .post("/api/v1/teams/{id}/assignment", team).then().statusCode(200)
                .body("assignmentReference", equalTo(reference));
    }
}
