package org.corridor.allocation.service.approval;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.corridor.allocation.config.AllocationConfig;
import org.corridor.allocation.domain.AccessRule;
import org.corridor.allocation.domain.Incident;
import org.corridor.allocation.domain.IncidentStatus;
import org.corridor.allocation.domain.Need;
import org.corridor.allocation.domain.Plan;
import org.corridor.allocation.domain.PlanLine;
import org.corridor.allocation.domain.PlanTeamAssignment;
import org.corridor.allocation.domain.Site;
import org.corridor.allocation.domain.TeamNeed;
import org.corridor.allocation.service.coverage.CoverageService;
import org.corridor.allocation.service.coverage.NeedCoverage;
import org.corridor.allocation.service.coverage.TeamNeedCoverage;
import org.corridor.common.problem.ProblemException;
import org.corridor.common.time.DbClock;

/**
 * What approval checks before it commits anything, inside the transaction that makes the plan APPROVING: that the plan
 * is not stale (its incidents open, its first departure not too far in the past, no access rule now in force over a
 * line's travel, no lot expiring before it arrives) and that it commits no unit of a need twice (the needs' rows are
 * locked, so two approvals of plans for the same needs run one after the other and the second sees the first).
 */
@ApplicationScoped
public class ApprovalChecks {

    private static final int LISTED = 5;

    private final EntityManager em;
    private final CoverageService coverage;
    private final LineLegality legality;
    private final Duration departureTolerance;

    public ApprovalChecks(EntityManager em, CoverageService coverage, LineLegality legality, AllocationConfig config) {
        this.em = em;
        this.coverage = coverage;
        this.legality = legality;
        this.departureTolerance = config.approval().departureTolerance();
    }

    /** 409 when the plan is stale; nothing has been done then. */
    void requireFresh(Plan plan, List<PlanLine> lines, List<PlanTeamAssignment> teams, Map<UUID, Site> sites) {
        for (UUID incidentId : plan.incidentIds) {
            Incident i = Incident.findById(incidentId);
            if (i != null && i.status == IncidentStatus.CLOSED) {
                throw stale(plan, "incident " + i.name + " (" + i.id + ") is CLOSED");
            }
        }
        Instant now = DbClock.now();
        Instant first = lines.stream().map(l -> l.departsAt).min(Comparator.naturalOrder()).orElse(null);
        if (first != null && first.isBefore(now.minus(departureTolerance))) {
            throw stale(plan, "its first departure, " + first + ", is " + Duration.between(first, now).toHours()
                    + " h in the past (at most " + departureTolerance.toHours() + " h are tolerated)");
        }
        List<String> blocked = new ArrayList<>();
        List<AccessRule> rules = AccessRule.listAll();
        for (PlanLine l : lines) {
            String destination = sites.get(l.siteId).countryCode;
            LineLegality.forbiddingRule(rules, l.originCountryCode, destination, l.mode, l.departsAt, l.arrivesAt)
                    .ifPresent(r -> blocked.add(l.itemCode + " from " + l.originCountryCode + " to " + destination
                            + " by " + l.mode + " (" + r.kind + " rule " + r.id + ": " + r.reason + ")"));
        }
        if (!blocked.isEmpty()) {
            throw stale(plan, blocked.size() + " line(s) now cross an access rule in force during their travel: "
                    + listed(blocked));
        }
        Map<UUID, LocalDate> expiry = legality.lotExpiry(plan.id);
        List<String> expiring = new ArrayList<>();
        for (PlanLine l : lines) {
            LocalDate expires = expiry.get(l.lotId);
            if (LineLegality.expiresBeforeArrival(expires, l.arrivesAt, 0)) {
                expiring.add(
                        "lot " + l.lotId + " (" + l.itemCode + ") expires on " + expires + ", before it arrives on "
                                + l.arrivesAt);
            }
        }
        if (!expiring.isEmpty()) {
            throw stale(plan, expiring.size() + " line(s) carry lots that expire before they arrive: "
                    + listed(expiring));
        }
    }

    /**
     * 409 when the plan would commit units (or teams) that approved plans already cover. Locks the needs' rows first,
     * in id order, so concurrent approvals touching the same needs cannot both pass.
     */
    void requireUncovered(Plan plan, List<PlanLine> lines, List<PlanTeamAssignment> teams) {
        Map<UUID, Long> planned = new TreeMap<>();
        lines.forEach(l -> planned.merge(l.needId, (long) l.quantity, Long::sum));
        List<String> over = new ArrayList<>();
        if (!planned.isEmpty()) {
            em.createNativeQuery("SELECT id FROM need WHERE id IN (?1) ORDER BY id FOR UPDATE")
                    .setParameter(1, planned.keySet()).getResultList();
            Map<UUID, Integer> requested = new HashMap<>();
            Need.<Need>list("id in ?1", planned.keySet()).forEach(n -> requested.put(n.id, n.quantity));
            Map<UUID, NeedCoverage> covered = coverage.needs(requested);
            planned.forEach((needId, q) -> {
                NeedCoverage c = covered.get(needId);
                if (c != null && q > c.uncovered()) {
                    over.add("need " + needId + ": plans " + q + ", only " + c.uncovered() + " of " + c.requested()
                            + " still uncovered");
                }
            });
        }
        Map<UUID, Long> teamsPlanned = new TreeMap<>();
        teams.forEach(a -> teamsPlanned.merge(a.teamNeedId, 1L, Long::sum));
        if (!teamsPlanned.isEmpty()) {
            em.createNativeQuery("SELECT id FROM team_need WHERE id IN (?1) ORDER BY id FOR UPDATE")
                    .setParameter(1, teamsPlanned.keySet()).getResultList();
            Map<UUID, Integer> requested = new HashMap<>();
            TeamNeed.<TeamNeed>list("id in ?1", teamsPlanned.keySet()).forEach(t -> requested.put(t.id, t.count));
            Map<UUID, TeamNeedCoverage> covered = coverage.teamNeeds(requested);
            teamsPlanned.forEach((id, q) -> {
                TeamNeedCoverage c = covered.get(id);
                if (c != null && q > c.uncovered()) {
                    over.add("team need " + id + ": plans " + q + " team(s), only " + c.uncovered() + " of "
                            + c.requested() + " still uncovered");
                }
            });
        }
        if (!over.isEmpty()) {
            throw ProblemException.conflict("Needs already covered", "Plan " + plan.id + " cannot be approved: "
                    + "approved plans already cover what it plans for " + over.size() + " need(s): " + listed(over)
                    + ". Nothing was reserved; make a new plan, which plans only what is uncovered.");
        }
    }

    private static ProblemException stale(Plan plan, String why) {
        return ProblemException.conflict("Plan is stale", "Plan " + plan.id + " cannot be approved: " + why
                + ". Nothing was reserved; make a new plan from now.");
    }

    private static String listed(List<String> items) {
        String shown = items.stream().limit(LISTED).collect(Collectors.joining("; "));
        return items.size() > LISTED ? shown + "; and " + (items.size() - LISTED) + " more" : shown;
    }
}
