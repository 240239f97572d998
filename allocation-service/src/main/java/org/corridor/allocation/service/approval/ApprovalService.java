package org.corridor.allocation.service.approval;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.corridor.allocation.client.inventory.InventoryClient;
import org.corridor.allocation.config.AllocationConfig;
import org.corridor.allocation.domain.ApprovalRun;
import org.corridor.allocation.domain.LineState;
import org.corridor.allocation.domain.Plan;
import org.corridor.allocation.domain.PlanLine;
import org.corridor.allocation.domain.PlanStatus;
import org.corridor.allocation.domain.PlanTeamAssignment;
import org.corridor.allocation.domain.Site;
import org.corridor.allocation.service.InventoryReads;
import org.corridor.common.problem.Problem;
import org.corridor.common.problem.ProblemException;

/**
 * Plan approval, all or nothing across services, as a persisted process: {@link #start} makes a SOLVED plan APPROVING
 * in one short transaction (after the staleness and coverage checks) and records the attempt's steps; the
 * {@link ApprovalDriver} then does them with no transaction held across a remote call; {@link #await} waits a while for
 * the end. A failure is recorded, then undone by reconciliation, and the plan is SOLVED again with its approval error.
 * A crashed replica's approval is resumed by another one.
 */
@ApplicationScoped
public class ApprovalService {

    private final InventoryReads catalogue;
    private final ApprovalRuns runs;
    private final ApprovalSteps steps;
    private final ApprovalChecks checks;
    private final ApprovalDriver driver;
    private final DeltaSteps delta;
    private final EntityManager em;
    private final ObjectMapper mapper;
    private final Duration wait;

    public ApprovalService(InventoryReads catalogue, ApprovalRuns runs, ApprovalSteps steps, ApprovalChecks checks,
            ApprovalDriver driver, EntityManager em, ObjectMapper mapper, AllocationConfig config, DeltaSteps delta) {
        this.delta = delta;
        this.catalogue = catalogue;
        this.runs = runs;
        this.steps = steps;
        this.checks = checks;
        this.driver = driver;
        this.em = em;
        this.mapper = mapper;
        this.wait = config.approval().answerWithin();
    }

    /** What the read-only lookups before the transaction found: the catalogue entries of the plan's items. */
    public record Prepared(UUID planId, Map<String, InventoryClient.Item> items) {
    }

    /** Where an approval stands after waiting for it. */
    public sealed interface Outcome {
    }

    /** Done: the plan is APPROVED. */
    public record Approved(PlanApproval approval) implements Outcome {
    }

    /** Failed and undone: the problem to answer. */
    public record Refused(ProblemException problem) implements Outcome {
    }

    /** Still APPROVING; {@code lastError} says why it waits, if it does. */
    public record Pending(UUID planId, int attempt, String lastError) implements Outcome {
    }

    /**
     * Read-only lookups, outside any transaction: the catalogue entries of the plan's items (for weights and vehicles).
     * 404 unknown plan; 409 an item no longer in the catalogue.
     */
    public Prepared prepare(UUID planId) {
        Optional<List<String>> codes = runs.itemCodesIfSolved(planId);
        Map<String, InventoryClient.Item> items = new LinkedHashMap<>();
        for (String code : codes.orElse(List.of())) {
            items.put(code, catalogue.item(code).orElseThrow(() -> ProblemException.conflict(
                    "Item no longer in the catalogue", "Item " + code + " of plan " + planId
                            + " is no longer in inventory's catalogue; nothing was reserved")));
        }
        return new Prepared(planId, codes.isPresent() ? items : null);
    }

    /**
     * Starts the approval of a SOLVED plan and answers its attempt number; for a plan already APPROVING or APPROVED,
     * answers the attempt under way or the one that approved it. One short transaction: the checks and the records, no
     * remote call. 404 unknown plan; 409 a plan in another status, a stale plan, or needs already covered.
     */
    @Transactional
    public int start(Prepared prepared) {
        UUID planId = prepared.planId();
        // lock the row first, then read it: Hibernate locks a plan (eager incident ids) in a follow-on select, after
        // reading it, which could read a status another approval has just changed
        em.createNativeQuery("SELECT id FROM plan WHERE id = ?1 FOR UPDATE").setParameter(1, planId).getResultList();
        Plan plan = Plan.findById(planId);
        if (plan == null) {
            throw ProblemException.notFound("Plan", planId);
        }
        if (plan.status == PlanStatus.APPROVED) {
            return runs.approvedAttempt(planId);
        }
        if (plan.status == PlanStatus.APPROVING) {
            return ApprovalRun.<ApprovalRun>findByIdOptional(planId).map(r -> r.attempt)
                    .orElseGet(() -> runs.lastAttempt(planId));
        }
        if (plan.status != PlanStatus.SOLVED) {
            throw ProblemException.conflict("Plan not approvable",
                    "Plan " + planId + " is " + plan.status + "; only a SOLVED plan can be approved");
        }
        if (prepared.items() == null) {
            throw ProblemException.conflict("Plan changed", "Plan " + planId
                    + " changed while its approval was being prepared; send the approval again");
        }
        Plan base = plan.basePlanId == null ? null : lockedBase(plan);
        List<PlanLine> lines = PlanLine.list("planId", Sort.by("position"), planId);
        List<PlanTeamAssignment> teams = PlanTeamAssignment.list("planId", Sort.by("position"), planId);
        Map<UUID, Site> sites = new LinkedHashMap<>();
        for (UUID siteId : lines.stream().map(l -> l.siteId).collect(Collectors.toCollection(LinkedHashSet::new))) {
            sites.put(siteId, Site.findById(siteId));
        }
        checks.requireFresh(plan, lines, teams, sites);
        int attempt = runs.lastAttempt(planId) + 1;
        // a sweep releasing teams left assigned under this plan's reference: the steps wait until it is done
        java.time.Instant fence = runs.orphanFence(planId);
        if (base == null) {
            checks.requireUncovered(plan, lines, teams);
            runs.open(planId, attempt, steps.steps(planId, attempt, lines, teams, prepared.items(), sites), fence);
            em.createNativeQuery("UPDATE plan_team_assignment SET reference = ?1 WHERE plan_id = ?2")
                    .setParameter(1, ApprovalSteps.reference(planId)).setParameter(2, planId).executeUpdate();
        } else {
            // the base's approved, undispatched lines and its teams are taken over (or dropped) by this re-plan: they
            // count no more, this plan's lines count instead; the base is SUPERSEDED (given back if this fails)
            List<PlanLine> baseLines = PlanLine.list("planId = ?1 and state = ?2 and superseded = false",
                    Sort.by("position"), base.id, LineState.APPROVED);
            List<PlanTeamAssignment> baseTeams = PlanTeamAssignment.list("planId = ?1 and superseded = false",
                    Sort.by("position"), base.id);
            em.createNativeQuery("UPDATE plan_line SET superseded = TRUE WHERE plan_id = ?1 AND state = 'APPROVED' "
                    + "AND NOT superseded").setParameter(1, base.id).executeUpdate();
            em.createNativeQuery("UPDATE plan_team_assignment SET superseded = TRUE WHERE plan_id = ?1")
                    .setParameter(1, base.id).executeUpdate();
            checks.requireUncovered(plan, lines, teams);
            DeltaSteps.Delta d = delta.steps(planId, attempt, lines, teams, baseLines, baseTeams, prepared.items(),
                    sites);
            runs.open(planId, attempt, d.specs(), fence);
            for (PlanLine l : lines) {
                UUID[] carried = d.keptShipment().get(l.id);
                l.shipmentId = carried == null ? null : carried[0];
                l.reservationId = carried == null ? null : carried[1];
            }
            for (PlanTeamAssignment a : teams) {
                a.reference = d.teamReference().get(a.teamId);
            }
            base.status = PlanStatus.SUPERSEDED;
            base.updatedAt = org.corridor.common.time.DbClock.now();
        }
        em.createNativeQuery("UPDATE plan_line SET state = 'APPROVED' WHERE plan_id = ?1").setParameter(1, planId)
                .executeUpdate();
        plan.status = PlanStatus.APPROVING;
        plan.approvalError = null;
        plan.updatedAt = org.corridor.common.time.DbClock.now();
        return attempt;
    }

    /** Locks the re-plan's base (after the re-plan itself: always in that order); 409 when it is no longer in force. */
    private Plan lockedBase(Plan plan) {
        em.createNativeQuery("SELECT id FROM plan WHERE id = ?1 FOR UPDATE").setParameter(1, plan.basePlanId)
                .getResultList();
        Plan base = Plan.findById(plan.basePlanId);
        em.refresh(base);
        if (base.status != PlanStatus.APPROVED) {
            throw ProblemException.conflict("Base plan no longer in force", "Plan " + plan.id + " re-plans plan "
                    + base.id + ", which is now " + base.status + "; re-plan from the plan in force. Nothing was "
                    + "reserved");
        }
        return base;
    }

    /** Starts driving the approval on this replica (after the start's transaction committed). */
    public void kick(UUID planId) {
        driver.submit(planId);
    }

    /** Waits up to the configured wait for attempt {@code attempt} of the plan's approval to end. */
    public Outcome await(UUID planId, int attempt) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Outcome o = current(planId, attempt);
            long left = deadline - System.nanoTime();
            if (!(o instanceof Pending) || left <= 0) {
                return o;
            }
            try {
                driver.awaitChange(Duration.ofNanos(Math.min(left, Duration.ofMillis(250).toNanos())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return o;
            }
        }
    }

    /** Where attempt {@code attempt} of the plan's approval stands now. */
    public Outcome current(UUID planId, int attempt) {
        ApprovalRuns.State s = runs.state(planId, attempt);
        if (s.approval() != null) {
            return new Approved(read(s.approval(), PlanApproval.class));
        }
        if (s.problem() != null) {
            return new Refused(problem(s.problem()));
        }
        return new Pending(planId, attempt, s.lastError());
    }

    private ProblemException problem(String json) {
        Problem p = read(json, Problem.class);
        String slug = p.type() != null && p.type().startsWith(Problem.TYPE_BASE)
                ? p.type().substring(Problem.TYPE_BASE.length())
                : "approval-failed";
        return new ProblemException(p.status(), slug, p.title(), p.detail(), p.extensions());
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a stored approval record is unreadable", e);
        }
    }
}
