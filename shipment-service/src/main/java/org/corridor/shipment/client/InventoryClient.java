package org.corridor.shipment.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** inventory-service's reservation API (contract: POST /reservations/{id}/consume and /release, both idempotent). */
@RegisterRestClient(configKey = "inventory")
@Path("/api/v1/reservations")
@Produces(MediaType.APPLICATION_JSON)
public interface InventoryClient {

    @POST
    @Path("{id}/consume")
    JsonNode consume(@PathParam("id") UUID reservationId, @HeaderParam("Idempotency-Key") String idempotencyKey);

    @POST
    @Path("{id}/release")
    JsonNode release(@PathParam("id") UUID reservationId, @HeaderParam("Idempotency-Key") String idempotencyKey);
}
