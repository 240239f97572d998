package org.corridor.allocation.rest;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.corridor.allocation.domain.IncidentStatus;
import org.corridor.allocation.domain.IncidentType;
import org.corridor.allocation.rest.dto.EstimateRequest;
import org.corridor.allocation.rest.dto.IncidentDto;
import org.corridor.allocation.rest.dto.IncidentRequest;
import org.corridor.allocation.rest.dto.NeedDto;
import org.corridor.allocation.rest.dto.NeedPageDto;
import org.corridor.allocation.rest.dto.NeedRequest;
import org.corridor.allocation.rest.dto.NeedsEstimateDto;
import org.corridor.allocation.rest.dto.SiteDto;
import org.corridor.allocation.rest.dto.SiteRequest;
import org.corridor.allocation.rest.dto.TeamNeedDto;
import org.corridor.allocation.rest.dto.TeamNeedRequest;
import org.corridor.allocation.service.IncidentService;
import org.corridor.allocation.service.NeedFilter;
import org.corridor.allocation.service.NeedsEstimator;
import org.corridor.allocation.service.exchange.NeedExport;
import org.corridor.common.csv.HxlCsv;
import org.corridor.common.etag.ETagResponder;
import org.corridor.common.idempotency.Idempotency;
import org.corridor.common.paging.PageParams;
import org.corridor.common.paging.PageResponse;
import org.corridor.common.problem.Problem;
import org.corridor.common.rest.QueryParams;
import org.corridor.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Incidents", description = "Disasters, their affected sites, material needs and team needs")
public class IncidentResource {

    private final IncidentService incidents;
    private final NeedsEstimator estimator;
    private final Idempotency idempotency;
    private final NeedExport needExport;
    private final ETagResponder etag;

    public IncidentResource(IncidentService incidents, NeedsEstimator estimator, Idempotency idempotency,
            NeedExport needExport, ETagResponder etag) {
        this.incidents = incidents;
        this.estimator = estimator;
        this.idempotency = idempotency;
        this.needExport = needExport;
        this.etag = etag;
    }

    @POST
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.ADMIN})
    @Operation(operationId = "createIncident", summary = "Create an incident with its sites",
            description = "Records a disaster and its affected sites; ids are generated. The country must be known "
                    + "to inventory-service.")
    @APIResponse(responseCode = "201", description = "Created; Location names the incident",
            content = @Content(schema = @Schema(implementation = IncidentDto.class)))
    @APIResponse(responseCode = "422", description = "The country is not known to inventory-service, or the "
            + "Idempotency-Key was used with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "inventory-service is unavailable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull IncidentRequest body, @Context UriInfo uri,
            @Parameter(description = ApiDocs.OPTIONAL_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        IncidentService.NewIncident incident = body.toCommand();
        incidents.checkNew(incident);
        return idempotency.execute("incidents", idempotencyKey, body, () -> {
            IncidentDto dto = IncidentDto.from(incidents.persistNew(incident));
            return Idempotency.Result.created(uri.getAbsolutePathBuilder().path(dto.id().toString()).build(), dto);
        });
    }

    @GET
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "listIncidents", summary = "List incidents",
            description = "Incidents, newest first, optionally filtered by status, type and country.")
    @APIResponse(responseCode = "200", description = "One page of incidents")
    public PageResponse<IncidentDto> list(
            @Parameter(description = "Only incidents with this status", example = "OPEN",
                    schema = @Schema(implementation = IncidentStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "Only incidents of this type", example = "EARTHQUAKE",
                    schema = @Schema(implementation = IncidentType.class)) @QueryParam("type") String type,
            @Parameter(description = "Only incidents in this country (ISO 3166-1 alpha-3)",
                    example = "TUR") @QueryParam("countryCode") String countryCode,
            @BeanParam @Valid PageParams page) {
        return incidents.list(QueryParams.enumValue("status", status, IncidentStatus.class),
                QueryParams.enumValue("type", type, IncidentType.class), countryCode, page).map(IncidentDto::from);
    }

    @GET
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Path("{id}")
    @Operation(operationId = "getIncident", summary = "Get one incident", description = "An incident with its sites.")
    @APIResponse(responseCode = "200", description = "The incident")
    public IncidentDto get(@Parameter(description = "Incident id") @PathParam("id") UUID id) {
        return IncidentDto.from(incidents.get(id));
    }

    @POST
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.ADMIN})
    @Path("{id}/closure")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "closeIncident", summary = "Close an incident",
            description = "Marks the incident CLOSED (idempotent): it keeps its needs and plans but takes no new "
                    + "needs and cannot be planned.")
    @APIResponse(responseCode = "200", description = "The closed incident")
    public IncidentDto close(@Parameter(description = "Incident id") @PathParam("id") UUID id) {
        return IncidentDto.from(incidents.close(id));
    }

    @POST
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.ADMIN})
    @Path("{id}/sites")
    @Operation(operationId = "createSite", summary = "Add a site to an open incident",
            description = "A place reached later or hit by a second shock. Its country is the incident's unless "
                    + "countryCode says otherwise (a response across a border). Its needs are then planned like any "
                    + "other: a new plan, or a re-plan of the approved one, covers what is uncovered.")
    @APIResponse(responseCode = "201", description = "Created; Location names the site",
            content = @Content(schema = @Schema(implementation = SiteDto.class)))
    @APIResponse(responseCode = "404", description = "Unknown incident",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The incident is CLOSED, or already has 1,000 sites",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The country is not known to inventory-service, or the "
            + "Idempotency-Key was used with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "inventory-service is unavailable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createSite(@Parameter(description = "Incident id") @PathParam("id") UUID id,
            @Valid @NotNull SiteRequest body, @Context UriInfo uri,
            @Parameter(description = ApiDocs.OPTIONAL_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        IncidentService.NewSite site = body.toCommand();
        incidents.checkNewSite(id, site);
        return idempotency.execute("incident-sites", idempotencyKey, body, () -> {
            SiteDto dto = SiteDto.from(incidents.addSite(id, site));
            return Idempotency.Result.created(uri.getAbsolutePathBuilder().path(dto.id().toString()).build(), dto);
        });
    }

    @GET
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Path("{id}/sites/{siteId}")
    @Operation(operationId = "getSite", summary = "Get one site of an incident",
            description = "The site, with the country it lies in.")
    @APIResponse(responseCode = "200", description = "The site")
    @APIResponse(responseCode = "404", description = "Unknown incident, or not a site of this incident",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SiteDto getSite(@Parameter(description = "Incident id") @PathParam("id") UUID id,
            @Parameter(description = "Site id") @PathParam("siteId") UUID siteId) {
        return SiteDto.from(incidents.siteOrNotFound(id, siteId));
    }

    @POST
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.ADMIN})
    @Path("{id}/needs")
    @Operation(operationId = "createNeed", summary = "Add a material need to a site",
            description = "A quantity of one catalogue item for one site of the incident. The item must exist in "
                    + "inventory-service's catalogue.")
    @APIResponse(responseCode = "201", description = "Created; Location names the need",
            content = @Content(schema = @Schema(implementation = NeedDto.class)))
    @APIResponse(responseCode = "409", description = "The incident is CLOSED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The site is not a site of this incident, or the item is "
            + "unknown, or the Idempotency-Key was used with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "inventory-service is unavailable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createNeed(@Parameter(description = "Incident id") @PathParam("id") UUID id,
            @Valid @NotNull NeedRequest body, @Context UriInfo uri,
            @Parameter(description = ApiDocs.OPTIONAL_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        IncidentService.NewNeed need = body.toCommand();
        incidents.checkNeed(id, need);
        return idempotency.execute("needs:" + id, idempotencyKey, body, () -> {
            NeedDto dto = NeedDto.from(incidents.persistNeed(id, need));
            return Idempotency.Result.created(uri.getAbsolutePathBuilder().path(dto.id().toString()).build(), dto);
        });
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, HxlCsv.MEDIA_TYPE})
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Path("{id}/needs")
    @Operation(operationId = "listNeeds", summary = "List the material needs of an incident",
            description = "Needs in the order they were recorded (createdAt, then id), optionally of one site, "
                    + "each with its coverage. The JSON page carries an ETag and answers If-None-Match with 304. "
                    + "`since` lists only needs recorded strictly after it: a need's own fields never change once "
                    + "recorded, but its coverage does, and a coverage change changes the page's ETag, so a dashboard "
                    + "polls the page with If-None-Match to see coverage move and `since` to fetch new needs. A reader that must not miss a need pages by keyset: "
                    + "it asks page 0 with `since` and `sinceId` set to the createdAt and id of the last need it "
                    + "read, until a page comes back shorter than size. With format=csv (or Accept: "
                    + "text/csv) the answer is every matching need (page and size do not apply) as HXL-tagged CSV, "
                    + "streamed: a header row, a row of HXL hashtags, then one row per need with its site's name, "
                    + "country and coordinates and its coverage.")
    @APIResponse(responseCode = "200", description = "One page of needs (JSON), or every matching need (CSV)",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = NeedPageDto.class)),
                    @Content(mediaType = HxlCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                            description = "HXL-tagged CSV, UTF-8, RFC 4180: one row per need",
                            example = CsvTables.NEEDS_EXAMPLE))})
    @APIResponse(responseCode = "304", description = "Not modified: the If-None-Match tag still matches")
    @APIResponse(responseCode = "404", description = "Unknown incident",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "400", description = "A siteId or sinceId that is not a UUID, a since that is not an "
            + "ISO-8601 UTC instant, sinceId without since, or page/size out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response needs(@Parameter(description = "Incident id",
            example = "0b6f1f8e-3c1a-4d0e-8a43-5c6c0d3c9e11") @PathParam("id") UUID id,
            @Parameter(description = "Only needs of this site", example = "a3d4e5f6-1b2c-4d3e-8f9a-0b1c2d3e4f5a",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("siteId") String siteId,
            @Parameter(description = "Only needs recorded strictly after this instant (ISO-8601 UTC); with sinceId, "
                    + "also those recorded exactly at it whose id comes after sinceId",
                    example = "2026-11-23T06:00:00Z",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("since") String since,
            @Parameter(description = "Keyset cursor, only with since: the id of the last need already read, whose "
                    + "createdAt is since. The page then starts right after that need in the list's order "
                    + "(createdAt, id), even when several needs were recorded at the same instant",
                    example = "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("sinceId") String sinceId,
            @BeanParam @Valid PageParams page,
            @QueryParam("format") @Parameter(description = CsvTables.FORMAT, example = "csv", schema = @Schema(
                    type = SchemaType.STRING, enumeration = {"json", "csv"})) String format,
            @Context HttpHeaders headers,
            @Context Request request) {
        NeedFilter filter = new NeedFilter(id, QueryParams.uuid("siteId", siteId), QueryParams.instant("since", since),
                QueryParams.uuid("sinceId", sinceId));
        if (HxlCsv.requested(format, headers)) {
            needExport.requireIncident(id);
            return HxlCsv.stream("needs-" + id + ".csv", CsvTables.NEEDS, sink -> needExport.forEachNeed(filter, sink));
        }
        return HxlCsv.json(etag.ok(request, incidents.needs(filter, page).map(NeedDto::from)));
    }

    @GET
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Path("{id}/needs/{needId}")
    @Operation(operationId = "getNeed", summary = "Get one material need", description = "One need of the incident.")
    @APIResponse(responseCode = "200", description = "The need")
    public NeedDto need(@Parameter(description = "Incident id") @PathParam("id") UUID id,
            @Parameter(description = "Need id") @PathParam("needId") UUID needId) {
        return NeedDto.from(incidents.need(id, needId));
    }

    @POST
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.ADMIN})
    @Path("{id}/team-needs")
    @Operation(operationId = "createTeamNeed", summary = "Ask for teams at a site",
            description = "A number of rescue or medical teams of one type for one site of the incident.")
    @APIResponse(responseCode = "201", description = "Created; Location names the team need",
            content = @Content(schema = @Schema(implementation = TeamNeedDto.class)))
    @APIResponse(responseCode = "409", description = "The incident is CLOSED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The site is not a site of this incident, or the "
            + "Idempotency-Key was used with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createTeamNeed(@Parameter(description = "Incident id") @PathParam("id") UUID id,
            @Valid @NotNull TeamNeedRequest body, @Context UriInfo uri,
            @Parameter(description = ApiDocs.OPTIONAL_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.execute("team-needs:" + id, idempotencyKey, body, () -> {
            TeamNeedDto dto = TeamNeedDto.from(incidents.addTeamNeed(id, body.toCommand()));
            return Idempotency.Result.created(uri.getAbsolutePathBuilder().path(dto.id().toString()).build(), dto);
        });
    }

    @GET
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Path("{id}/team-needs")
    @Operation(operationId = "listTeamNeeds", summary = "List the team needs of an incident",
            description = "Team needs in the order they were recorded, optionally of one site.")
    @APIResponse(responseCode = "200", description = "One page of team needs")
    public PageResponse<TeamNeedDto> teamNeeds(@Parameter(description = "Incident id") @PathParam("id") UUID id,
            @Parameter(description = "Only team needs of this site",
                    schema = @Schema(implementation = UUID.class)) @QueryParam("siteId") String siteId,
            @BeanParam @Valid PageParams page) {
        return incidents.teamNeeds(id, QueryParams.uuid("siteId", siteId), page).map(TeamNeedDto::from);
    }

    @GET
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Path("{id}/team-needs/{teamNeedId}")
    @Operation(operationId = "getTeamNeed", summary = "Get one team need",
            description = "One team need of the incident.")
    @APIResponse(responseCode = "200", description = "The team need")
    public TeamNeedDto teamNeed(@Parameter(description = "Incident id") @PathParam("id") UUID id,
            @Parameter(description = "Team need id") @PathParam("teamNeedId") UUID teamNeedId) {
        return TeamNeedDto.from(incidents.teamNeed(id, teamNeedId));
    }

    @POST
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.ADMIN})
    @Path("{id}/needs/estimate")
    @Operation(operationId = "estimateNeeds", summary = "Estimate a site's needs from Sphere minimums",
            description = "Proposes needs for a population and a number of days from the Sphere minimum standards "
                    + "(15 l water, 3.5 m2 covered space, 2,100 kcal per person per day; one hygiene kit per family "
                    + "per month; one blanket per person), mapped to catalogue items. Nothing is saved.")
    @APIResponse(responseCode = "200", description = "The proposed needs",
            content = @Content(schema = @Schema(implementation = NeedsEstimateDto.class)))
    @APIResponse(responseCode = "422", description = "The site is not a site of this incident",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "inventory-service is unavailable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public NeedsEstimateDto estimate(@Parameter(description = "Incident id") @PathParam("id") UUID id,
            @Valid @NotNull EstimateRequest body) {
        return NeedsEstimateDto.from(estimator.estimate(id, body.siteId(), body.population(), body.days()));
    }
}
