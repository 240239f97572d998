package org.corridor.allocation.client.shipment;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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

    record EventRequest(String type, Instant at, String note) {
    }

    @POST
    @Path("/api/v1/shipments")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode create(@HeaderParam("Idempotency-Key") String key, ShipmentRequest body);

    @POST
    @Path("/api/v1/shipments/{id}/events")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode event(@PathParam("id") UUID shipmentId, EventRequest body);
}
