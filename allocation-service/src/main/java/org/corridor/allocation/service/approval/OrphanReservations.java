package org.corridor.allocation.service.approval;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.corridor.allocation.client.inventory.InventoryClient;
import org.corridor.allocation.client.inventory.InventoryGateway;
import org.corridor.allocation.domain.PlanStatus;
import org.corridor.common.client.ListPages;
import org.corridor.common.client.UpstreamException;
import org.corridor.common.client.UpstreamUnavailableException;
import org.jboss.logging.Logger;

/**
 * Releases reservations that approvals which already ended left behind in inventory. An approval's undo reconciles
 * once, after {@code corridor.approval.settle-delay}; a reservation request that stayed blocked in inventory longer
 * than that (rows locked by another transaction, a stalled database) can still commit afterwards, and then holds stock
 * for a plan that is SOLVED again. Nothing else would ever give that stock back, so every
 * {@code corridor.approval.orphan-sweep-every} each replica lists the HELD reservations whose reference starts with
 * {@code plan-} and releases those whose plan cannot hold stock.
 * <p>
 * Which to release ({@link #decide}): a plan that is SOLVING, SOLVED, FAILED or CANCELLED holds nothing, so every
 * reservation of it is released; of an APPROVED plan, every reservation but the one its approval recorded (an earlier,
 * failed attempt's that committed late) is. An APPROVING plan's reservations are never touched (its approval is under
 * way, and a reservation may be arriving for it; its undo, if it fails, reconciles them itself), nor are those of a
 * SUPERSEDED plan, of any status added later, of a plan this service does not know, or with a reference that is not
 * {@code plan-<uuid>}: releasing only what is known to hold nothing keeps the sweep on the safe side.
 * <p>
 * Why this is safe against an approval starting at the same moment: the plans' statuses are read <em>after</em> the
 * reservations were listed. A reservation listed was created before that read; an approval that starts after the read
 * (or whose start had not committed when it was read, so that its plan still read SOLVED) makes its reservation after
 * it, with an Idempotency-Key of its own attempt, so it is never among those listed. A reservation released is always
 * one whose plan's approval had ended without it.
 * <p>
 * Why it is safe with several replicas: each release is {@code POST /reservations/{id}/release} with the
 * Idempotency-Key {@code plan-<planId>-orphan-<reservationId>}, the same on every replica, so the reservation is
 * released once and a repeat (another replica, a retry after a timeout) answers the first outcome. No transaction is
 * held across the HTTP calls; the statuses are read in one short transaction.
 */
@ApplicationScoped
public class OrphanReservations {

    private static final Logger LOG = Logger.getLogger(OrphanReservations.class);

    /** The reference prefix of every plan's reservation ({@link ApprovalSteps#reference}: {@code plan-<planId>}). */
    static final String PREFIX = "plan-";
    /** A plan in one of these statuses holds no stock at all. */
    static final Set<PlanStatus> HOLDING_NOTHING = EnumSet.of(PlanStatus.SOLVING, PlanStatus.SOLVED,
            PlanStatus.FAILED, PlanStatus.CANCELLED);
    /** Reservations listed per request: they come with their lines, which a large plan has thousands of. */
    static final int PAGE_SIZE = 100;
    /** At most this many reservations are looked at per sweep; the rest wait for the next one. */
    static final int MAX_PER_SWEEP = 10_000;

    private final InventoryGateway inventory;
    private final EntityManager em;

    public OrphanReservations(InventoryGateway inventory, EntityManager em) {
        this.inventory = inventory;
        this.em = em;
    }

    /** What the sweep knows about a plan: its status and, once APPROVED, the reservation its approval made. */
    public record PlanHold(PlanStatus status, UUID reservationId) {
    }

    /** What one sweep did. */
    public record Sweep(int looked, int released, int failed) {
    }

    @Scheduled(every = "${corridor.approval.orphan-sweep-every}", delayed = "${corridor.approval.orphan-sweep-every}",
            identity = "orphan-reservations",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        scheduledSweep(LOG, "orphan reservation sweep", "inventory-service", this::sweep);
    }

    /**
     * One pass: lists the HELD {@code plan-} reservations, then reads their plans, then releases the orphans. A release
     * that fails is logged and tried again at the next sweep.
     */
    public Sweep sweep() {
        List<InventoryClient.Reservation> held = heldPlanReservations();
        if (held.isEmpty()) {
            return new Sweep(0, 0, 0);
        }
        Set<UUID> planIds = new LinkedHashSet<>();
        held.forEach(r -> planOf(r.reference()).ifPresent(planIds::add));
        // read AFTER listing (see the class comment)
        Map<UUID, PlanHold> plans = QuarkusTransaction.requiringNew().call(() -> holds(planIds));
        int released = 0;
        int failed = 0;
        for (InventoryClient.Reservation r : held) {
            Optional<UUID> planId = planOf(r.reference());
            if (planId.isEmpty() || !decide(r.id(), plans.get(planId.get()))) {
                continue;
            }
            try {
                inventory.releaseReservation(r.id(), releaseKey(planId.get(), r.id()));
                released++;
                PlanHold plan = plans.get(planId.get());
                LOG.infof("released reservation %s of plan %s, which is %s%s: it was made by an approval that had "
                        + "already ended", r.id(), planId.get(), plan.status(),
                        plan.reservationId() == null ? "" : " with reservation " + plan.reservationId());
            } catch (UpstreamUnavailableException e) {
                throw e;
            } catch (UpstreamException e) {
                failed++;
                LOG.warnf("could not release orphan reservation %s of plan %s (%d %s); trying again at the next "
                        + "sweep", r.id(), planId.get(), e.status(), e.getMessage());
            }
        }
        return new Sweep(held.size(), released, failed);
    }

    /**
     * Runs one pass of a sweep for the scheduler: an upstream that does not answer skips it (logged at debug level),
     * any other failure is logged; the next pass tries again either way.
     */
    static void scheduledSweep(Logger log, String sweep, String upstream, Runnable pass) {
        try {
            pass.run();
        } catch (UpstreamUnavailableException e) {
            log.debugf("%s skipped, %s unavailable (%s)", sweep, upstream, e.getMessage());
        } catch (RuntimeException e) {
            log.warnf("%s failed (%s); trying again at the next sweep", sweep, e.toString());
        }
    }

    /**
     * Whether reservation {@code reservationId} of a plan in state {@code plan} (null: the plan is not known here) is
     * an orphan to release.
     */
    static boolean decide(UUID reservationId, PlanHold plan) {
        if (plan == null || plan.status() == null) {
            return false;
        }
        if (HOLDING_NOTHING.contains(plan.status())) {
            return true;
        }
        return plan.status() == PlanStatus.APPROVED && plan.reservationId() != null
                && !plan.reservationId().equals(reservationId);
    }

    /** The plan of a reference {@code plan-<uuid>}; empty for any other reference. */
    static Optional<UUID> planOf(String reference) {
        if (reference == null || !reference.startsWith(PREFIX)
                || reference.length() != PREFIX.length() + 36) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(reference.substring(PREFIX.length()));
            return ApprovalSteps.reference(id).equals(reference) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The Idempotency-Key of the release: the same on every replica and every sweep. */
    static String releaseKey(UUID planId, UUID reservationId) {
        return ApprovalSteps.reference(planId) + "-orphan-" + reservationId;
    }

    private List<InventoryClient.Reservation> heldPlanReservations() {
        return ListPages.collect(page -> inventory.reservationsStartingWith(PREFIX, "HELD", page, PAGE_SIZE),
                r -> "HELD".equals(r.status()), MAX_PER_SWEEP, Integer.MAX_VALUE);
    }

    private Map<UUID, PlanHold> holds(Set<UUID> planIds) {
        Map<UUID, PlanHold> out = new HashMap<>();
        List<UUID> ids = List.copyOf(planIds);
        for (int from = 0; from < ids.size(); from += 1000) {
            List<Object[]> rows = em
                    .createQuery("select p.id, p.status, p.reservationId from Plan p where p.id in :ids",
                            Object[].class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .getResultList();
            for (Object[] row : rows) {
                out.put((UUID) row[0], new PlanHold((PlanStatus) row[1], (UUID) row[2]));
            }
        }
        return out;
    }
}
