package org.corridor.allocation.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The inventory-service calls of plan approval: reservations and team assignments (same base URL as {@code inventory}). */
@RegisterRestClient(configKey = "inventory")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface InventoryWriteApi {

    record ReservationRequest(String reference, List<ReservationLine> lines) {
    }

    record ReservationLine(UUID lotId, long quantity) {
    }

    record AssignmentRequest(String reference) {
    }

    @POST
    @Path("/reservations")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode reserve(@HeaderParam("Idempotency-Key") String key, ReservationRequest body);

    /** Without a body: releases whatever is still held; repeating it answers unchanged. */
    @POST
    @Path("/reservations/{id}/release")
    JsonNode release(@PathParam("id") UUID reservationId);

    @POST
    @Path("/teams/{id}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode assign(@PathParam("id") UUID teamId, AssignmentRequest body);

    @DELETE
    @Path("/teams/{id}/assignment")
    JsonNode unassign(@PathParam("id") UUID teamId);
}
