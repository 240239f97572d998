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
import java.time.Instant;
import java.util.UUID;
import org.corridor.allocation.domain.AccessRuleKind;
import org.corridor.allocation.domain.AppliesTo;
import org.corridor.allocation.rest.dto.AccessRuleDto;
import org.corridor.allocation.rest.dto.AccessRuleRequest;
import org.corridor.allocation.service.AccessRuleService;
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

@Path("/api/v1/access-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Access rules", description = "Embargoes and closed borders that keep materials or teams out of a country")
public class AccessRuleResource {

    private final AccessRuleService rules;
    private final Idempotency idempotency;

    public AccessRuleResource(AccessRuleService rules, Idempotency idempotency) {
        this.rules = rules;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.ADMIN})
    @Operation(operationId = "createAccessRule", summary = "Record an embargo or closed border",
            description = "Materials and/or teams may not go from the origin country to the destination country "
                    + "during [validFrom, validUntil). Both countries must be known to inventory-service.")
    @APIResponse(responseCode = "201", description = "Created; Location names the rule",
            content = @Content(schema = @Schema(implementation = AccessRuleDto.class)))
    @APIResponse(responseCode = "422", description = "A country is not known to inventory-service, or the "
            + "Idempotency-Key was used with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "inventory-service is unavailable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull AccessRuleRequest body, @Context UriInfo uri,
            @Parameter(description = ApiDocs.OPTIONAL_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        AccessRuleService.NewAccessRule rule = body.toCommand();
        rules.checkNew(rule);
        return idempotency.execute("access-rules", idempotencyKey, body, () -> {
            AccessRuleDto dto = AccessRuleDto.from(rules.persistNew(rule));
            return Idempotency.Result.created(uri.getAbsolutePathBuilder().path(dto.id().toString()).build(), dto);
        });
    }

    @GET
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "listAccessRules", summary = "List access rules",
            description = "Access rules in the order they were recorded, with optional filters.")
    @APIResponse(responseCode = "200", description = "One page of access rules")
    public PageResponse<AccessRuleDto> list(
            @Parameter(description = "Origin country", example = "USA") @QueryParam("originCountryCode") String origin,
            @Parameter(description = "Destination country",
                    example = "SYR") @QueryParam("destinationCountryCode") String destination,
            @Parameter(description = "Kind", example = "EMBARGO",
                    schema = @Schema(implementation = AccessRuleKind.class)) @QueryParam("kind") String kind,
            @Parameter(description = "What the rule blocks", example = "MATERIALS",
                    schema = @Schema(implementation = AppliesTo.class)) @QueryParam("appliesTo") String appliesTo,
            @Parameter(description = "Only rules in force at this instant", example = "2023-02-06T00:00:00Z",
                    schema = @Schema(implementation = Instant.class)) @QueryParam("activeAt") String activeAt,
            @BeanParam @Valid PageParams page) {
        return rules.list(origin, destination, QueryParams.enumValue("kind", kind, AccessRuleKind.class),
                QueryParams.enumValue("appliesTo", appliesTo, AppliesTo.class),
                QueryParams.instant("activeAt", activeAt), page).map(AccessRuleDto::from);
    }

    @GET
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Path("{id}")
    @Operation(operationId = "getAccessRule", summary = "Get one access rule", description = "One access rule by id.")
    @APIResponse(responseCode = "200", description = "The rule")
    public AccessRuleDto get(@Parameter(description = "Rule id") @PathParam("id") UUID id) {
        return AccessRuleDto.from(rules.get(id));
    }

    @DELETE
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.ADMIN})
    @Path("{id}")
    @Operation(operationId = "deleteAccessRule", summary = "Delete an access rule",
            description = "Removes the rule; plans made afterwards no longer respect it. Plans already made keep "
                    + "their lines.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@Parameter(description = "Rule id") @PathParam("id") UUID id) {
        rules.delete(id);
    }
}
