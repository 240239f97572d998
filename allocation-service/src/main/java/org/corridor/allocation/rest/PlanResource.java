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
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.UUID;
import org.corridor.allocation.domain.PlanStatus;
import org.corridor.allocation.rest.dto.ApprovalDto;
import org.corridor.allocation.rest.dto.PlanAnalysisDto;
import org.corridor.allocation.rest.dto.PlanChangesDto;
import org.corridor.allocation.rest.dto.PlanDto;
import org.corridor.allocation.rest.dto.PlanRequest;
import org.corridor.allocation.rest.dto.PlanSummaryDto;
import org.corridor.allocation.service.PlanService;
import org.corridor.allocation.service.PlanStore;
import org.corridor.allocation.service.approval.ApprovalService;
import org.corridor.allocation.service.replan.PlanChangesService;
import org.corridor.common.etag.ETagResponder;
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

@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Plans", description = "The OptaPlanner allocation of materials and teams to the needs of incidents")
public class PlanResource {

    private final PlanService plans;
    private final PlanStore store;
    private final ApprovalService approvals;
    private final Idempotency idempotency;
    private final ETagResponder etag;
    private final PlanChangesService changes;

    public PlanResource(PlanService plans, PlanStore store, ApprovalService approvals, Idempotency idempotency,
            ETagResponder etag, PlanChangesService changes) {
        this.changes = changes;
        this.plans = plans;
        this.store = store;
        this.approvals = approvals;
        this.idempotency = idempotency;
        this.etag = etag;
    }

    /**
     * Checks the request and takes inventory's snapshot first, outside any transaction; then records the plan and its
     * job in the Idempotency-Key's transaction. A replay of the same key and body answers the first 202 again and
     * queues nothing.
     */
    @POST
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.ADMIN})
    @Operation(operationId = "createPlan", summary = "Plan the needs of one or several incidents",
            description = "Reads the incidents' needs and inventory's available stock and teams, then solves "
                    + "asynchronously. Answers 202 at once with the plan in status SOLVING; GET the Location to "
                    + "follow it. Termination limits are capped by the server's maximum.")
    @APIResponse(responseCode = "202", description = "Accepted; Location names the plan",
            content = @Content(schema = @Schema(implementation = PlanDto.class)))
    @APIResponse(responseCode = "422", description = "Unknown or closed incidents, nothing to plan, or needs for "
            + "items no longer in the catalogue, or the Idempotency-Key was used with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "inventory-service is unavailable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull PlanRequest body, @Context UriInfo uri,
            @Parameter(description = ApiDocs.OPTIONAL_KEY) @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        PlanService.Submission submission = plans.prepare(body.toCommand());
        return idempotency.execute("plans", idempotencyKey, body, () -> {
            PlanDto dto = PlanDto.from(plans.submit(submission));
            return new Idempotency.Result(Response.Status.ACCEPTED.getStatusCode(),
                    uri.getAbsolutePathBuilder().path(dto.id().toString()).build(), dto);
        });
    }

    @GET
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "listPlans", summary = "List plans",
            description = "Plans, newest first, without their lines; optionally of one status.")
    @APIResponse(responseCode = "200", description = "One page of plans")
    public PageResponse<PlanSummaryDto> list(
            @Parameter(description = "Only plans with this status", example = "SOLVED",
                    schema = @Schema(implementation = PlanStatus.class)) @QueryParam("status") String status,
            @BeanParam @Valid PageParams page) {
        return store.list(QueryParams.enumValue("status", status, PlanStatus.class), page).map(PlanSummaryDto::from);
    }

    @GET
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Path("{id}")
    @Operation(operationId = "getPlan", summary = "Get one plan",
            description = "The plan with its score, lines, team assignments and unmet needs; while SOLVING, the best "
                    + "plan so far. Answers an ETag and honours If-None-Match (304), for dashboards that poll.")
    @APIResponse(responseCode = "200", description = "The plan, with an ETag",
            content = @Content(schema = @Schema(implementation = PlanDto.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match")
    public Response get(@Parameter(description = "Plan id") @PathParam("id") UUID id, @Context Request request) {
        return etag.ok(request, PlanDto.from(store.get(id)));
    }

    @GET
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Path("{id}/changes")
    @Operation(operationId = "getPlanChanges", summary = "What a re-plan changes against its base plan",
            description = "Lines added, removed and changed, and team assignments added and removed, against the base "
                    + "plan's approved, undispatched lines (dispatched ones are facts no re-plan touches). Approving "
                    + "the re-plan applies exactly this difference. For a plan without a base, everything is added.")
    @APIResponse(responseCode = "200", description = "The changes",
            content = @Content(schema = @Schema(implementation = PlanChangesDto.class)))
    @APIResponse(responseCode = "404", description = "Unknown plan",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PlanChangesDto changes(@Parameter(description = "Plan id") @PathParam("id") UUID id) {
        return PlanChangesDto.from(changes.changes(id));
    }

    /**
     * The Idempotency-Key's transaction covers only the start (checks, SOLVED to APPROVING, the attempt recorded): its
     * stored answer names the attempt. After it commits, this request drives and waits for that attempt like any retry
     * with the same key does, and answers where it stands: 200, the attempt's problem, or 202.
     */
    @POST
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.ADMIN})
    @Path("{id}/approval")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "approvePlan", summary = "Approve a solved plan: reserve, assign, ship",
            description = "All or nothing across services, as a persisted process that survives crashes: the plan "
                    + "becomes APPROVING; its lots are reserved in inventory-service as ONE reservation (reference "
                    + "plan-<id>), its teams assigned under the same reference, and one shipment per (origin depot, "
                    + "site, mode) created in shipment-service, each step with an Idempotency-Key derived from the "
                    + "plan, the attempt and the step. Answers 200 with the approval when it ends within the "
                    + "configured wait (20 s by default), else 202 with Location: poll GET /plans/{id} until APPROVED, "
                    + "or SOLVED with approvalError. A service that is down is retried in the background with the same "
                    + "keys for up to two minutes. If the approval fails, what the other services really hold for the "
                    + "plan is found and undone (shipments cancelled, reservation and teams released) and the plan is "
                    + "SOLVED again with approvalError; it can be approved again. Refused with 409 before anything is "
                    + "done when the plan is stale (a CLOSED incident, a first departure too far in the past, an "
                    + "access rule now in force over a line's travel, a lot expiring before arrival) or when approved "
                    + "plans already cover what it plans. Requires an Idempotency-Key; whatever the key, a retry while "
                    + "APPROVING joins the approval under way, an APPROVED plan answers its stored approval, and a "
                    + "SOLVED plan (after a failure) is tried again: approving twice never reserves or ships twice. "
                    + "No request body.")
    @APIResponse(responseCode = "200", description = "The plan is APPROVED: its reservation, shipments and team "
            + "assignments",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ApprovalDto.class)))
    @APIResponse(responseCode = "202", description = "Still APPROVING (status APPROVING, no shipments yet); Location "
            + "is the plan to poll",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ApprovalDto.class)))
    @APIResponse(responseCode = "409", description = "The plan is not SOLVED, is stale, or plans units approved "
            + "plans already cover; or inventory-service refused (stock taken meanwhile: extensions.shortLines names "
            + "each short lot; a team no longer available) and everything was undone",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "inventory-service or shipment-service stayed down for longer "
            + "than the approval retries; everything was undone",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response approve(@Parameter(description = "Plan id") @PathParam("id") UUID id,
            @Parameter(description = "Required (at most 200 characters); any retry joins or answers the same approval",
                    required = true,
                    example = "approve-plan-c0ffee00-1") @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        Idempotency.requireKey(idempotencyKey);
        int attempt = approvals.start(approvals.prepare(id));
        approvals.kick(id);
        ApprovalService.Outcome outcome = approvals.await(id, attempt);
        if (outcome instanceof ApprovalService.Approved a) {
            return Response.ok(ApprovalDto.from(a.approval())).build();
        }
        if (outcome instanceof ApprovalService.Refused r) {
            throw r.problem();
        }
        return Response.accepted(ApprovalDto.pending(id)).location(location(id)).build();
    }

    private static URI location(UUID planId) {
        return URI.create("/api/v1/plans/" + planId);
    }

    @DELETE
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.ADMIN})
    @Path("{id}/solving")
    @Operation(operationId = "stopSolving", summary = "Stop solving early",
            description = "Stops the solver, on whichever replica is solving the plan, and keeps the best plan so "
                    + "far: SOLVED (stoppedEarly true) if it breaks no hard constraint, otherwise CANCELLED. A plan "
                    + "still waiting in the queue is CANCELLED at once. Answers the plan as recorded once it has "
                    + "stopped.")
    @APIResponse(responseCode = "200", description = "The plan as recorded after stopping")
    @APIResponse(responseCode = "409", description = "The plan is not solving",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PlanDto stop(@Parameter(description = "Plan id") @PathParam("id") UUID id) {
        return PlanDto.from(plans.stop(id));
    }

    @GET
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Path("{id}/analysis")
    @Operation(operationId = "getPlanAnalysis", summary = "Explain a plan's score",
            description = "The score per constraint and, for every unmet need, the reason in plain words. Available "
                    + "once solving has ended.")
    @APIResponse(responseCode = "200", description = "The analysis")
    @APIResponse(responseCode = "409", description = "The plan is still solving, or ended without a solution",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PlanAnalysisDto analysis(@Parameter(description = "Plan id") @PathParam("id") UUID id) {
        return PlanAnalysisDto.from(store.analysis(id));
    }
}
