package org.corridor.allocation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.corridor.allocation.domain.TransportMode;
import org.corridor.allocation.rest.dto.RouteOverrideDto;
import org.corridor.allocation.rest.dto.RouteOverrideRequest;
import org.corridor.allocation.rest.dto.TransportModelDto;
import org.corridor.allocation.service.RouteOverrideService;
import org.corridor.common.idempotency.Idempotency;
import org.corridor.common.paging.PageParams;
import org.corridor.common.paging.PageResponse;
import org.corridor.common.problem.Problem;
import org.corridor.common.rest.QueryParams;
import org.corridor.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Transport", description = "The transport model and officers' per-route overrides of lead time and cost")
public class RouteOverrideResource {

    private final RouteOverrideService overrides;
    private final Idempotency idempotency;

    public RouteOverrideResource(RouteOverrideService overrides, Idempotency idempotency) {
        this.overrides = overrides;
        this.idempotency = idempotency;
    }

    @GET
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Path("transport-model")
    @Operation(operationId = "getTransportModel", summary = "Get the transport model",
            description = "The configured defaults the solver uses for every route without an override.")
    @APIResponse(responseCode = "200", description = "The transport model")
    public TransportModelDto model() {
        return TransportModelDto.from(overrides.transportModel());
    }

    @POST
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.ADMIN})
    @Path("route-overrides")
    @Operation(operationId = "createRouteOverride", summary = "Override a route's lead time and/or cost",
            description = "Replaces the transport model's lead time and/or cost per vehicle-km from one country to "
                    + "another by one mode. One override per route and mode.")
    @APIResponse(responseCode = "201", description = "Created; Location names the override",
            content = @Content(schema = @Schema(implementation = RouteOverrideDto.class)))
    @APIResponse(responseCode = "409", description = "An override for this route and mode exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A country is not known to inventory-service, or the "
            + "Idempotency-Key was used with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "inventory-service is unavailable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull RouteOverrideRequest body, @Context UriInfo uri,
            @Parameter(description = ApiDocs.OPTIONAL_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        RouteOverrideService.NewRouteOverride override = body.toCommand();
        overrides.checkNew(override);
        return idempotency.execute("route-overrides", idempotencyKey, body, () -> {
            RouteOverrideDto dto = RouteOverrideDto.from(overrides.persistNew(override));
            return Idempotency.Result.created(uri.getAbsolutePathBuilder().path(dto.id().toString()).build(), dto);
        });
    }

    @GET
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Path("route-overrides")
    @Operation(operationId = "listRouteOverrides", summary = "List route overrides",
            description = "Route overrides with optional filters.")
    @APIResponse(responseCode = "200", description = "One page of route overrides")
    public PageResponse<RouteOverrideDto> list(
            @Parameter(description = "Origin country", example = "ARE") @QueryParam("originCountryCode") String origin,
            @Parameter(description = "Destination country",
                    example = "TUR") @QueryParam("destinationCountryCode") String destination,
            @Parameter(description = "Mode", example = "AIR",
                    schema = @Schema(implementation = TransportMode.class)) @QueryParam("mode") String mode,
            @BeanParam @Valid PageParams page) {
        return overrides.list(origin, destination, QueryParams.enumValue("mode", mode, TransportMode.class),
                page).map(RouteOverrideDto::from);
    }

    @GET
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Path("route-overrides/{id}")
    @Operation(operationId = "getRouteOverride", summary = "Get one route override",
            description = "One route override by id.")
    @APIResponse(responseCode = "200", description = "The override")
    public RouteOverrideDto get(@Parameter(description = "Override id") @PathParam("id") UUID id) {
        return RouteOverrideDto.from(overrides.get(id));
    }

    @DELETE
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.ADMIN})
    @Path("route-overrides/{id}")
    @Operation(operationId = "deleteRouteOverride", summary = "Delete a route override",
            description = "The route goes back to the transport model for plans made afterwards.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@Parameter(description = "Override id") @PathParam("id") UUID id) {
        overrides.delete(id);
    }
}
