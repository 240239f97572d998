package org.corridor.inventory.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.corridor.common.security.Roles;
import org.junit.jupiter.api.Test;

/** Health with the database, Prometheus metrics, and the served OpenAPI document. */
@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class OperationsTest {

    @Test
    void readinessIncludesTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("Database connections health check"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheusMetrics() {
        given().get("/api/v1/countries/ITA").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests_seconds"));
    }

    @Test
    void openApiDocumentsEveryOperation() {
        String spec = given().get("/q/openapi").then().statusCode(200).extract().asString();
        for (String op : new String[]{"listCountries", "getCountry", "createOrganisation", "listOrganisations",
                "getOrganisation",
                "createDepot", "listDepots", "getDepot", "receiveStock", "createItem", "listItems", "getItem",
                "listStock",
                "summariseStock", "getStockLot", "listLedgerEntries", "getLedgerEntry", "adjustStock",
                "reverseLedgerEntry",
                "createReservation", "listReservations", "getReservation", "releaseReservation", "consumeReservation",
                "createTeam", "listTeams", "getTeam", "assignTeam", "releaseTeam"}) {
            org.junit.jupiter.api.Assertions.assertTrue(spec.contains("operationId: " + op), op + " is documented");
        }
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
