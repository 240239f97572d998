package org.corridor.shipment.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.io.IOException;

/**
 * inventory-service's settlements as the tests' WireMock answers them, the way inventory settles a reservation's lines
 * ({@code POST /reservations/{id}/consume|release} with {@code {reference, lines: [{lotId, quantity}]}}):
 * <ul>
 * <li>up to 10,000 lines in one settlement; more is a 400 problem;</li>
 * <li>release gives back per line what is still held of it, at most what was asked, and answers 200 with the
 * reservation (its lines' running totals) and {@code settlement.lines[].released}, what this call gave back (0 when the
 * reservation is already settled): it never fails because the stock is gone;</li>
 * <li>consume is strict: it issues every line ({@code consumed}) or, when the stock is not held, answers 409.</li>
 * </ul>
 * The default stubs of {@link UpstreamServicesResource} hold everything that is asked; a test says how much a
 * reservation still holds per line with {@link #holding}, or makes consume refuse with {@link #notHeld}.
 */
public class InventorySettlements implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "inventory-settlement";
    /** Most lines inventory settles at once. */
    public static final int MAX_LINES = 10_000;
    /** Transformer parameter: how much inventory still holds of each line (absent: all of it). */
    public static final String HELD = "held";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        String url = event.getRequest().getUrl();
        boolean release = url.endsWith("/release");
        JsonNode body;
        try {
            body = JSON.readTree(event.getRequest().getBodyAsString());
        } catch (IOException e) {
            return problem(400, "Bad request", "The body is not JSON");
        }
        JsonNode lines = body == null ? null : body.get("lines");
        if (lines == null || !lines.isArray() || lines.isEmpty()) {
            return problem(400, "Bad request", "lines: must have between 1 and " + MAX_LINES + " lines");
        }
        if (lines.size() > MAX_LINES) {
            return problem(400, "Bad request", "lines: must have between 1 and " + MAX_LINES + " lines, got "
                    + lines.size());
        }
        Integer held = event.getTransformerParameters().getInt(HELD, null);
        ObjectNode answer = JSON.createObjectNode();
        answer.put("reference", body.path("reference").asText());
        answer.put("status", release ? "RELEASED" : "CONSUMED");
        // the reservation's lines carry running totals (other shipments' settlements of the shared reservation
        // included: here 1,000 more than this call); what this call settled is in settlement.lines
        ArrayNode out = answer.putArray("lines");
        ObjectNode settlement = answer.putObject("settlement");
        settlement.put("kind", release ? "RELEASE" : "CONSUME");
        settlement.put("reference", body.path("reference").asText());
        settlement.put("replay", false);
        ArrayNode settledLines = settlement.putArray("lines");
        for (JsonNode l : lines) {
            long asked = l.path("quantity").asLong();
            long settled = held == null ? asked : Math.min(asked, held);
            if (!release && settled < asked) {
                return problem(409, "Reservation not held",
                        "Lot " + l.path("lotId").asText() + " holds " + settled + ", " + asked + " asked");
            }
            ObjectNode line = out.addObject();
            line.put("lotId", l.path("lotId").asText());
            line.put("quantity", asked + 1_000);
            line.put("consumed", release ? 1_000 : settled + 1_000);
            line.put("released", release ? settled : 0);
            line.put("held", 0);
            ObjectNode s = settledLines.addObject();
            s.put("lotId", l.path("lotId").asText());
            s.put("requested", asked);
            s.put("consumed", release ? 0 : settled);
            s.put("released", release ? settled : 0);
        }
        return ResponseDefinitionBuilder.like(event.getResponseDefinition()).but().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(answer.toString()).build();
    }

    private static ResponseDefinition problem(int status, String title, String detail) {
        ObjectNode p = JSON.createObjectNode();
        p.put("type", "https://corridor.example/problems/test");
        p.put("title", title);
        p.put("status", status);
        p.put("detail", detail);
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "application/problem+json").withBody(p.toString()).build();
    }

    /**
     * From now on, reservation {@code reservationId} holds at most {@code held} of each line for {@code operation}
     * ("release" or "consume"): a release gives back at most that much per line, a consume of more is a 409.
     */
    public static StubMapping holding(WireMockServer wireMock, String reservationId, String operation, int held) {
        return wireMock.stubFor(post(urlEqualTo("/api/v1/reservations/" + reservationId + "/" + operation))
                .atPriority(1).willReturn(aResponse().withTransformers(NAME).withTransformerParameter(HELD, held)));
    }

    /** Reservation {@code reservationId} no longer holds anything: consume answers 409, release gives back 0. */
    public static void notHeld(WireMockServer wireMock, String reservationId) {
        holding(wireMock, reservationId, "consume", 0);
        holding(wireMock, reservationId, "release", 0);
    }
}
