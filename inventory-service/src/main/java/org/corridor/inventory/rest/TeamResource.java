package org.corridor.inventory.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.corridor.common.idempotency.Idempotency;
import org.corridor.common.paging.PageParams;
import org.corridor.common.paging.PageResponse;
import org.corridor.common.problem.Problem;
import org.corridor.common.security.Roles;
import org.corridor.inventory.domain.Team;
import org.corridor.inventory.domain.TeamStatus;
import org.corridor.inventory.domain.TeamType;
import org.corridor.inventory.service.References;
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
@Tag(name = "Teams", description = "INSARAG search and rescue teams, WHO emergency medical teams, WASH and logistics teams, and their assignment to incidents")
public class TeamResource {

    private final TeamService teams;
    private final Idempotency idempotency;

    public TeamResource(TeamService teams, Idempotency idempotency) {
        this.teams = teams;
        this.idempotency = idempotency;
    }

    @Schema(name = "TeamRequest", description = "A team to register")
    public record TeamRequest(
            @NotBlank @Size(max = 200) @Schema(description = "Name", example = "USAR Italy Heavy Team", maxLength = 200) String name,
            @NotNull @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 3166-1 alpha-3 code in capitals")
            @Schema(description = "ISO 3166-1 alpha-3 code of its home country", example = "ITA") String countryCode,
            @NotNull @Schema(description = "Organisation fielding it", example = Examples.ORGANISATION_ID) UUID organisationId,
            @NotNull @Schema(description = "INSARAG class, WHO EMT type, or support team type", example = "USAR_HEAVY") TeamType type,
            @NotNull @Min(1) @Max(10_000) @Schema(description = "Number of members, 1 to 10,000 (INSARAG minimum: light 17, medium 40, heavy 59)", example = "59") Integer members,
            @NotNull @DecimalMin("-90") @DecimalMax("90") @Schema(description = "Latitude of its base, -90 to 90", example = "41.8") Double baseLatitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") @Schema(description = "Longitude of its base, -180 to 180", example = "12.25") Double baseLongitude,
            @NotNull @Min(0) @Max(720) @Schema(description = "Hours from request to departure, 0 to 720 (INSARAG: about 10)", example = "10") Integer mobilisationHours,
            @NotNull @Min(0) @Max(365) @Schema(description = "Days it can work without resupply, 0 to 365 (WHO EMT: 14 to 42)", example = "10") Integer selfSufficiencyDays,
            @Schema(description = "Initial status: AVAILABLE (default), DEPLOYED or STOOD_DOWN; ASSIGNED only through an assignment", example = "AVAILABLE") TeamStatus status) {
    }

    @Schema(name = "Team", description = "A registered team")
    public record TeamDto(
            @Schema(description = "Id", example = Examples.TEAM_ID) UUID id,
            @Schema(description = "Name", example = "USAR Italy Heavy Team") String name,
            @Schema(description = "ISO 3166-1 alpha-3 code of its home country", example = "ITA") String countryCode,
            @Schema(description = "Organisation fielding it", example = Examples.ORGANISATION_ID) UUID organisationId,
            @Schema(description = "INSARAG class, WHO EMT type, or support team type", example = "USAR_HEAVY") TeamType type,
            @Schema(description = "Number of members", example = "59") int members,
            @Schema(description = "Latitude of its base", example = "41.8") double baseLatitude,
            @Schema(description = "Longitude of its base", example = "12.25") double baseLongitude,
            @Schema(description = "Hours from request to departure", example = "10") int mobilisationHours,
            @Schema(description = "Days it can work without resupply", example = "10") int selfSufficiencyDays,
            @Schema(description = "AVAILABLE, ASSIGNED, DEPLOYED or STOOD_DOWN", example = "AVAILABLE") TeamStatus status,
            @Schema(description = "Reference of the assignment while ASSIGNED, else null", example = "plan-7c1e2d90") String assignmentReference,
            @Schema(description = "When it was assigned, while ASSIGNED, else null", example = Examples.INSTANT) Instant assignedAt,
            @Schema(description = "When it was registered", example = Examples.INSTANT) Instant createdAt) {
        static TeamDto of(Team t) {
            return new TeamDto(t.id, t.name, t.countryCode, t.organisationId, t.type, t.members, t.baseLatitude,
                    t.baseLongitude, t.mobilisationHours, t.selfSufficiencyDays, t.status, t.assignmentReference,
                    t.assignedAt, t.createdAt);
        }
    }

    @Schema(name = "AssignmentRequest", description = "What the team is committed to")
    public record AssignmentRequest(
            @NotBlank @Size(max = 200) @Schema(description = "Reference of the commitment, e.g. a plan or incident id", example = "plan-7c1e2d90", maxLength = 200) String reference) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed({Roles.ADMIN})
    @Operation(operationId = "createTeam", summary = "Register a team",
            description = "Registers a team with its base, mobilisation time and self-sufficiency. Honours an optional Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Registered; Location names it",
            headers = @Header(name = "Location", description = "URI of the new team", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TeamDto.class)))
    @APIResponse(responseCode = "422", description = "Unknown country or organisation, or status ASSIGNED" + Problems.IDEMPOTENCY_422,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "Optional key making a retry safe", example = "team-usar-ita-1") String key,
            @Valid @NotNull TeamRequest body) {
        return idempotency.execute("teams", key, body, () -> {
            Team t = new Team();
            t.name = body.name().trim();
            t.countryCode = body.countryCode();
            t.organisationId = body.organisationId();
            t.type = body.type();
            t.members = body.members();
            t.baseLatitude = body.baseLatitude();
            t.baseLongitude = body.baseLongitude();
            t.mobilisationHours = body.mobilisationHours();
            t.selfSufficiencyDays = body.selfSufficiencyDays();
            t.status = body.status();
            TeamDto dto = TeamDto.of(teams.create(t));
            return Idempotency.Result.created(URI.create("/api/v1/teams/" + dto.id()), dto);
        });
    }

    @GET
    @RolesAllowed({Roles.DONOR, Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "listTeams", summary = "List teams",
            description = "Teams ordered by name, optionally filtered by status, type and country.")
    public PageResponse<TeamDto> list(
            @QueryParam("status") @Parameter(description = "Only teams with this status", example = "AVAILABLE",
                    schema = @Schema(implementation = TeamStatus.class)) String status,
            @QueryParam("type") @Parameter(description = "Only teams of this type", example = "USAR_HEAVY",
                    schema = @Schema(implementation = TeamType.class)) String type,
            @QueryParam("countryCode") @Parameter(description = "Only teams of this country", example = "ITA") String countryCode,
            @BeanParam @Valid PageParams page) {
        return PageResponse.of(teams.list(References.parseFilter(TeamStatus.class, status, "status"),
                References.parseFilter(TeamType.class, type, "type"), countryCode), page, TeamDto::of);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.DONOR, Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getTeam", summary = "Get one team", description = "One team by id.")
    public TeamDto get(@PathParam("id") @Parameter(description = "Team id", example = Examples.TEAM_ID) UUID id) {
        return TeamDto.of(teams.get(id));
    }

    @POST
    @Path("{id}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "assignTeam", summary = "Assign a team",
            description = "Commits an AVAILABLE team to the reference (ASSIGNED). Assigning it again with the same reference "
                    + "answers the same; another reference while it is assigned, or a DEPLOYED or STOOD_DOWN team, is 409.")
    @APIResponse(responseCode = "200", description = "The team, ASSIGNED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TeamDto.class)))
    @APIResponse(responseCode = "409", description = "Assigned to another reference, or not available",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TeamDto assign(@PathParam("id") @Parameter(description = "Team id", example = Examples.TEAM_ID) UUID id,
            @Valid @NotNull AssignmentRequest body) {
        return TeamDto.of(teams.assign(id, body.reference().trim()));
    }

    @DELETE
    @Path("{id}/assignment")
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "releaseTeam", summary = "Release a team's assignment",
            description = "ASSIGNED to AVAILABLE. Releasing an AVAILABLE team answers it unchanged; a DEPLOYED or STOOD_DOWN team is 409.")
    @APIResponse(responseCode = "200", description = "The team, AVAILABLE",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TeamDto.class)))
    @APIResponse(responseCode = "409", description = "The team is DEPLOYED or STOOD_DOWN",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TeamDto release(@PathParam("id") @Parameter(description = "Team id", example = Examples.TEAM_ID) UUID id) {
        return TeamDto.of(teams.release(id));
    }
}
