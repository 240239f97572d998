package org.corridor.shipment.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import java.util.UUID;
import org.corridor.common.security.Roles;
import org.corridor.common.testing.JwtTestResource;
import org.corridor.common.testing.OpenApiBadInput;
import org.corridor.common.testing.PostgresTestResource;
import org.corridor.shipment.support.Fixtures;
import org.corridor.shipment.support.UpstreamServicesResource;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Every operation of shipment-service's OpenAPI document, walked with bad input by common's {@link OpenApiBadInput}
 * (duplicated keys, wrong types, nulls, empty and 10 kB strings, numbers at and beyond the int and long limits, unknown
 * fields; extreme query parameters; over-long Idempotency-Keys): never a 5xx, and a problem on every 4xx. Each
 * operation on a shipment gets a shipment of its own, created through the API; inventory- and allocation-service are
 * the WireMock stubs of {@link UpstreamServicesResource}.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
@QuarkusTestResource(UpstreamServicesResource.class)
class OpenApiBadInputTest {

    private static final Logger LOG = Logger.getLogger(OpenApiBadInputTest.class);

    @Test
    void noOperationAnswersBadInputWithAServerErrorOrWithoutAProblem() {
        String token = JwtTestResource.tokens().forRoles(Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE,
                Roles.DASHBOARD);

        OpenApiBadInput.Report report = OpenApiBadInput.withToken(token)
                .pathValue("shipments/{id}", () -> shipment(token))
                .run();

        LOG.infof("shipment-service bad input: %s", report.summary());
        assertEquals(report.documentOperations(), report.operations(), "every operation walked");
        report.assertClean();
    }

    /** Unknown fields, once silently dropped here, are refused as in every service; a duplicated key too. */
    @Test
    void anUnknownOrDuplicatedFieldIsA400NamingIt() {
        String token = JwtTestResource.tokens().forRoles(Roles.LOGISTICS_OFFICER);
        String id = shipment(JwtTestResource.tokens().forRoles(Roles.SERVICE));
        Response unknown = given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("type", "DISPATCHED", "at", Fixtures.t(1).toString(), "driver", "Ali"))
                .post("/api/v1/shipments/{id}/events", id);
        assertEquals(400, unknown.statusCode(), unknown.asString());
        assertEquals("application/problem+json", unknown.contentType().split(";")[0]);
        assertEquals("driver", unknown.path("errors[0].field"));
        assertTrue(unknown.path("detail").toString().startsWith("driver is not a known field; the fields accepted "
                + "here are "), unknown.asString());

        Response twice = given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body("{\"type\":\"DISPATCHED\",\"type\":\"CANCELLED\",\"at\":\"" + Fixtures.t(1) + "\"}")
                .post("/api/v1/shipments/{id}/events", id);
        assertEquals(400, twice.statusCode(), twice.asString());
        assertEquals("type", twice.path("errors[0].field"));
        // nothing was recorded: the shipment is still PLANNED
        given().header("Authorization", "Bearer " + token).get("/api/v1/shipments/{id}", id).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("PLANNED"));
    }

    private static String shipment(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body(Fixtures.anyShipment())
                .post("/api/v1/shipments").then().statusCode(201).extract().path("id");
    }
}
