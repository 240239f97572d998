package org.corridor.allocation.service.approval;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * The per-plan count of failed (compensated) approvals. The attempt number goes into every Idempotency-Key approval
 * sends ({@code plan-<id>-attempt-<n>}), so an attempt after a failure never replays the reservation or shipments the
 * failed one created and undid, while a retry of an attempt that never finished (a crash, a timeout) reuses the same
 * keys and picks up what it had created. Recorded in its own transaction: the approval's transaction rolls back on
 * failure, the count must not.
 */
@ApplicationScoped
public class ApprovalAttempts {

    private final EntityManager em;

    public ApprovalAttempts(EntityManager em) {
        this.em = em;
    }

    /** The number of the next attempt: failed attempts so far plus one. */
    @Transactional
    public int next(UUID planId) {
        @SuppressWarnings("unchecked")
        List<Number> rows = em.createNativeQuery("SELECT failed_attempts FROM plan_approval_attempt WHERE plan_id = ?1")
                .setParameter(1, planId).getResultList();
        return rows.isEmpty() ? 1 : rows.get(0).intValue() + 1;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordFailure(UUID planId, String failure) {
        em.createNativeQuery("INSERT INTO plan_approval_attempt (plan_id, failed_attempts, last_failure, updated_at) "
                + "VALUES (?1, 1, ?2, now()) ON CONFLICT (plan_id) DO UPDATE "
                + "SET failed_attempts = plan_approval_attempt.failed_attempts + 1, last_failure = ?2, "
                + "updated_at = now()")
                .setParameter(1, planId).setParameter(2, failure).executeUpdate();
    }
}
