package org.corridor.allocation.client.shipment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.corridor.common.client.ListPage;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * shipment-service's API as plan approval uses it (base URL {@code quarkus.rest-client.shipment.url}). Only
 * {@link ShipmentGateway} calls it. The paths are on the methods: a class-level {@code @Path} is what marks a JAX-RS
 * resource, and resources live in {@code rest/}.
 */
@RegisterRestClient(configKey = "shipment")
@Produces(MediaType.APPLICATION_JSON)
public interface ShipmentClient {

    record ShipmentRequest(UUID planId, UUID originDepotId, String originCountryCode, UUID siteId, String siteName,
            String destinationCountryCode, UUID incidentId, String mode, Integer vehicles, List<ShipmentLine> lines,
            Instant plannedDeparture, Instant estimatedArrival, UUID reservationId) {
    }

    record ShipmentLine(String itemCode, UUID lotId, int quantity, double weightKg) {
    }

    /** {@code stockHandedOverTo}: cancel without releasing, the units stay held there (omitted when null). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EventRequest(String type, Instant at, String note, UUID stockHandedOverTo) {

        public EventRequest(String type, Instant at, String note) {
            this(type, at, note, null);
        }
    }

    @POST
    @Path("/api/v1/shipments")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode create(@HeaderParam("Idempotency-Key") String key, ShipmentRequest body);

    /** Shipments of a plan, oldest first: what an approval really created, and how its shipments moved. */
    @GET
    @Path("/api/v1/shipments/{id}")
    Shipment shipment(@PathParam("id") UUID id);

    @GET
    @Path("/api/v1/shipments")
    Page<Shipment> shipments(@QueryParam("planId") UUID planId, @QueryParam("page") int page,
            @QueryParam("size") int size);

    /**
     * Shipments in one status, of every plan: what all approvals left in shipment-service; with {@code lines} false
     * without their lines (each shipment's {@code lines} is then null).
     */
    @GET
    @Path("/api/v1/shipments")
    Page<Shipment> shipmentsWithStatus(@QueryParam("status") String status, @QueryParam("lines") boolean lines,
            @QueryParam("page") int page, @QueryParam("size") int size);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Page<T>(List<T> items, int page, int size, long total) implements ListPage<T> {
    }

    /** What allocation reads of a shipment: status, dispatch time and the proof-of-delivery quantities per lot. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    /**
     * {@code stock} HANDED_OVER with {@code stockSettlement.handedOverTo}: cancelled by a re-plan's approval with its
     * units kept in that reservation.
     */
    record Shipment(UUID id, UUID planId, String status, Instant dispatchedAt, List<Line> lines, String stock,
            Settlement stockSettlement) {

        public Shipment(UUID id, UUID planId, String status, Instant dispatchedAt, List<Line> lines) {
            this(id, planId, status, dispatchedAt, lines, null, null);
        }

        /** The reservation keeping the units of a shipment cancelled with its stock handed over, else null. */
        public UUID stockHandedOverTo() {
            return "HANDED_OVER".equals(stock) && stockSettlement != null ? stockSettlement.handedOverTo() : null;
        }
    }

    /** How the shipment's stock was settled; only what allocation reads. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Settlement(UUID handedOverTo) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Line(UUID lotId, int quantity, Integer accepted, Integer rejected) {
    }

    @POST
    @Path("/api/v1/shipments/{id}/events")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode event(@PathParam("id") UUID shipmentId, EventRequest body);
}
