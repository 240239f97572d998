package org.corridor.allocation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.corridor.allocation.rest.dto.AttentionDto;
import org.corridor.allocation.service.attention.AttentionService;
import org.corridor.common.etag.ETagResponder;
import org.corridor.common.problem.Problem;
import org.corridor.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The attention list of an incident: whether an officer should re-plan, and why. */
@Path("/api/v1/incidents/{id}/attention")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Incidents", description = "Disasters, their affected sites, material needs and team needs")
public class AttentionResource {

    private final AttentionService attention;
    private final ETagResponder etag;

    public AttentionResource(AttentionService attention, ETagResponder etag) {
        this.attention = attention;
        this.etag = etag;
    }

    @GET
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getIncidentAttention", summary = "What changed since the last approved plan",
            description = "Lists what needs an officer's attention since the incident's last approved plan, and why: "
                    + "lost, rejected and cancelled shipments, approved lines an access rule or an expiry now forbids, "
                    + "new and uncovered needs, unfilled team needs, stood-down teams, new usable stock, and SOLVING or "
                    + "SOLVED plans made before such a change (re-plan before approving). replanAdvised says whether a "
                    + "re-plan can act on any of it. Degrades rather than fails: when shipment-service or "
                    + "inventory-service does not answer it still answers 200, saying less and naming what it could "
                    + "not check in notChecked. Answers an ETag and honours If-None-Match (304).")
    @APIResponse(responseCode = "200", description = "The attention list, with an ETag",
            content = @Content(schema = @Schema(implementation = AttentionDto.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match")
    @APIResponse(responseCode = "404", description = "Unknown incident",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(
            @Parameter(description = "Incident id",
                    example = "0b6f1f8e-3c1a-4d0e-8a43-5c6c0d3c9e11") @PathParam("id") UUID id,
            @Context Request request) {
        return etag.ok(request, AttentionDto.from(attention.of(id)));
    }
}
