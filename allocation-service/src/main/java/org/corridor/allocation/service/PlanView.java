package org.corridor.allocation.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corridor.allocation.domain.LineState;
import org.corridor.allocation.domain.PlanStatus;
import org.corridor.allocation.domain.TransportMode;
import org.corridor.common.problem.Problem;

/**
 * A plan as recorded: while SOLVING, the best plan so far. {@code solvedBy} and {@code attempts} come from its job in
 * the solving queue; {@code reservationId}, {@code shipmentIds} and {@code approvedAt} from its approval;
 * {@code approvalError} is the problem of its last failed approval, {@code approvalWaitingOn} why an approval under way
 * waits (a service down); {@code basePlanId} the APPROVED plan a re-plan replaces.
 */
public record PlanView(UUID id, PlanStatus status, List<UUID> incidentIds, Instant planFrom, Duration spentLimit,
        Duration unimprovedSpentLimit, Map<String, Long> weights, String score, Boolean feasible,
        boolean stoppedEarly, String failureReason, List<Line> lines, List<TeamAssignment> teamAssignments,
        List<Unmet> unmet, Instant createdAt, Instant finishedAt, UUID reservationId, List<UUID> shipmentIds,
        Instant approvedAt, String solvedBy, int attempts, Problem approvalError, String approvalWaitingOn,
        UUID basePlanId, boolean releaseUndispatched) {

    /** Quantity of one lot sent to one need by one mode. */
    public record Line(UUID needId, UUID siteId, String itemCode, UUID lotId, UUID depotId, String originCountryCode,
            int quantity, TransportMode mode, Instant departsAt, Instant arrivesAt, LineState state, UUID shipmentId,
            int delivered, int rejected) {
    }

    /** One team sent to one team need. */
    public record TeamAssignment(UUID teamNeedId, UUID teamId, Instant arrivesAt) {
    }

    /** What could not be met and why; exactly one of {@code needId} and {@code teamNeedId} is set. */
    public record Unmet(UUID needId, UUID teamNeedId, int quantity, String reason) {
    }
}
