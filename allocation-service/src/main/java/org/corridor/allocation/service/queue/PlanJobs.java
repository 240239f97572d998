package org.corridor.allocation.service.queue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.corridor.allocation.domain.Plan;
import org.corridor.allocation.domain.PlanJob;
import org.corridor.allocation.domain.PlanJobStatus;
import org.corridor.allocation.domain.PlanStatus;
import org.corridor.common.problem.ProblemException;
import org.corridor.common.time.DbClock;
import org.jboss.logging.Logger;

/**
 * The solving queue in PostgreSQL, shared by every replica. All times that decide ownership come from the database
 * clock ({@code clock_timestamp()}), so replicas with skewed clocks agree.
 * <ul>
 * <li>{@link #enqueue}: the job row, in the transaction that creates the plan ({@link JobQueued} once it commits);</li>
 * <li>{@link #claim}: the oldest QUEUED job, or a RUNNING one whose lease expired, picked with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED} so concurrent claimers never wait for or get the same job; owner, attempt +
 * 1 and a new lease are set and the claim is logged;</li>
 * <li>{@link #renew}: the owner's heartbeat, which also reads the cancel request;</li>
 * <li>{@link #holds}: the fencing check (row locked) before any write of a solver's results;</li>
 * <li>{@link #requestCancel}: DELETE /plans/{id}/solving on any replica;</li>
 * <li>{@link #release}: a replica shutting down gives its jobs back at once.</li>
 * </ul>
 */
@ApplicationScoped
public class PlanJobs {

    private static final Logger LOG = Logger.getLogger(PlanJobs.class);

    /** What a claim hands to the worker. */
    public record Claim(JobLease lease, String solverInput, Duration spentLimit, Duration unimprovedLimit,
            Instant leaseExpiresAt) {
    }

    /** What the owner learns when it renews its lease. */
    public enum Renewal {
        /** Still ours, renewed. */
        RENEWED,
        /** Still ours, renewed, and someone asked to stop solving. */
        CANCEL_REQUESTED,
        /** No longer ours (claimed again after the lease expired, given back, cancelled or finished). */
        LOST
    }

    /** What DELETE /plans/{id}/solving did. */
    public record CancelResult(boolean direct, String owner) {
    }

    /** One row of the claim log. */
    public record ClaimRecord(int attempt, String owner, Instant claimedAt, Instant endedAt, String outcome) {
    }

    /** A job was added to the queue: observed after the transaction that added it has committed. */
    public record JobQueued(UUID planId) {
    }

    private final EntityManager em;
    private final Event<JobQueued> queued;

    public PlanJobs(EntityManager em, Event<JobQueued> queued) {
        this.em = em;
        this.queued = queued;
    }

    /** Adds the plan's job, QUEUED; joins the caller's transaction (the one creating the plan). */
    @Transactional
    public void enqueue(UUID planId, String solverInput, Duration spent, Duration unimproved) {
        PlanJob job = new PlanJob();
        job.planId = planId;
        job.status = PlanJobStatus.QUEUED;
        job.solverInput = solverInput;
        job.spentLimitMs = spent.toMillis();
        job.unimprovedLimitMs = unimproved.toMillis();
        job.createdAt = DbClock.now();
        job.persist();
        queued.fire(new JobQueued(planId));
    }

    /**
     * Claims one job for {@code owner}: the oldest QUEUED job or RUNNING job whose lease expired that no other
     * transaction holds. A job that has used up {@code maxAttempts} claims is not solved again: it and its plan become
     * FAILED, and the next job is looked at.
     */
    @Transactional
    public Optional<Claim> claim(String owner, Duration lease, int maxAttempts) {
        for (int i = 0; i < 20; i++) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    SELECT plan_id, status, attempt, released, lease_expires_at FROM plan_job
                    WHERE status = 'QUEUED' OR (status = 'RUNNING' AND lease_expires_at < clock_timestamp())
                    ORDER BY created_at, plan_id
                    LIMIT 1
                    FOR UPDATE SKIP LOCKED""").getResultList();
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            Object[] r = rows.get(0);
            UUID planId = (UUID) r[0];
            String status = (String) r[1];
            int attempt = ((Number) r[2]).intValue();
            int released = ((Number) r[3]).intValue();
            if ("RUNNING".equals(status)) {
                // the previous owner stopped renewing: its claim ended when its lease expired
                em.createNativeQuery("UPDATE plan_job_claim SET ended_at = ?1, outcome = 'EXPIRED' "
                        + "WHERE plan_id = ?2 AND attempt = ?3 AND ended_at IS NULL")
                        .setParameter(1, instant(r[4])).setParameter(2, planId).setParameter(3, attempt)
                        .executeUpdate();
            }
            if (attempt - released >= maxAttempts) {
                giveUp(planId, attempt - released);
                continue;
            }
            @SuppressWarnings("unchecked")
            List<Object[]> claimed = em.createNativeQuery("""
                    UPDATE plan_job SET status = 'RUNNING', owner = ?1, attempt = attempt + 1,
                        lease_expires_at = clock_timestamp() + CAST(?2 AS bigint) * interval '1 millisecond',
                        claimed_at = clock_timestamp()
                    WHERE plan_id = ?3
                    RETURNING attempt, claimed_at, lease_expires_at, solver_input, spent_limit_ms,
                        unimproved_limit_ms""")
                    .setParameter(1, owner).setParameter(2, lease.toMillis()).setParameter(3, planId).getResultList();
            Object[] c = claimed.get(0);
            int newAttempt = ((Number) c[0]).intValue();
            em.createNativeQuery("INSERT INTO plan_job_claim (plan_id, attempt, owner, claimed_at) "
                    + "VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, planId).setParameter(2, newAttempt).setParameter(3, owner)
                    .setParameter(4, instant(c[1]))
                    .executeUpdate();
            LOG.infof("plan %s: claimed by %s (attempt %d), lease until %s", planId, owner, newAttempt, instant(c[2]));
            return Optional.of(new Claim(new JobLease(planId, owner, newAttempt), (String) c[3],
                    Duration.ofMillis(((Number) c[4]).longValue()), Duration.ofMillis(((Number) c[5]).longValue()),
                    instant(c[2])));
        }
        return Optional.empty();
    }

    private void giveUp(UUID planId, int attempts) {
        String reason = "solving was attempted " + attempts + " times and each time the replica solving it stopped "
                + "renewing its lease (crashed or stalled); given up";
        em.createNativeQuery("UPDATE plan_job SET status = 'FAILED', lease_expires_at = NULL, "
                + "finished_at = clock_timestamp() "
                + "WHERE plan_id = ?1").setParameter(1, planId).executeUpdate();
        Plan p = Plan.findById(planId);
        if (p != null && p.status == PlanStatus.SOLVING) {
            p.status = PlanStatus.FAILED;
            p.failureReason = reason;
            p.finishedAt = DbClock.now();
            p.updatedAt = p.finishedAt;
        }
        LOG.warnf("plan %s: %s", planId, reason);
    }

    /** The owner's heartbeat: extends the lease if the claim is still its own, and reports a cancel request. */
    @Transactional
    public Renewal renew(JobLease lease, Duration duration) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("""
                UPDATE plan_job SET lease_expires_at = clock_timestamp() + CAST(?1 AS bigint) * interval '1 millisecond'
                WHERE plan_id = ?2 AND owner = ?3 AND attempt = ?4 AND status = 'RUNNING'
                RETURNING cancel_requested_at IS NOT NULL""")
                .setParameter(1, duration.toMillis()).setParameter(2, lease.planId()).setParameter(3, lease.owner())
                .setParameter(4, lease.attempt()).getResultList();
        if (rows.isEmpty()) {
            return Renewal.LOST;
        }
        return Boolean.TRUE.equals(rows.get(0)) ? Renewal.CANCEL_REQUESTED : Renewal.RENEWED;
    }

    /**
     * The fencing check, inside the caller's transaction: locks the job row and says whether the claim is still the
     * current one (RUNNING, same owner, same attempt). A plan with no job at all (created outside the queue) is not
     * held by anyone.
     */
    @Transactional
    public boolean holds(JobLease lease) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT status, owner, attempt FROM plan_job WHERE plan_id = ?1 FOR UPDATE")
                .setParameter(1, lease.planId()).getResultList();
        if (rows.isEmpty()) {
            return false;
        }
        Object[] r = rows.get(0);
        boolean ok = "RUNNING".equals(r[0]) && lease.owner().equals(r[1])
                && ((Number) r[2]).intValue() == lease.attempt();
        if (!ok) {
            LOG.warnf("plan %s: write of %s (attempt %d) refused: the job is %s, owner %s, attempt %s", lease.planId(),
                    lease.owner(), lease.attempt(), r[0], r[1], r[2]);
        }
        return ok;
    }

    /** Ends the job after its final plan was recorded (call after {@link #holds} in the same transaction). */
    @Transactional
    public void finish(JobLease lease, String outcome) {
        em.createNativeQuery("UPDATE plan_job SET status = 'DONE', lease_expires_at = NULL, "
                + "finished_at = clock_timestamp() "
                + "WHERE plan_id = ?1").setParameter(1, lease.planId()).executeUpdate();
        endClaim(lease, outcome);
    }

    /** A replica shutting down gives the job back: QUEUED at once, not counted against the attempt cap. */
    @Transactional
    public boolean release(JobLease lease) {
        int n = em.createNativeQuery("""
                UPDATE plan_job SET status = 'QUEUED', owner = NULL, lease_expires_at = NULL, released = released + 1
                WHERE plan_id = ?1 AND owner = ?2 AND attempt = ?3 AND status = 'RUNNING'""")
                .setParameter(1, lease.planId()).setParameter(2, lease.owner()).setParameter(3, lease.attempt())
                .executeUpdate();
        if (n > 0) {
            endClaim(lease, "RELEASED");
        }
        return n > 0;
    }

    /** Records that a claim lost its job (fenced off) if nobody recorded its end yet. */
    @Transactional
    public void markLost(JobLease lease) {
        endClaim(lease, "LOST");
    }

    private void endClaim(JobLease lease, String outcome) {
        em.createNativeQuery("UPDATE plan_job_claim SET ended_at = clock_timestamp(), outcome = ?1 "
                + "WHERE plan_id = ?2 AND attempt = ?3 AND ended_at IS NULL")
                .setParameter(1, outcome).setParameter(2, lease.planId()).setParameter(3, lease.attempt())
                .executeUpdate();
    }

    /**
     * DELETE /plans/{id}/solving, on any replica. 404 unknown plan, 409 not SOLVING. A job nobody is solving (QUEUED,
     * or RUNNING with an expired lease, or no job) is cancelled here and now: the plan becomes CANCELLED. Otherwise the
     * request is recorded for the owner, which sees it at its next heartbeat and stops its solver.
     */
    @Transactional
    public CancelResult requestCancel(UUID planId) {
        Plan p = Plan.findById(planId);
        if (p == null) {
            throw ProblemException.notFound("Plan", planId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT status, owner, attempt, "
                + "(lease_expires_at IS NULL OR lease_expires_at < clock_timestamp()) FROM plan_job WHERE plan_id = ?1 "
                + "FOR UPDATE")
                .setParameter(1, planId).getResultList();
        em.refresh(p);
        if (p.status != PlanStatus.SOLVING) {
            throw ProblemException.conflict("Plan not solving", "Plan " + planId + " is " + p.status + ", not SOLVING");
        }
        Object[] job = rows.isEmpty() ? null : rows.get(0);
        boolean nobodySolving = job == null || "QUEUED".equals(job[0])
                || ("RUNNING".equals(job[0]) && Boolean.TRUE.equals(job[3]));
        if (nobodySolving) {
            if (job != null) {
                if ("RUNNING".equals(job[0])) {
                    endClaim(new JobLease(planId, (String) job[1], ((Number) job[2]).intValue()), "EXPIRED");
                }
                em.createNativeQuery("UPDATE plan_job SET status = 'CANCELLED', lease_expires_at = NULL, "
                        + "cancel_requested_at = clock_timestamp(), finished_at = clock_timestamp() WHERE plan_id = ?1")
                        .setParameter(1, planId).executeUpdate();
            }
            p.status = PlanStatus.CANCELLED;
            p.stoppedEarly = true;
            p.failureReason = "stopped before any replica was solving it";
            p.finishedAt = DbClock.now();
            p.updatedAt = p.finishedAt;
            return new CancelResult(true, null);
        }
        em.createNativeQuery("UPDATE plan_job SET "
                + "cancel_requested_at = COALESCE(cancel_requested_at, clock_timestamp()) "
                + "WHERE plan_id = ?1").setParameter(1, planId).executeUpdate();
        return new CancelResult(false, (String) job[1]);
    }

    /** The job of a plan, if any (for reads). */
    @Transactional
    public Optional<PlanJob> find(UUID planId) {
        return PlanJob.findByIdOptional(planId);
    }

    /** Every claim of a plan's job, in order. */
    @Transactional
    public List<ClaimRecord> claims(UUID planId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT attempt, owner, claimed_at, ended_at, outcome "
                + "FROM plan_job_claim "
                + "WHERE plan_id = ?1 ORDER BY attempt").setParameter(1, planId).getResultList();
        return rows.stream().map(r -> new ClaimRecord(((Number) r[0]).intValue(), (String) r[1], instant(r[2]),
                instant(r[3]), (String) r[4])).toList();
    }

    static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof java.time.ZonedDateTime z) {
            return z.toInstant();
        }
        if (o instanceof java.time.LocalDateTime l) {
            return l.toInstant(java.time.ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected time value " + o.getClass());
    }
}
