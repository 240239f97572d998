package org.corridor.inventory.rest;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.corridor.common.csv.HxlCsv;
import org.corridor.common.idempotency.Idempotency;
import org.corridor.common.paging.PageParams;
import org.corridor.common.problem.Problem;
import org.corridor.common.problem.ProblemException;
import org.corridor.common.rest.QueryParams;
import org.corridor.common.security.Roles;
import org.corridor.inventory.domain.TeamStatus;
import org.corridor.inventory.domain.TeamType;
import org.corridor.inventory.rest.dto.AssignmentRequest;
import org.corridor.inventory.rest.dto.TeamDto;
import org.corridor.inventory.rest.dto.TeamPage;
import org.corridor.inventory.rest.dto.TeamRequest;
import org.corridor.inventory.service.TeamService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/teams")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Teams", description = "INSARAG search and rescue teams, WHO emergency medical teams, WASH and logistics "
        + "teams, and their assignment to incidents")
public class TeamResource {

    private final TeamService teams;
    private final Idempotency idempotency;

    public TeamResource(TeamService teams, Idempotency idempotency) {
        this.teams = teams;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN})
    @Operation(operationId = "createTeam", summary = "Register a team",
            description = "Registers a team with its base, mobilisation time and self-sufficiency. Honours an "
                    + "optional Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Registered; Location names it",
            headers = @Header(name = "Location", description = "URI of the new team",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TeamDto.class)))
    @APIResponse(responseCode = "422", description = "Unknown country or organisation, or status ASSIGNED"
            + Problems.IDEMPOTENCY_422,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "Optional key making a retry safe",
                    example = "team-usar-ita-1") String key,
            @Valid @NotNull TeamRequest body) {
        return idempotency.execute("teams", key, body, () -> {
            TeamDto dto = TeamDto.from(teams.create(body.toCommand()));
            return Idempotency.Result.created(URI.create("/api/v1/teams/" + dto.id()), dto);
        });
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, HxlCsv.MEDIA_TYPE})
    @RolesAllowed({Roles.DONOR, Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "listTeams", summary = "List teams",
            description = "Teams ordered by name, optionally filtered by status, type, country and the exact "
                    + "reference of their assignment (assignmentReference: the teams an approval assigned under "
                    + "plan-<planId>). With format=csv (or Accept: text/csv) every matching team (page and size do "
                    + "not apply) as HXL-tagged CSV, streamed.")
    @APIResponse(responseCode = "200", description = "One page of teams (JSON), or every matching team (CSV)",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TeamPage.class)),
                    @Content(mediaType = HxlCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                            description = "HXL-tagged CSV, UTF-8, RFC 4180", example = CsvTables.TEAMS_EXAMPLE))})
    public Response list(
            @QueryParam("status") @Parameter(description = "Only teams with this status", example = "AVAILABLE",
                    schema = @Schema(implementation = TeamStatus.class)) String status,
            @QueryParam("type") @Parameter(description = "Only teams of this type", example = "USAR_HEAVY",
                    schema = @Schema(implementation = TeamType.class)) String type,
            @QueryParam("countryCode") @Parameter(description = "Only teams of this country",
                    example = "ITA") String countryCode,
            @QueryParam("assignmentReference") @Parameter(description = "Only teams ASSIGNED under exactly this "
                    + "reference", example = "plan-7c1e2d90") String assignmentReference,
            @BeanParam @Valid PageParams page,
            @QueryParam("format") @Parameter(description = StockResource.FORMAT, example = "csv", schema = @Schema(
                    type = SchemaType.STRING, enumeration = {"json", "csv"})) String format,
            @Context HttpHeaders headers) {
        TeamStatus s = QueryParams.enumValue("status", status, TeamStatus.class);
        TeamType t = QueryParams.enumValue("type", type, TeamType.class);
        if (HxlCsv.requested(format, headers)) {
            return HxlCsv.stream("teams.csv", CsvTables.TEAMS,
                    sink -> teams.forEachTeam(s, t, countryCode, assignmentReference, sink));
        }
        return Response.ok(TeamPage.from(teams.list(s, t, countryCode, assignmentReference, page.page, page.size)
                .map(TeamDto::from)), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.DONOR, Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getTeam", summary = "Get one team", description = "One team by id.")
    public TeamDto get(@PathParam("id") @Parameter(description = "Team id", example = Examples.TEAM_ID) UUID id) {
        return TeamDto.from(teams.get(id));
    }

    @POST
    @Path("{id}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "assignTeam", summary = "Assign a team",
            description = "Commits an AVAILABLE team to the reference (ASSIGNED). Assigning it again with the same "
                    + "reference answers the same; another reference while it is assigned, or a DEPLOYED or "
                    + "STOOD_DOWN team, is 409.")
    @APIResponse(responseCode = "200", description = "The team, ASSIGNED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TeamDto.class)))
    @APIResponse(responseCode = "409", description = "Assigned to another reference, or not available",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TeamDto assign(@PathParam("id") @Parameter(description = "Team id", example = Examples.TEAM_ID) UUID id,
            @Valid @NotNull AssignmentRequest body) {
        return TeamDto.from(teams.assign(id, body.reference().trim()));
    }

    @DELETE
    @Path("{id}/assignment")
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "releaseTeam", summary = "Release a team's assignment",
            description = "ASSIGNED to AVAILABLE. Releasing an AVAILABLE team answers it unchanged; a DEPLOYED or "
                    + "STOOD_DOWN team is 409. With ?reference= only an assignment made under that reference is "
                    + "released: a team assigned under another reference is 409 and stays assigned, an AVAILABLE "
                    + "team is answered unchanged (200). This is how an approval is undone exactly.")
    @APIResponse(responseCode = "200", description = "The team, AVAILABLE",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = TeamDto.class)))
    @APIResponse(responseCode = "409", description = "The team is assigned under another reference than the one "
            + "given, or it is DEPLOYED or STOOD_DOWN; nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TeamDto release(@PathParam("id") @Parameter(description = "Team id", example = Examples.TEAM_ID) UUID id,
            @QueryParam("reference") @Parameter(description = "Release only an assignment made under exactly this "
                    + "reference (1 to 200 characters); absent: whatever the team is assigned to",
                    example = "plan-7c1e2d90") String reference) {
        return TeamDto.from(teams.release(id, reference(reference)));
    }

    private static String reference(String reference) {
        if (reference == null) {
            return null;
        }
        if (reference.isBlank() || reference.trim().length() > 200) {
            throw ProblemException.badRequest("reference must be 1 to 200 characters when given");
        }
        return reference.trim();
    }
}
