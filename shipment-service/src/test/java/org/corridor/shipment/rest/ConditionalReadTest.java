package org.corridor.shipment.rest;

import static io.restassured.RestAssured.given;
import static org.corridor.shipment.support.Fixtures.anyShipment;
import static org.corridor.shipment.support.Fixtures.createId;
import static org.corridor.shipment.support.Fixtures.postEvent;
import static org.corridor.shipment.support.Fixtures.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.util.Map;
import org.corridor.common.security.Roles;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * GET /shipments answers If-None-Match from the shipments' change marker: a 304 reads that one row and builds no body,
 * and a new shipment or an event changes the tag.
 */
@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class ConditionalReadTest {

    /** The identity of the background retry of pending releases (StockSettlementService). */
    private static final String RETRY_JOB = "stock-release-retry";

    @Inject
    SessionFactory sessionFactory;

    @Inject
    Scheduler scheduler;

    @Test
    void aMatchingTagIs304AfterOneStatementAndAnyWriteChangesIt() {
        Map<String, Object> body = anyShipment();
        String id = createId(body);
        String url = "/api/v1/shipments?incidentId=" + body.get("incidentId");
        String tag = given().get(url).then().statusCode(200).extract().header("ETag");
        Statistics stats = sessionFactory.getStatistics();
        // the background retry of pending releases queries the same database: hold it while counting
        scheduler.pause(RETRY_JOB);
        try {
            long fewest = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                long before = stats.getPrepareStatementCount();
                given().header("If-None-Match", tag).get(url).then().statusCode(304).header("ETag", tag);
                fewest = Math.min(fewest, stats.getPrepareStatementCount() - before);
            }
            assertEquals(1, fewest, "a 304 reads the change marker only");
            fewest = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                long before = stats.getPrepareStatementCount();
                given().header("If-None-Match", tag).get(url + "&format=csv").then().statusCode(200);
                fewest = Math.min(fewest, stats.getPrepareStatementCount() - before);
            }
            assertEquals(3, fewest, "the CSV's own tag: marker, shipments, their lines");
        } finally {
            scheduler.resume(RETRY_JOB);
        }
        postEvent(id, "DISPATCHED", t(0)).then().statusCode(201);
        String afterEvent = given().header("If-None-Match", tag).get(url).then().statusCode(200)
                .body("items[0].status", org.hamcrest.Matchers.equalTo("DISPATCHED")).extract().header("ETag");
        assertNotEquals(tag, afterEvent);
        createId(anyShipment());
        String afterAnother = given().header("If-None-Match", afterEvent).get(url).then().statusCode(200).extract()
                .header("ETag");
        assertNotEquals(afterEvent, afterAnother, "a write to any shipment changes every list's tag");
        given().header("If-None-Match", afterAnother).get(url).then().statusCode(304);
    }
}
