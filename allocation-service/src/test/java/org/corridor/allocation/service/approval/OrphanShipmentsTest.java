package org.corridor.allocation.service.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.UUID;
import org.corridor.allocation.domain.PlanStatus;
import org.junit.jupiter.api.Test;

/**
 * Which PLANNED shipments the orphan sweep cancels: every one of a plan known to hold nothing, and one an APPROVED
 * plan's lines are not carried by; never one of an APPROVING plan, a SUPERSEDED plan, a plan unknown here, or of an
 * APPROVED plan whose lines name no shipment.
 */
class OrphanShipmentsTest {

    private static final UUID SHIPMENT = UUID.fromString("9a3c2b1d-0000-4000-8000-000000000001");
    private static final UUID OTHER = UUID.fromString("9a3c2b1d-0000-4000-8000-000000000002");

    @Test
    void everyShipmentOfAPlanThatHoldsNothingIsCancelled() {
        for (PlanStatus s : new PlanStatus[]{PlanStatus.SOLVING, PlanStatus.SOLVED, PlanStatus.FAILED,
                PlanStatus.CANCELLED}) {
            assertTrue(OrphanShipments.decide(SHIPMENT, new OrphanShipments.PlanShipments(s, Set.of())), s.name());
            assertTrue(OrphanShipments.decide(SHIPMENT, new OrphanShipments.PlanShipments(s, Set.of(SHIPMENT))),
                    s.name());
        }
    }

    @Test
    void anApprovedPlanKeepsTheShipmentsItsLinesAreCarriedBy() {
        assertFalse(OrphanShipments.decide(SHIPMENT,
                new OrphanShipments.PlanShipments(PlanStatus.APPROVED, Set.of(SHIPMENT))));
        assertTrue(OrphanShipments.decide(OTHER,
                new OrphanShipments.PlanShipments(PlanStatus.APPROVED, Set.of(SHIPMENT))));
        // no shipment recorded on its lines: nothing to compare with, keep
        assertFalse(OrphanShipments.decide(OTHER, new OrphanShipments.PlanShipments(PlanStatus.APPROVED, Set.of())));
    }

    @Test
    void approvingSupersededAndUnknownPlansAreNeverTouched() {
        assertFalse(OrphanShipments.decide(SHIPMENT,
                new OrphanShipments.PlanShipments(PlanStatus.APPROVING, Set.of())));
        assertFalse(OrphanShipments.decide(OTHER,
                new OrphanShipments.PlanShipments(PlanStatus.SUPERSEDED, Set.of(SHIPMENT))));
        assertFalse(OrphanShipments.decide(SHIPMENT, null));
        for (PlanStatus s : PlanStatus.values()) {
            boolean cancelled = OrphanShipments.decide(OTHER,
                    new OrphanShipments.PlanShipments(s, Set.of(SHIPMENT)));
            assertEquals(OrphanReservations.HOLDING_NOTHING.contains(s) || s == PlanStatus.APPROVED, cancelled,
                    s.name());
        }
    }
}
