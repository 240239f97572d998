package org.corridor.allocation.service.approval;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.corridor.allocation.domain.ApprovalRun;
import org.corridor.allocation.domain.ApprovalStep;
import org.corridor.allocation.domain.Plan;
import org.corridor.allocation.domain.PlanLine;
import org.corridor.allocation.domain.PlanStatus;
import org.corridor.allocation.domain.PlanTeamAssignment;
import org.corridor.common.time.DbClock;

/**
 * The persisted state of approvals under way, each change in its own short transaction: claims and leases, steps done,
 * retries postponed, the failure recorded before an undo, and the end (APPROVED, or SOLVED with the failure). Every
 * write of a driver names the fence it claimed with; a run claimed again since (the lease had expired) refuses it with
 * {@link LeaseLost}.
 */
@ApplicationScoped
public class ApprovalRuns {

    private final EntityManager em;

    public ApprovalRuns(EntityManager em) {
        this.em = em;
    }

    /** A driver's hold on a run. */
    public record Claim(UUID planId, int attempt, int fence, ApprovalRun.Phase phase, Instant startedAt,
            Instant retryAt, String failure, boolean hadUnknownOutcome) {
    }

    /** The run was claimed by another driver since (its lease had expired): this driver must stop. */
    public static final class LeaseLost extends RuntimeException {
        LeaseLost(UUID planId) {
            super("approval of plan " + planId + " was taken over by another driver");
        }
    }

    /** How an attempt ended: APPROVED, or FAILED with its problem (JSON). */
    public record AttemptOutcome(String outcome, String problem) {
    }

    /** Claims the run if it is due (retry time reached) and nobody holds an unexpired lease. */
    @Transactional
    public Optional<Claim> claim(UUID planId, String owner, Duration lease) {
        List<?> due = em.createNativeQuery("SELECT plan_id FROM approval_run WHERE plan_id = ?1 AND retry_at <= now() "
                + "AND (lease_until IS NULL OR lease_until < now()) FOR UPDATE SKIP LOCKED")
                .setParameter(1, planId).getResultList();
        if (due.isEmpty()) {
            return Optional.empty();
        }
        ApprovalRun r = ApprovalRun.findById(planId);
        Instant now = DbClock.now();
        r.leaseOwner = owner;
        r.leaseUntil = now.plus(lease);
        r.fence++;
        r.updatedAt = now;
        return Optional.of(new Claim(planId, r.attempt, r.fence, r.phase, r.startedAt, r.retryAt, r.failure,
                r.lastError != null));
    }

    /** Runs any replica may claim now, oldest retry first. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<UUID> due(int limit) {
        return em.createNativeQuery("SELECT plan_id FROM approval_run WHERE retry_at <= now() "
                + "AND (lease_until IS NULL OR lease_until < now()) ORDER BY retry_at LIMIT ?1", UUID.class)
                .setParameter(1, limit).getResultList();
    }

    @Transactional
    public List<ApprovalStep> steps(UUID planId, int attempt) {
        return ApprovalStep.list("id.planId = ?1 and id.attempt = ?2", Sort.by("id.position"), planId, attempt);
    }

    /** Extends the lease; {@link LeaseLost} if the run is no longer this driver's. */
    @Transactional
    public void renew(Claim c, Duration lease) {
        hold(c, lease);
    }

    /** Records a step done, with the id the other service gave, and extends the lease. */
    @Transactional
    public void stepDone(Claim c, Duration lease, int position, UUID remoteId) {
        hold(c, lease);
        ApprovalStep s = ApprovalStep.findById(new ApprovalStep.Key(c.planId(), c.attempt(), position));
        s.state = ApprovalStep.State.DONE;
        s.remoteId = remoteId;
    }

    /** A service is down: try again at {@code retryAt}, with the same keys; the lease is given back. */
    @Transactional
    public void postpone(Claim c, Instant retryAt, String lastError) {
        ApprovalRun r = held(c);
        r.retryAt = retryAt;
        r.lastError = truncate(lastError);
        r.leaseOwner = null;
        r.leaseUntil = null;
        r.updatedAt = DbClock.now();
    }

    /**
     * Records the failure BEFORE anything is undone: from now on every driver of this run only undoes, from
     * {@code undoAt} on. The lease is given back when {@code undoAt} is later than now.
     */
    @Transactional
    public Claim fail(Claim c, String problem, Instant undoAt, String lastError) {
        ApprovalRun r = held(c);
        r.phase = ApprovalRun.Phase.UNDOING;
        r.failure = problem;
        r.retryAt = undoAt;
        if (lastError != null) {
            r.lastError = truncate(lastError);
        }
        r.updatedAt = DbClock.now();
        return new Claim(c.planId(), c.attempt(), c.fence(), r.phase, c.startedAt(), r.retryAt, problem,
                r.lastError != null);
    }

    /** Gives the lease back (the run stays for a later driver). */
    @Transactional
    public void letGo(Claim c) {
        em.createNativeQuery("UPDATE approval_run SET lease_owner = NULL, lease_until = NULL "
                + "WHERE plan_id = ?1 AND fence = ?2").setParameter(1, c.planId()).setParameter(2, c.fence())
                .executeUpdate();
    }

    /**
     * Every step done: the plan is APPROVED with its approval answer, its lines carried by the shipments created, the
     * attempt recorded as APPROVED and the run removed.
     */
    @Transactional
    public void finish(Claim c, PlanApproval approval, String approvalJson, Map<String, UUID> shipmentByTarget) {
        held(c);
        Plan plan = lockedPlan(c.planId());
        plan.status = PlanStatus.APPROVED;
        plan.reservationId = approval.reservationId();
        plan.approvedAt = approval.approvedAt();
        plan.approval = approvalJson;
        plan.approvalError = null;
        plan.updatedAt = approval.approvedAt();
        shipmentByTarget.forEach((target, shipmentId) -> {
            ApprovalSteps.GroupKey k = ApprovalSteps.GroupKey.parse(target);
            em.createNativeQuery("UPDATE plan_line SET shipment_id = ?1 WHERE plan_id = ?2 AND depot_id = ?3 "
                    + "AND site_id = ?4 AND mode = ?5").setParameter(1, shipmentId).setParameter(2, c.planId())
                    .setParameter(3, k.depotId()).setParameter(4, k.siteId()).setParameter(5, k.mode().name())
                    .executeUpdate();
        });
        // lines on the new shipments are held by the new reservation; lines a re-plan kept keep theirs
        em.createNativeQuery("UPDATE plan_line SET reservation_id = ?1 WHERE plan_id = ?2 AND reservation_id IS NULL")
                .setParameter(1, approval.reservationId()).setParameter(2, c.planId()).executeUpdate();
        end(c, "APPROVED", null);
    }

    /**
     * Everything the failed attempt left in the other services is undone: the plan is SOLVED again with the failure as
     * its approval error, its lines no longer count towards coverage, the attempt is recorded as FAILED.
     */
    @Transactional
    public void undone(Claim c, String problem) {
        held(c);
        Plan plan = lockedPlan(c.planId());
        plan.status = PlanStatus.SOLVED;
        plan.approvalError = problem;
        plan.updatedAt = DbClock.now();
        em.createNativeQuery("UPDATE plan_line SET state = 'PLANNED', shipment_id = NULL, reservation_id = NULL "
                + "WHERE plan_id = ?1").setParameter(1, c.planId()).executeUpdate();
        em.createNativeQuery("UPDATE plan_team_assignment SET reference = NULL WHERE plan_id = ?1")
                .setParameter(1, c.planId()).executeUpdate();
        if (plan.basePlanId != null) {
            // a re-plan that failed gives its base back: in force again, its lines and teams count again (those whose
            // shipment the failed attempt had cancelled follow it to CANCELLED, their units released by the undo)
            Plan base = lockedPlan(plan.basePlanId);
            if (base.status == PlanStatus.SUPERSEDED) {
                base.status = PlanStatus.APPROVED;
                base.updatedAt = DbClock.now();
                em.createNativeQuery("UPDATE plan_line SET superseded = FALSE WHERE plan_id = ?1")
                        .setParameter(1, base.id).executeUpdate();
                em.createNativeQuery("UPDATE plan_team_assignment SET superseded = FALSE WHERE plan_id = ?1")
                        .setParameter(1, base.id).executeUpdate();
            }
        }
        end(c, "FAILED", problem);
    }

    /** How attempt {@code attempt} of the plan ended; empty while it runs. */
    @Transactional
    public Optional<AttemptOutcome> outcome(UUID planId, int attempt) {
        List<?> rows = em.createNativeQuery("SELECT outcome, problem FROM approval_attempt WHERE plan_id = ?1 "
                + "AND attempt = ?2 AND outcome IS NOT NULL").setParameter(1, planId).setParameter(2, attempt)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new AttemptOutcome((String) row[0], (String) row[1]));
    }

    /** What {@link ApprovalService#current} reads: the approval answer once APPROVED, or the attempt's failure. */
    public record State(String approval, String problem, String lastError) {
    }

    @Transactional
    public State state(UUID planId, int attempt) {
        Plan plan = Plan.findById(planId);
        if (plan == null) {
            return new State(null, null, null);
        }
        if (plan.status == PlanStatus.APPROVED || plan.status == PlanStatus.SUPERSEDED) {
            return new State(plan.approval, null, null);
        }
        Optional<AttemptOutcome> o = outcome(planId, attempt);
        if (o.isPresent() && "FAILED".equals(o.get().outcome())) {
            return new State(null, o.get().problem() == null ? plan.approvalError : o.get().problem(), null);
        }
        return new State(null, null, ApprovalRun.<ApprovalRun>findByIdOptional(planId).map(r -> r.lastError)
                .orElse(null));
    }

    /** The distinct item codes of a SOLVED plan's lines; empty when the plan is not SOLVED; 404 unknown plan. */
    @Transactional
    public Optional<List<String>> itemCodesIfSolved(UUID planId) {
        Plan plan = Plan.findById(planId);
        if (plan == null) {
            throw org.corridor.common.problem.ProblemException.notFound("Plan", planId);
        }
        if (plan.status != PlanStatus.SOLVED) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<String> codes = em.createNativeQuery("SELECT DISTINCT item_code FROM plan_line WHERE plan_id = ?1 "
                + "ORDER BY item_code").setParameter(1, planId).getResultList();
        return Optional.of(codes);
    }

    /** The plan's team assignments, as the approval answer lists them. */
    @Transactional
    public List<PlanApproval.TeamAssignment> teamAssignments(UUID planId) {
        return PlanTeamAssignment.<PlanTeamAssignment>list("planId", Sort.by("position"), planId).stream()
                .map(a -> new PlanApproval.TeamAssignment(a.teamNeedId, a.teamId, a.arrivesAt)).toList();
    }

    /** Item code of each lot of the plan, to name short lots in words. */
    @Transactional
    public Map<String, String> itemOfLots(UUID planId) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        PlanLine.<PlanLine>list("planId", Sort.by("position"), planId)
                .forEach(l -> out.put(l.lotId.toString(), l.itemCode));
        return out;
    }

    /** Attempt numbers: the last one started, 0 if none. */
    int lastAttempt(UUID planId) {
        Number n = (Number) em.createNativeQuery("SELECT COALESCE(MAX(attempt), 0) FROM approval_attempt "
                + "WHERE plan_id = ?1").setParameter(1, planId).getSingleResult();
        return n.intValue();
    }

    /** The attempt that approved the plan. */
    int approvedAttempt(UUID planId) {
        Number n = (Number) em.createNativeQuery("SELECT COALESCE(MAX(attempt), 0) FROM approval_attempt "
                + "WHERE plan_id = ?1 AND outcome = 'APPROVED'").setParameter(1, planId).getSingleResult();
        return n.intValue();
    }

    /**
     * Records a new attempt and its run (not leased) with its steps, in the caller's transaction. The run is due at
     * once, or at {@code notBefore} when that is later (an orphan team sweep's fence, {@link OrphanTeams}), saying so.
     */
    void open(UUID planId, int attempt, List<ApprovalSteps.Spec> specs, Instant notBefore) {
        Instant now = DbClock.now();
        boolean fenced = notBefore != null && notBefore.isAfter(now);
        em.createNativeQuery("INSERT INTO approval_attempt (plan_id, attempt, started_at) VALUES (?1, ?2, ?3)")
                .setParameter(1, planId).setParameter(2, attempt).setParameter(3, now).executeUpdate();
        ApprovalRun r = new ApprovalRun();
        r.planId = planId;
        r.attempt = attempt;
        r.phase = ApprovalRun.Phase.APPLYING;
        r.retryAt = fenced ? notBefore : now;
        if (fenced) {
            r.lastError = "teams an earlier approval of this plan left assigned in inventory are being released; the "
                    + "approval goes on when that ends, by " + notBefore;
        }
        r.startedAt = now;
        r.updatedAt = now;
        r.persist();
        int position = 0;
        for (ApprovalSteps.Spec spec : specs) {
            ApprovalStep s = new ApprovalStep();
            s.id = new ApprovalStep.Key(planId, attempt, position++);
            s.kind = spec.kind();
            s.target = spec.target();
            s.idempotencyKey = spec.idempotencyKey();
            s.payload = spec.payload();
            s.state = ApprovalStep.State.PENDING;
            s.persist();
        }
    }

    private void end(Claim c, String outcome, String problem) {
        em.createNativeQuery("UPDATE approval_attempt SET outcome = ?1, problem = ?2, ended_at = now() "
                + "WHERE plan_id = ?3 AND attempt = ?4").setParameter(1, outcome).setParameter(2, problem)
                .setParameter(3, c.planId()).setParameter(4, c.attempt()).executeUpdate();
        ApprovalRun.deleteById(c.planId());
    }

    /** The end of an orphan team sweep's fence on the plan, if one runs ({@link OrphanTeams}). */
    Instant orphanFence(UUID planId) {
        List<Instant> until = em.createNativeQuery("SELECT orphan_sweep_until FROM plan WHERE id = ?1 "
                + "AND orphan_sweep_until > now()", Instant.class).setParameter(1, planId).getResultList();
        return until.isEmpty() ? null : until.get(0);
    }

    /** Locks the plan's row, then reads it (a plan is not locked in the same select as it is read). */
    private Plan lockedPlan(UUID planId) {
        em.createNativeQuery("SELECT id FROM plan WHERE id = ?1 FOR UPDATE").setParameter(1, planId).getResultList();
        return Plan.findById(planId);
    }

    private void hold(Claim c, Duration lease) {
        int n = em.createNativeQuery("UPDATE approval_run SET lease_until = ?1, updated_at = now() "
                + "WHERE plan_id = ?2 AND fence = ?3").setParameter(1, DbClock.now().plus(lease))
                .setParameter(2, c.planId()).setParameter(3, c.fence()).executeUpdate();
        if (n == 0) {
            throw new LeaseLost(c.planId());
        }
    }

    private ApprovalRun held(Claim c) {
        ApprovalRun r = ApprovalRun.findById(c.planId(), LockModeType.PESSIMISTIC_WRITE);
        if (r == null || r.fence != c.fence()) {
            throw new LeaseLost(c.planId());
        }
        return r;
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 1997) + "...";
    }
}
