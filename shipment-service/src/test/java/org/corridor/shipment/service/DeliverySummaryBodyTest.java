package org.corridor.shipment.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.corridor.shipment.support.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corridor.common.security.Roles;
import org.corridor.shipment.support.InjectWireMock;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * The delivery summary's whole body, byte for byte, for an incident with shipments in every state (planned, in transit,
 * delivered with rejections, lost, recalled, cancelled before dispatch), a requested item nothing was shipped for and a
 * shipped item nobody requested; and the statements one summary costs, the same for one shipment as for fifty.
 */
@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class DeliverySummaryBodyTest {

    /** The identity of the background retry of pending releases (StockSettlementService). */
    private static final String RETRY_JOB = "stock-release-retry";

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    SessionFactory sessionFactory;

    @Inject
    Scheduler scheduler;

    @Test
    void theBodyIsExactlyTheSumsOfEveryState() {
        UUID incident = UUID.randomUUID();
        UUID site = UUID.randomUUID();
        UUID requestedOnly = UUID.randomUUID();
        UUID unrequested = UUID.randomUUID();
        needs(incident, need(site, "TENT-FAMILY", 300) + "," + need(site, "TENT-FAMILY", 200) + ","
                + need(site, "BLANKET", 50) + "," + need(requestedOnly, "HYGIENE-KIT", 40), 4);

        String delivered = createId(shipment(incident, site,
                List.of(line("TENT-FAMILY", TENT_LOT, 100, 5500), line("HYGIENE-KIT", KIT_LOT, 40, 200))));
        drive(delivered, 0, "DISPATCHED", "IN_TRANSIT", "ARRIVED");
        postPod(delivered, partialPod(t(10))).then().statusCode(201);
        String moving = createId(shipment(incident, site, List.of(line("TENT-FAMILY", UUID.randomUUID(), 30, 1650))));
        drive(moving, 0, "DISPATCHED");
        String lost = createId(shipment(incident, site, List.of(line("BLANKET", UUID.randomUUID(), 20, 30))));
        drive(lost, 0, "DISPATCHED", "IN_TRANSIT", "LOST");
        String recalled = createId(shipment(incident, site, List.of(line("BLANKET", UUID.randomUUID(), 5, 7.5))));
        drive(recalled, 0, "DISPATCHED", "CANCELLED");
        String cancelled = createId(shipment(incident, site, List.of(line("TENT-FAMILY", UUID.randomUUID(), 7, 385))));
        drive(cancelled, 0, "CANCELLED");
        createId(shipment(incident, site, List.of(line("TENT-FAMILY", UUID.randomUUID(), 11, 605))));
        Map<String, Object> other = shipment(incident, unrequested,
                List.of(line("WATER-JERRYCAN", UUID.randomUUID(), 9, 180)));
        other.put("siteName", "Kırıkhan school");
        createId(other);

        List<String> lines = new ArrayList<>();
        lines.add(summaryLine(site, "\"Antakya stadium camp\"", "TENT-FAMILY", 500, 141, 130, 30, 95, 5, 0, 0));
        lines.add(summaryLine(site, "\"Antakya stadium camp\"", "HYGIENE-KIT", 0, 40, 40, 0, 40, 0, 0, 0));
        lines.add(summaryLine(site, "\"Antakya stadium camp\"", "BLANKET", 50, 20, 20, 0, 0, 0, 20, 5));
        lines.add(summaryLine(requestedOnly, "null", "HYGIENE-KIT", 40, 0, 0, 0, 0, 0, 0, 0));
        lines.add(summaryLine(unrequested, "\"Kırıkhan school\"", "WATER-JERRYCAN", 0, 9, 0, 0, 0, 0, 0, 0));
        // ordered by site id (as text), then item code; both are the first fields of a line
        lines.sort(Comparator.naturalOrder());
        String expected = "{\"incidentId\":\"" + incident + "\",\"requestedAvailable\":true,\"requestedAsOf\":null,"
                + "\"warnings\":[],\"lines\":[" + String.join(",", lines) + "]}";
        assertEquals(expected, given().get(url(incident)).then().statusCode(200).contentType("application/json")
                .extract().asString());
    }

    @Test
    void aSummaryCostsTheSameStatementsForOneShipmentAsForFifty() {
        UUID one = UUID.randomUUID();
        UUID fifty = UUID.randomUUID();
        needs(one, "", 0);
        needs(fifty, "", 0);
        createId(shipment(one, UUID.randomUUID(), manyLines(5)));
        for (int i = 0; i < 50; i++) {
            createId(shipment(fifty, UUID.randomUUID(), manyLines(5)));
        }
        // the first summary of an incident reads its needs from allocation-service; count the ones after it
        given().get(url(one)).then().statusCode(200);
        given().get(url(fifty)).then().statusCode(200);
        scheduler.pause(RETRY_JOB);
        try {
            long ofOne = statements(url(one), 1);
            long ofFifty = statements(url(fifty), 50);
            // the change marker (for the ETag), then the sums per site and item
            assertEquals(2, ofFifty);
            assertEquals(ofOne, ofFifty);
        } finally {
            scheduler.resume(RETRY_JOB);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static String url(UUID incident) {
        return "/api/v1/incidents/" + incident + "/delivery-summary";
    }

    private void needs(UUID incident, String items, int total) {
        wireMock.stubFor(get(urlPathEqualTo("/api/v1/incidents/" + incident + "/needs")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"items\":[" + items + "],\"page\":0,\"size\":500,\"total\":" + total + "}")));
    }

    private static String need(UUID site, String item, int quantity) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"siteId\":\"" + site + "\",\"itemCode\":\"" + item
                + "\",\"quantity\":" + quantity + ",\"priority\":\"HIGH\",\"deliverBy\":\"2026-12-01T00:00:00Z\"}";
    }

    /** One line of the body as JSON, its fields in the order of DeliverySummaryLineDto. */
    private static String summaryLine(UUID site, String siteName, String item, long... n) {
        List<String> names = List.of("requested", "allocated", "dispatched", "inTransit", "delivered", "rejected",
                "lost", "recalled");
        StringBuilder b = new StringBuilder("{\"siteId\":\"" + site + "\",\"siteName\":" + siteName
                + ",\"itemCode\":\"" + item + "\"");
        for (int i = 0; i < n.length; i++) {
            b.append(",\"").append(names.get(i)).append("\":").append(n[i]);
        }
        return b.append('}').toString();
    }

    /**
     * The fewest JDBC statements one summary prepared in three tries, checking it sums every line of its
     * {@code shipments} (each to its own site, five lines of four items, 15 units).
     */
    private long statements(String url, int shipments) {
        Statistics stats = sessionFactory.getStatistics();
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            stats.clear();
            List<Map<String, Object>> lines = given().get(url).then().statusCode(200).extract().path("lines");
            assertEquals(4 * shipments, lines.size());
            assertEquals(15 * shipments, lines.stream().mapToInt(l -> (Integer) l.get("allocated")).sum());
            fewest = Math.min(fewest, stats.getPrepareStatementCount());
        }
        return fewest;
    }
}
