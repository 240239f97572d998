package org.corridor.shipment.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Request bodies and calls the tests share. Every shipment gets fresh random ids, so tests never collide. */
public final class Fixtures {

    /** Events are dated in the past, one minute apart, so they are in order and never "in the future". */
    public static final Instant T0 = Instant.now().minus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    private Fixtures() {
    }

    public static Instant t(int minutes) {
        return T0.plus(minutes, ChronoUnit.MINUTES);
    }

    public static Map<String, Object> line(String itemCode, UUID lotId, int quantity, double weightKg) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("itemCode", itemCode);
        l.put("lotId", lotId.toString());
        l.put("quantity", quantity);
        l.put("weightKg", weightKg);
        return l;
    }

    public static Map<String, Object> shipment(UUID incidentId, UUID siteId, List<Map<String, Object>> lines) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("planId", UUID.randomUUID().toString());
        b.put("originDepotId", UUID.randomUUID().toString());
        b.put("originCountryCode", "ARE");
        b.put("siteId", siteId.toString());
        b.put("siteName", "Antakya stadium camp");
        b.put("destinationCountryCode", "TUR");
        b.put("incidentId", incidentId.toString());
        b.put("mode", "ROAD");
        b.put("vehicles", 2);
        b.put("lines", new ArrayList<>(lines));
        b.put("plannedDeparture", T0.minus(1, ChronoUnit.HOURS).toString());
        b.put("estimatedArrival", T0.plus(2, ChronoUnit.DAYS).toString());
        b.put("reservationId", UUID.randomUUID().toString());
        return b;
    }

    /**
     * {@code n} lines, each from its own new lot, alternating between four items; quantities 1 to 97 and weights follow
     * the line number, so every line can be told apart and checked.
     */
    public static List<Map<String, Object>> manyLines(int n) {
        String[] items = {"TENT-FAMILY", "HYGIENE-KIT", "BLANKET", "WATER-JERRYCAN"};
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lines.add(line(items[i % items.length], UUID.randomUUID(), 1 + i % 97, 0.5 * (1 + i % 97)));
        }
        return lines;
    }

    /** Reads the shipment as the service answers it. */
    public static Response getShipment(String id) {
        return given().get("/api/v1/shipments/" + id);
    }

    /**
     * Reads the shipment every 100 ms until {@code done} holds for its JSON (a background retry has run), at most
     * {@code seconds}; fails with the last answer otherwise.
     */
    public static Response awaitShipment(String id, int seconds, Predicate<Response> done) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        Response r = getShipment(id);
        while (!done.test(r)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("shipment " + id + " did not get there within " + seconds + " s: "
                        + r.asString());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            r = getShipment(id);
        }
        return r;
    }

    public static Map<String, Object> anyShipment() {
        return shipment(UUID.randomUUID(), UUID.randomUUID(),
                List.of(line("TENT-FAMILY", UUID.randomUUID(), 100, 5500.0),
                        line("HYGIENE-KIT", UUID.randomUUID(), 40, 200.0)));
    }

    public static Response create(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(body).post("/api/v1/shipments");
    }

    /** Creates the shipment and returns its id. */
    public static String createId(Map<String, Object> body) {
        return create(body).then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> event(String type, Instant at) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", type);
        e.put("at", at.toString());
        return e;
    }

    public static Response postEvent(String shipmentId, Map<String, Object> event) {
        return given().contentType(ContentType.JSON).body(event).post("/api/v1/shipments/" + shipmentId + "/events");
    }

    public static Response postEvent(String shipmentId, String type, Instant at) {
        return postEvent(shipmentId, event(type, at));
    }

    /** Posts the events in order, one minute apart from minute {@code start}, each expected to succeed. */
    public static int drive(String shipmentId, int start, String... types) {
        int m = start;
        for (String type : types) {
            postEvent(shipmentId, type, t(m++)).then().statusCode(201);
        }
        return m;
    }

    public static Map<String, Object> podLine(String itemCode, Object lotId, int accepted, int rejected,
            String reason) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("itemCode", itemCode);
        l.put("lotId", lotId.toString());
        l.put("accepted", accepted);
        l.put("rejected", rejected);
        if (reason != null) {
            l.put("rejectionReason", reason);
        }
        return l;
    }

    public static Map<String, Object> pod(Instant receivedAt, List<Map<String, Object>> lines) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("receivedBy", "Ayşe Demir, camp manager");
        b.put("receivedAt", receivedAt.toString());
        b.put("lines", lines);
        return b;
    }

    /** A proof accepting everything shipped, built from the shipment as the service returns it. */
    public static Map<String, Object> fullPod(String shipmentId, Instant receivedAt) {
        List<Map<String, Object>> shipped = given().get("/api/v1/shipments/" + shipmentId).then().statusCode(200)
                .extract().path("lines");
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Map<String, Object> l : shipped) {
            lines.add(podLine((String) l.get("itemCode"), l.get("lotId"), (Integer) l.get("quantity"), 0, null));
        }
        return pod(receivedAt, lines);
    }

    /** The lots of {@link #arrived()}. */
    public static final UUID TENT_LOT = UUID.randomUUID();
    public static final UUID KIT_LOT = UUID.randomUUID();

    /** A shipment of 100 tents and 40 hygiene kits, ARRIVED at minute 3. */
    public static String arrived() {
        String id = createId(shipment(UUID.randomUUID(), UUID.randomUUID(),
                List.of(line("TENT-FAMILY", TENT_LOT, 100, 5500), line("HYGIENE-KIT", KIT_LOT, 40, 200))));
        drive(id, 0, "DISPATCHED", "IN_TRANSIT", "ARRIVED");
        return id;
    }

    /** A proof of delivery of {@link #arrived()}: 5 tents rejected, the rest accepted. */
    public static Map<String, Object> partialPod(Instant at) {
        return pod(at, List.of(podLine("TENT-FAMILY", TENT_LOT, 95, 5, "Torn canvas"),
                podLine("HYGIENE-KIT", KIT_LOT, 40, 0, null)));
    }

    public static Response postPod(String shipmentId, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .post("/api/v1/shipments/" + shipmentId + "/proof-of-delivery");
    }
}
