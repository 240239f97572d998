package org.corridor.allocation.service.replan;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.corridor.allocation.domain.LineState;
import org.corridor.allocation.domain.Plan;
import org.corridor.allocation.domain.PlanLine;
import org.corridor.allocation.domain.PlanStatus;
import org.corridor.allocation.domain.PlanTeamAssignment;
import org.corridor.allocation.service.approval.ApprovalSteps;
import org.corridor.common.problem.ProblemException;

/** Reads and checks the base plan of a re-plan, in the caller's transaction. */
@ApplicationScoped
public class BasePlans {

    /**
     * The base plan's approved, undispatched lines and its team assignments. 422 unknown plan or other incidents; 409 a
     * base that is not APPROVED (a re-plan replaces the plan in force).
     */
    public ReplanBase load(UUID basePlanId, Set<UUID> incidentIds, boolean releaseUndispatched) {
        Plan base = Plan.findById(basePlanId);
        if (base == null) {
            throw ProblemException.unprocessable("Unknown base plan", "basePlanId " + basePlanId + " is not a plan");
        }
        if (base.status != PlanStatus.APPROVED) {
            throw ProblemException.conflict("Base plan not in force", "Plan " + basePlanId + " is " + base.status
                    + "; only an APPROVED plan can be re-planned"
                    + (base.status == PlanStatus.SUPERSEDED ? " (re-plan the plan that superseded it)" : ""));
        }
        if (!new LinkedHashSet<>(base.incidentIds).equals(incidentIds)) {
            throw ProblemException.unprocessable("Other incidents", "A re-plan covers the same incidents as its "
                    + "base plan: " + base.incidentIds + ", not " + incidentIds);
        }
        var lines = PlanLine.<PlanLine>list("planId = ?1 and state = ?2 and superseded = false",
                Sort.by("position"), basePlanId, LineState.APPROVED).stream()
                .map(l -> new ReplanBase.Line(l.needId, l.siteId, l.itemCode, l.lotId, l.depotId,
                        l.originCountryCode, l.quantity, l.mode.name(), l.departsAt, l.arrivesAt))
                .toList();
        var teams = PlanTeamAssignment.<PlanTeamAssignment>list("planId = ?1 and superseded = false",
                Sort.by("position"), basePlanId).stream()
                .map(a -> new ReplanBase.Team(a.teamNeedId, a.teamId,
                        a.reference != null ? a.reference : ApprovalSteps.reference(basePlanId)))
                .toList();
        return new ReplanBase(basePlanId, releaseUndispatched, lines, teams);
    }
}
