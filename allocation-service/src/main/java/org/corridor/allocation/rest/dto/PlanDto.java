package org.corridor.allocation.rest.dto;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corridor.allocation.domain.PlanStatus;
import org.corridor.allocation.service.PlanView;
import org.corridor.common.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Plan", description = "An allocation plan; while SOLVING it shows the best plan found so far")
public record PlanDto(
        @Schema(description = "Plan id", example = "c0ffee00-1234-4abc-8def-0123456789ab") UUID id,
        @Schema(description = "SOLVING, SOLVED, APPROVING (approval under way), APPROVED, FAILED, CANCELLED or "
                + "SUPERSEDED", example = "SOLVED") PlanStatus status,
        @Schema(description = "Incidents planned") List<UUID> incidentIds,
        @Schema(description = "Time departures are computed from", example = "2023-02-06T06:00:00Z") Instant planFrom,
        @Schema(description = "Solving time limit used", type = SchemaType.STRING, format = "duration",
                example = "PT30S") Duration spentLimit,
        @Schema(description = "Unimproved time limit used", type = SchemaType.STRING, format = "duration",
                example = "PT10S") Duration unimprovedSpentLimit,
        @Schema(description = "Constraint weights in force for this plan",
                example = "{\"Transport cost\": 2}") Map<String, Long> weights,
        @Schema(description = "OptaPlanner score hard/medium/soft of the best plan so far",
                example = "0hard/-1200medium/-53420soft") String score,
        @Schema(description = "True when no hard constraint is broken", example = "true") Boolean feasible,
        @Schema(description = "True when solving was stopped by DELETE /plans/{id}/solving",
                example = "false") boolean stoppedEarly,
        @Schema(description = "Why the plan FAILED or was CANCELLED",
                example = "the best plan found breaks a hard constraint (score -1hard/0medium/0soft)") String failureReason,
        @Schema(description = "Material lines") List<PlanLineDto> lines,
        @Schema(description = "Teams sent") List<TeamAssignmentDto> teamAssignments,
        @Schema(description = "What could not be met and why") List<UnmetDto> unmet,
        @Schema(description = "When the plan was asked for", example = "2023-02-06T06:00:02Z") Instant createdAt,
        @Schema(description = "When solving ended", example = "2023-02-06T06:00:32Z") Instant finishedAt,
        @Schema(description = "inventory-service reservation holding the plan's lots, once APPROVED",
                example = "9e8d7c6b-5a4f-4e3d-8c1b-0a9f8e7d6c5b") UUID reservationId,
        @Schema(description = "shipment-service shipments created by the approval, once APPROVED (empty before)") List<UUID> shipmentIds,
        @Schema(description = "When the plan was approved", example = "2023-02-06T06:05:00Z") Instant approvedAt,
        @Schema(description = "Instance id of the allocation-service replica that claimed the plan's solving job last "
                + "(null while it waits in the queue)", example = "allocation-7d9f8c-2xk4q-a1b2c3") String solvedBy,
        @Schema(description = "How many times a replica claimed the plan's solving job: 1 normally, more when a "
                + "replica solving it died or was shut down and another took over", example = "1") int attempts,
        @Schema(description = "The problem of the plan's last failed approval (null if none, cleared when an "
                + "approval starts); everything that approval had done was undone") Problem approvalError,
        @Schema(description = "While APPROVING: why the approval waits, if it does (a service down; it is retried)",
                example = "shipment-service is unavailable (unreachable or timed out)") String approvalWaitingOn,
        @Schema(description = "For a re-plan: the APPROVED plan it re-plans (SUPERSEDED once this one is approved); "
                + "null for a plan from scratch", example = "3f2b8c1d-9a7e-4b6c-8d5f-1e2a3b4c5d6e") UUID basePlanId,
        @Schema(description = "For a re-plan: whether the base's approved, undispatched lines could be changed "
                + "(each change costs in the score); false keeps them exactly",
                example = "false") boolean releaseUndispatched) {

    public static PlanDto from(PlanView p) {
        return new PlanDto(p.id(), p.status(), p.incidentIds(), p.planFrom(), p.spentLimit(),
                p.unimprovedSpentLimit(), p.weights(), p.score(), p.feasible(), p.stoppedEarly(), p.failureReason(),
                p.lines().stream().map(PlanLineDto::from).toList(),
                p.teamAssignments().stream().map(TeamAssignmentDto::from).toList(),
                p.unmet().stream().map(UnmetDto::from).toList(), p.createdAt(), p.finishedAt(), p.reservationId(),
                p.shipmentIds(), p.approvedAt(), p.solvedBy(), p.attempts(), p.approvalError(), p.approvalWaitingOn(),
                p.basePlanId(), p.releaseUndispatched());
    }
}
