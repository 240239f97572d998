package org.corridor.allocation.service.approval;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.corridor.allocation.client.shipment.ShipmentClient;
import org.corridor.allocation.client.shipment.ShipmentGateway;
import org.corridor.allocation.domain.PlanStatus;
import org.corridor.common.client.ListPages;
import org.corridor.common.client.UpstreamException;
import org.corridor.common.client.UpstreamUnavailableException;
import org.jboss.logging.Logger;

/**
 * Cancels shipments that approvals which already ended left PLANNED in shipment-service: the shipment counterpart of
 * {@link OrphanReservations}. A shipment request that stayed blocked in shipment-service past the undo's look commits
 * afterwards, PLANNED for a plan that is SOLVED again, its stock no longer held (the undo released the reservation), so
 * it would stand on every dashboard as goods about to leave that never will. So every
 * {@code corridor.approval.orphan-sweep-every} each replica lists the PLANNED shipments (without their lines: ids,
 * plans and statuses are all it needs), <em>then</em> reads their plans, and cancels ({@code POST
 * /shipments/{id}/events} CANCELLED, which releases whatever the shipment's lines still hold) those of a plan that
 * holds nothing.
 * <p>
 * Which to cancel ({@link #decide}): every PLANNED shipment of a plan that is SOLVING, SOLVED, FAILED or CANCELLED; of
 * an APPROVED plan, one its lines are not carried by (an earlier, failed attempt's). Never one of an APPROVING plan, of
 * a SUPERSEDED plan (its re-plan keeps some of its shipments as they are), of a plan unknown here, nor of an APPROVED
 * plan whose lines name no shipment (nothing to compare with).
 * <p>
 * Safe against an approval starting at the same moment for the reason {@link OrphanReservations} is: the plans are read
 * after the shipments were listed, and an attempt that starts after that read creates its shipments (new ids, keys of
 * its own attempt) after it. The cancellation names the shipment by id, so it can only ever cancel a shipment listed; a
 * repeat (another replica) finds it CANCELLED and is refused with 409, which is left as it is. No transaction is held
 * across the HTTP calls.
 */
@ApplicationScoped
public class OrphanShipments {

    private static final Logger LOG = Logger.getLogger(OrphanShipments.class);

    /** Shipments listed per request, without their lines (a large plan's shipments have thousands). */
    static final int PAGE_SIZE = 500;
    /** At most this many PLANNED shipments are looked at per sweep; the rest wait for the next one. */
    static final int MAX_PER_SWEEP = 10_000;

    private final ShipmentGateway shipments;
    private final EntityManager em;

    public OrphanShipments(ShipmentGateway shipments, EntityManager em) {
        this.shipments = shipments;
        this.em = em;
    }

    /** What the sweep knows about a plan: its status and the shipments its lines are carried by. */
    public record PlanShipments(PlanStatus status, Set<UUID> shipmentIds) {
    }

    @Scheduled(every = "${corridor.approval.orphan-sweep-every}", delayed = "${corridor.approval.orphan-sweep-every}",
            identity = "orphan-shipments",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        OrphanReservations.scheduledSweep(LOG, "orphan shipment sweep", "shipment-service", this::sweep);
    }

    /** One pass: lists the PLANNED shipments, then reads their plans, then cancels the orphans. */
    public OrphanReservations.Sweep sweep() {
        List<ShipmentClient.Shipment> planned = plannedShipments();
        if (planned.isEmpty()) {
            return new OrphanReservations.Sweep(0, 0, 0);
        }
        Set<UUID> planIds = new LinkedHashSet<>();
        planned.forEach(s -> planIds.add(s.planId()));
        // read AFTER listing (see the class comment)
        Map<UUID, PlanShipments> plans = QuarkusTransaction.requiringNew().call(() -> read(planIds));
        int cancelled = 0;
        int failed = 0;
        for (ShipmentClient.Shipment s : planned) {
            PlanShipments plan = plans.get(s.planId());
            if (!decide(s.id(), plan)) {
                continue;
            }
            try {
                shipments.cancelShipment(s.id(), "created for plan " + s.planId() + " by an approval that had "
                        + "already ended (the plan is " + plan.status() + "); nothing was kept");
                cancelled++;
                LOG.infof("cancelled shipment %s of plan %s, which is %s: it was created by an approval that had "
                        + "already ended", s.id(), s.planId(), plan.status());
            } catch (UpstreamUnavailableException e) {
                throw e;
            } catch (UpstreamException e) {
                if (e.status() != 409) {
                    failed++;
                    LOG.warnf("could not cancel orphan shipment %s of plan %s (%d %s); trying again at the next "
                            + "sweep", s.id(), s.planId(), e.status(), e.getMessage());
                }
                // 409: it moved on meanwhile (cancelled by another replica, or dispatched): left as it is
            }
        }
        return new OrphanReservations.Sweep(planned.size(), cancelled, failed);
    }

    /**
     * Whether PLANNED shipment {@code shipmentId} of a plan in state {@code plan} (null: the plan is not known here) is
     * an orphan to cancel.
     */
    static boolean decide(UUID shipmentId, PlanShipments plan) {
        if (plan == null || plan.status() == null) {
            return false;
        }
        if (OrphanReservations.HOLDING_NOTHING.contains(plan.status())) {
            return true;
        }
        return plan.status() == PlanStatus.APPROVED && !plan.shipmentIds().isEmpty()
                && !plan.shipmentIds().contains(shipmentId);
    }

    private List<ShipmentClient.Shipment> plannedShipments() {
        return ListPages.collect(page -> shipments.plannedShipments(page, PAGE_SIZE),
                s -> "PLANNED".equals(s.status()) && s.planId() != null, MAX_PER_SWEEP, Integer.MAX_VALUE);
    }

    private Map<UUID, PlanShipments> read(Set<UUID> planIds) {
        Map<UUID, PlanStatus> status = new HashMap<>();
        Map<UUID, Set<UUID>> carried = new HashMap<>();
        List<UUID> ids = List.copyOf(planIds);
        for (int from = 0; from < ids.size(); from += 1000) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            em.createQuery("select p.id, p.status from Plan p where p.id in :ids", Object[].class)
                    .setParameter("ids", chunk).getResultList()
                    .forEach(row -> status.put((UUID) row[0], (PlanStatus) row[1]));
            em.createQuery("select distinct l.planId, l.shipmentId from PlanLine l where l.planId in :ids "
                    + "and l.shipmentId is not null", Object[].class).setParameter("ids", chunk).getResultList()
                    .forEach(row -> carried.computeIfAbsent((UUID) row[0], k -> new HashSet<>()).add((UUID) row[1]));
        }
        Map<UUID, PlanShipments> out = new HashMap<>();
        status.forEach((id, s) -> out.put(id, new PlanShipments(s, carried.getOrDefault(id, Set.of()))));
        return out;
    }
}
