package org.corridor.inventory.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.corridor.common.idempotency.Idempotency;
import org.corridor.common.paging.PageParams;
import org.corridor.common.paging.PageResponse;
import org.corridor.common.problem.Problem;
import org.corridor.common.rest.QueryParams;
import org.corridor.common.security.Roles;
import org.corridor.inventory.domain.OrganisationType;
import org.corridor.inventory.rest.dto.OrganisationDto;
import org.corridor.inventory.rest.dto.OrganisationRequest;
import org.corridor.inventory.service.CatalogueService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organisations", description = "Governments, UN agencies, NGOs, Red Cross/Red Crescent societies, "
        + "donor agencies and companies that run depots, donate stock or field teams")
public class OrganisationResource {

    private final CatalogueService catalogue;
    private final Idempotency idempotency;

    public OrganisationResource(CatalogueService catalogue, Idempotency idempotency) {
        this.catalogue = catalogue;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN})
    @Operation(operationId = "createOrganisation", summary = "Register an organisation",
            description = "Registers an organisation. Honours an optional Idempotency-Key: the same key and body "
                    + "replay the first answer.")
    @APIResponse(responseCode = "201", description = "Registered; Location names it",
            headers = @Header(name = "Location", description = "URI of the new organisation",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OrganisationDto.class)))
    @APIResponse(responseCode = "422",
            description = "Unknown country, or the Idempotency-Key was used with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "Optional key making a retry safe",
                    example = "org-wfp-2026-11-22") String key,
            @Valid @NotNull OrganisationRequest body) {
        return idempotency.execute("organisations", key, body, () -> {
            OrganisationDto dto = OrganisationDto.from(catalogue.createOrganisation(body.toCommand()));
            return Idempotency.Result.created(URI.create("/api/v1/organisations/" + dto.id()), dto);
        });
    }

    @GET
    @RolesAllowed({Roles.DONOR, Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "listOrganisations", summary = "List organisations",
            description = "Registered organisations ordered by name, optionally filtered by type and country.")
    public PageResponse<OrganisationDto> list(
            @QueryParam("type") @Parameter(description = "Only this kind of organisation", example = "NGO",
                    schema = @Schema(implementation = OrganisationType.class)) String type,
            @QueryParam("countryCode") @Parameter(description = "Only organisations of this country",
                    example = "ITA") String countryCode,
            @BeanParam @Valid PageParams page) {
        OrganisationType t = QueryParams.enumValue("type", type, OrganisationType.class);
        return catalogue.organisations(t, countryCode, page.page, page.size).map(OrganisationDto::from);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.DONOR, Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getOrganisation", summary = "Get one organisation",
            description = "One organisation by id.")
    public OrganisationDto get(
            @PathParam("id") @Parameter(description = "Organisation id", example = Examples.ORGANISATION_ID) UUID id) {
        return OrganisationDto.from(catalogue.organisation(id));
    }
}
