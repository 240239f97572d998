package org.corridor.shipment.client.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * inventory-service's reservation API: POST /reservations/{id}/consume and /release with a {@code {reference, lines}}
 * body settle just this shipment's part of the plan's reservation, once per reference. (The paths are on the methods: a
 * class-level {@code @Path} marks a resource, which lives in rest/.)
 */
@RegisterRestClient(configKey = "inventory")
@Produces(MediaType.APPLICATION_JSON)
public interface InventoryClient {

    /** The part of a reservation one shipment settles, under a reference that makes a retry harmless. */
    record Settlement(String reference, List<Line> lines) {
    }

    /** A lot and quantity of the reservation. */
    record Line(UUID lotId, long quantity) {
    }

    @POST
    @Path("/api/v1/reservations/{id}/consume")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode consume(@PathParam("id") UUID reservationId, @HeaderParam("Idempotency-Key") String idempotencyKey,
            Settlement settlement);

    @POST
    @Path("/api/v1/reservations/{id}/release")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode release(@PathParam("id") UUID reservationId, @HeaderParam("Idempotency-Key") String idempotencyKey,
            Settlement settlement);
}
