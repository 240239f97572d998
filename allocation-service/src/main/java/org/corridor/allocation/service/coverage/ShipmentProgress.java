package org.corridor.allocation.service.coverage;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.corridor.allocation.client.shipment.ShipmentClient;
import org.corridor.allocation.client.shipment.ShipmentGateway;
import org.corridor.allocation.domain.LineState;
import org.corridor.allocation.domain.PlanLine;
import org.corridor.common.client.ListPages;
import org.jboss.logging.Logger;

/**
 * Moves the lines of approved plans as their shipments move, so coverage follows the road: every
 * {@code corridor.coverage.sync-every}, the shipments of each APPROVED plan with lines still APPROVED or DISPATCHED are
 * read from shipment-service and each line takes its shipment's state: DISPATCHED once dispatched (in transit, at a
 * border, arrived), DELIVERED with the accepted and rejected units of the proof of delivery, LOST when lost or
 * cancelled after dispatch, CANCELLED when cancelled before dispatch (the units are uncovered again). Applying a
 * shipment twice changes nothing, so a missed or repeated round is harmless; a shipment-service that is down is read at
 * the next round.
 */
@ApplicationScoped
public class ShipmentProgress {

    private static final Logger LOG = Logger.getLogger(ShipmentProgress.class);

    private final ShipmentGateway shipments;
    private final EntityManager em;

    public ShipmentProgress(ShipmentGateway shipments, EntityManager em) {
        this.shipments = shipments;
        this.em = em;
    }

    @Scheduled(every = "${corridor.coverage.sync-every}", identity = "coverage-sync",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sync() {
        List<UUID> plans;
        try {
            plans = moving();
        } catch (RuntimeException e) {
            LOG.debugf("coverage sync: cannot read the plans now (%s)", e.toString());
            return;
        }
        for (UUID planId : plans) {
            try {
                syncPlan(planId);
            } catch (RuntimeException e) {
                LOG.debugf("coverage sync of plan %s: %s; next round", planId, e.toString());
            }
        }
    }

    /** Reads the plan's shipments and moves its lines; public for an operator's or a test's immediate refresh. */
    public void syncPlan(UUID planId) {
        apply(planId, ListPages.all(page -> shipments.shipmentsOfPlan(planId, page)));
    }

    @Transactional
    @SuppressWarnings("unchecked")
    List<UUID> moving() {
        return em.createNativeQuery("SELECT DISTINCT l.plan_id FROM plan_line l JOIN plan p ON p.id = l.plan_id "
                + "WHERE p.status IN ('APPROVED', 'SUPERSEDED') AND l.state IN ('APPROVED', 'DISPATCHED')", UUID.class)
                .getResultList();
    }

    @Transactional
    void apply(UUID planId, List<ShipmentClient.Shipment> all) {
        for (ShipmentClient.Shipment s : all) {
            // the plan's own lines, and those of re-plans that kept the shipment (the copies that count now)
            List<PlanLine> carried = PlanLine.list("shipmentId = ?1 and state <> ?2", s.id(), LineState.PLANNED);
            Map<UUID, List<PlanLine>> byPlan = new TreeMap<>();
            carried.forEach(l -> byPlan.computeIfAbsent(l.planId, k -> new ArrayList<>()).add(l));
            for (List<PlanLine> lines : byPlan.values()) {
                lines.sort(Comparator.comparingInt(l -> l.position));
                LineState state = state(s);
                if (state == LineState.DELIVERED) {
                    deliver(lines, s);
                } else {
                    for (PlanLine l : lines) {
                        l.state = state;
                        l.delivered = 0;
                        l.rejected = 0;
                    }
                }
            }
        }
    }

    static LineState state(ShipmentClient.Shipment s) {
        return switch (s.status()) {
            case "PLANNED" -> LineState.APPROVED;
            case "DELIVERED" -> LineState.DELIVERED;
            case "LOST" -> LineState.LOST;
            case "CANCELLED" -> s.dispatchedAt() == null ? LineState.CANCELLED : LineState.LOST;
            default -> LineState.DISPATCHED;
        };
    }

    /**
     * Shares each lot's accepted and rejected units over the plan lines of that lot, in line order: the first lines get
     * the accepted units first. Lines of a lot the proof does not mention count as delivered in full.
     */
    static void deliver(List<PlanLine> lines, ShipmentClient.Shipment s) {
        Map<UUID, int[]> left = new HashMap<>();
        for (ShipmentClient.Line l : s.lines() == null ? List.<ShipmentClient.Line>of() : s.lines()) {
            if (l.accepted() != null || l.rejected() != null) {
                int[] r = left.computeIfAbsent(l.lotId(), k -> new int[2]);
                r[0] += l.accepted() == null ? 0 : l.accepted();
                r[1] += l.rejected() == null ? 0 : l.rejected();
            }
        }
        for (PlanLine line : lines) {
            line.state = LineState.DELIVERED;
            int[] r = left.get(line.lotId);
            if (r == null) {
                line.delivered = line.quantity;
                line.rejected = 0;
                continue;
            }
            int accepted = Math.min(line.quantity, r[0]);
            r[0] -= accepted;
            // what the proof does not account as accepted did not reach the site: uncovered again
            r[1] -= Math.min(line.quantity - accepted, r[1]);
            line.delivered = accepted;
            line.rejected = line.quantity - accepted;
        }
    }
}
