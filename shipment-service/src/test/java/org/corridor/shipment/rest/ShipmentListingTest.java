package org.corridor.shipment.rest;

import static io.restassured.RestAssured.given;
import static org.corridor.shipment.support.Fixtures.*;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corridor.common.security.Roles;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * The two reads allocation-service reconciles coverage with, {@code GET /shipments?planId=} and
 * {@code GET /shipments?since=}: paged (size up to 500), in a deterministic order (updatedAt, then id), with the proof
 * of delivery's accepted and rejected quantities on each line, and read with a fixed number of queries whatever the
 * page holds.
 */
@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class ShipmentListingTest {

    @Inject
    EntityManager em;

    @Inject
    SessionFactory sessionFactory;

    @Inject
    Scheduler scheduler;

    /** The identity of the background retry of pending releases (StockSettlementService). */
    private static final String RETRY_JOB = "stock-release-retry";

    /** One item of a list answer: id and updatedAt, compared as PostgreSQL orders them. */
    record Item(String id, Instant updatedAt) {
    }

    /** updatedAt, then id; PostgreSQL orders uuids byte by byte, which is the order of their lowercase text. */
    private static final Comparator<Item> LIST_ORDER = Comparator.comparing(Item::updatedAt).thenComparing(Item::id);

    @Test
    void shipmentsOfAPlanArePagedInUpdatedAtThenIdOrder() {
        Map<String, Object> first = anyShipment();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Map<String, Object> b = anyShipment();
            b.put("planId", first.get("planId"));
            b.put("reservationId", first.get("reservationId"));
            ids.add(createId(b));
        }
        // two change again: they move to the end
        postEvent(ids.get(0), "DISPATCHED", t(0)).then().statusCode(201);
        postEvent(ids.get(3), "CANCELLED", t(0)).then().statusCode(201);

        List<Item> read = readAll("planId=" + first.get("planId"), 3, 7);
        assertEquals(new HashSet<>(ids), new HashSet<>(read.stream().map(Item::id).toList()));
        assertEquals(read.stream().sorted(LIST_ORDER).toList(), read);
        assertEquals(ids.get(0), read.get(5).id());
        assertEquals(ids.get(3), read.get(6).id());
        // the same pages again: the same answer
        assertEquals(read, readAll("planId=" + first.get("planId"), 3, 7));
    }

    @Test
    void changesSinceAnInstantArePagedWithTiesBrokenByIdAndAKeysetCursor() {
        UUID incident = UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(createId(shipment(incident, UUID.randomUUID(),
                    List.of(line("TENT-FAMILY", UUID.randomUUID(), 10 + i, 550)))));
        }
        // five shipments that changed in the same microsecond (several replicas, one busy moment), an hour ago
        Instant tie = Instant.now().truncatedTo(ChronoUnit.MICROS).minusSeconds(3600);
        QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("UPDATE shipment SET updated_at = ?1 WHERE incident_id = ?2")
                .setParameter(1, OffsetDateTime.ofInstant(tie, ZoneOffset.UTC)).setParameter(2, incident)
                .executeUpdate());
        List<String> byId = ids.stream().sorted().toList();
        String since = tie.minus(1, ChronoUnit.MICROS).toString();

        List<Item> read = readAll("incidentId=" + incident + "&since=" + since, 2, 5);
        assertEquals(byId, read.stream().map(Item::id).toList());

        // strictly after the instant: none; after (instant, third id): the last two
        given().get("/api/v1/shipments?incidentId=" + incident + "&since=" + tie).then().statusCode(200)
                .body("total", equalTo(0)).body("items", empty());
        given().get("/api/v1/shipments?incidentId=" + incident + "&since=" + tie + "&sinceId=" + byId.get(2)).then()
                .statusCode(200).body("total", equalTo(2)).body("items.id", contains(byId.get(3), byId.get(4)));
        // a reader following the cursor page after page misses nothing, even with a change between two pages
        List<String> seen = new ArrayList<>();
        String cursor = "&since=" + since;
        for (int page = 0; page < 10; page++) {
            List<Map<String, Object>> items = given().get("/api/v1/shipments?incidentId=" + incident + cursor
                    + "&size=2").then().statusCode(200).extract().path("items");
            if (page == 0) {
                postEvent(byId.get(0), "DISPATCHED", t(0)).then().statusCode(201);
            }
            if (items.isEmpty()) {
                break;
            }
            items.forEach(i -> seen.add((String) i.get("id")));
            Map<String, Object> last = items.get(items.size() - 1);
            cursor = "&since=" + last.get("updatedAt") + "&sinceId=" + last.get("id");
        }
        assertTrue(seen.containsAll(byId), seen.toString());
        assertEquals(byId.get(0), seen.get(seen.size() - 1), "the changed shipment comes again, last");
    }

    @Test
    void sinceIdNeedsSince() {
        given().get("/api/v1/shipments?sinceId=" + UUID.randomUUID()).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("sinceId needs since"));
        given().get("/api/v1/shipments?since=2026-01-01T00:00:00Z&sinceId=nope").then().statusCode(400)
                .body("detail", containsString("sinceId"));
    }

    @Test
    void aPageHoldsUpTo500Shipments() {
        given().get("/api/v1/shipments?since=2000-01-01T00:00:00Z&size=500").then().statusCode(200)
                .body("size", equalTo(500));
        given().get("/api/v1/shipments?planId=" + UUID.randomUUID() + "&size=500").then().statusCode(200)
                .body("size", equalTo(500)).body("total", equalTo(0));
        given().get("/api/v1/shipments?planId=" + UUID.randomUUID() + "&size=501").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("size"));
    }

    @Test
    void listedLinesCarryAcceptedAndRejectedOnceTheProofIsRecorded() {
        String id = arrived();
        String plan = getShipment(id).path("planId");
        String before = getShipment(id).path("updatedAt");
        given().get("/api/v1/shipments?planId=" + plan).then().statusCode(200)
                .body("items[0].lines.accepted", everyItem(nullValue()))
                .body("items[0].lines.rejected", everyItem(nullValue()));
        postPod(id, partialPod(t(10))).then().statusCode(201);
        for (String query : List.of("planId=" + plan, "since=" + before)) {
            List<Map<String, Object>> items = given().get("/api/v1/shipments?" + query + "&size=500").then()
                    .statusCode(200).extract().path("items");
            Map<String, Object> s = items.stream().filter(i -> id.equals(i.get("id"))).findFirst().orElseThrow();
            assertEquals("DELIVERED", s.get("status"), query);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> lines = (List<Map<String, Object>>) s.get("lines");
            assertEquals(List.of(95, 40), lines.stream().map(l -> l.get("accepted")).toList(), query);
            assertEquals(List.of(5, 0), lines.stream().map(l -> l.get("rejected")).toList(), query);
            assertEquals("Torn canvas", lines.get(0).get("rejectionReason"), query);
        }
    }

    @Test
    void aPageOfShipmentsIsReadWithoutAQueryPerShipment() {
        Map<String, Object> first = shipment(UUID.randomUUID(), UUID.randomUUID(), manyLines(30));
        String one = createId(first);
        for (int i = 1; i < 12; i++) {
            Map<String, Object> b = shipment(UUID.randomUUID(), UUID.randomUUID(), manyLines(30));
            b.put("planId", first.get("planId"));
            createId(b);
        }
        String url = "/api/v1/shipments?planId=" + first.get("planId");
        // the background retry of pending releases queries the same database: hold it while counting
        scheduler.pause(RETRY_JOB);
        try {
            long twelve = statements(url + "&size=12", 12);
            long two = statements(url + "&size=2", 2);
            // a full page: the change marker (for the ETag), the shipments, all their lines, the count: the same for
            // 2 shipments as for 12
            assertEquals(4, twelve);
            assertEquals(two, twelve);
            // the last page, not full: its total is known without counting
            assertEquals(3, statements(url + "&size=500", 12));
            assertEquals(3, statements(url + "&size=5&page=2", 2));
            for (String page : List.of("&size=500", "&size=5&page=2", "&size=12", "&size=5&page=3")) {
                given().get(url + page).then().statusCode(200).body("total", equalTo(12));
            }
            // one shipment: the shipment and its lines
            assertEquals(2, statements("/api/v1/shipments/" + one, -1));
        } finally {
            scheduler.resume(RETRY_JOB);
        }
    }

    @Test
    void withoutLinesEachShipmentCarriesTheirCountAndWeightAndTheAnswerIsSmall() {
        Map<String, Object> first = shipment(UUID.randomUUID(), UUID.randomUUID(), manyLines(30));
        createId(first);
        Map<String, Object> second = anyShipment();
        second.put("planId", first.get("planId"));
        createId(second);
        String url = "/api/v1/shipments?planId=" + first.get("planId");

        io.restassured.response.Response full = given().get(url);
        io.restassured.response.Response light = given().get(url + "&lines=false");
        full.then().statusCode(200).body("total", equalTo(2)).body("items.lineCount", contains(30, 2))
                .body("items[1].totalWeightKg", equalTo(5700.0f));
        light.then().statusCode(200).body("total", equalTo(2)).body("items.lines", everyItem(nullValue()))
                .body("items.lineCount", contains(30, 2))
                .body("items.totalWeightKg", equalTo(full.path("items.totalWeightKg")))
                .body("items.id", equalTo(full.path("items.id")))
                .body("items.status", equalTo(full.path("items.status")));
        // 32 lines left out: about a quarter of the bytes (1,640 against 6,691 when written)
        assertFalse(light.asString().contains("lotId"), light.asString());
        assertTrue(light.asString().length() * 3 < full.asString().length(),
                light.asString().length() + " bytes without lines against " + full.asString().length());

        // each has its own ETag: the full answer's does not make the light one a 304, nor the other way round
        String fullTag = full.header("ETag");
        String lightTag = light.header("ETag");
        assertTrue(fullTag != null && lightTag != null && !fullTag.equals(lightTag), fullTag + " / " + lightTag);
        given().header("If-None-Match", fullTag).get(url + "&lines=false").then().statusCode(200);
        given().header("If-None-Match", lightTag).get(url + "&lines=false").then().statusCode(304);
        given().header("If-None-Match", lightTag).get(url).then().statusCode(200);
        // lines=true is the default
        given().get(url + "&lines=true").then().statusCode(200).body("items[0].lines.size()", equalTo(30));
    }

    @Test
    void linesMustBeTrueOrFalse() {
        given().get("/api/v1/shipments?lines=maybe").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("Query parameter lines must be true or false, got 'maybe'"));
    }

    // ---------------------------------------------------------------- helpers

    /** Every page of {@code query} at {@code size}, checking each page's total, in the order answered. */
    private static List<Item> readAll(String query, int size, int total) {
        List<Item> all = new ArrayList<>();
        for (int page = 0; page * size < total; page++) {
            List<Map<String, Object>> items = given().get("/api/v1/shipments?" + query + "&size=" + size + "&page="
                    + page).then().statusCode(200).body("total", equalTo(total)).body("page", equalTo(page))
                    .extract().path("items");
            items.forEach(i -> all.add(new Item((String) i.get("id"), Instant.parse((String) i.get("updatedAt")))));
        }
        return all;
    }

    /**
     * The fewest JDBC statements one GET of {@code url} prepared in three tries (a background run that had already
     * started when it was paused may still query), with no collection of lines loaded lazily; {@code items} is the
     * page's expected size, or -1 for a single shipment.
     */
    private long statements(String url, int items) {
        Statistics stats = sessionFactory.getStatistics();
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            stats.clear();
            if (items < 0) {
                given().get(url).then().statusCode(200);
            } else {
                given().get(url).then().statusCode(200).body("items.size()", equalTo(items))
                        .body("items.lines.flatten().size()", equalTo(items * 30));
            }
            fewest = Math.min(fewest, stats.getPrepareStatementCount());
            if (items >= 0) {
                assertEquals(0, stats.getCollectionFetchCount(), "lines loaded shipment by shipment");
            }
        }
        return fewest;
    }
}
