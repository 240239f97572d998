package org.corridor.allocation.service.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.UUID;
import org.corridor.allocation.domain.PlanStatus;
import org.junit.jupiter.api.Test;

/**
 * Which {@code plan-<id>} reservations the orphan sweep releases: only those of a plan known to hold nothing, or an
 * APPROVED plan's other than the one its approval recorded; never an APPROVING plan's, a SUPERSEDED plan's, an unknown
 * plan's, or a reference that is not {@code plan-<uuid>}.
 */
class OrphanReservationsTest {

    private static final UUID RESERVATION = UUID.fromString("5d1f0b7e-0000-4000-8000-000000000001");
    private static final UUID OTHER = UUID.fromString("5d1f0b7e-0000-4000-8000-000000000002");

    @Test
    void everyReservationOfAPlanThatHoldsNothingIsReleased() {
        for (PlanStatus s : new PlanStatus[]{PlanStatus.SOLVING, PlanStatus.SOLVED, PlanStatus.FAILED,
                PlanStatus.CANCELLED}) {
            assertTrue(OrphanReservations.decide(RESERVATION, new OrphanReservations.PlanHold(s, null)), s.name());
            // a reservation id left over from an earlier state does not protect anything
            assertTrue(OrphanReservations.decide(RESERVATION, new OrphanReservations.PlanHold(s, RESERVATION)),
                    s.name());
        }
    }

    @Test
    void anApprovedPlanKeepsTheReservationItsApprovalMadeOnly() {
        assertFalse(OrphanReservations.decide(RESERVATION,
                new OrphanReservations.PlanHold(PlanStatus.APPROVED, RESERVATION)));
        assertTrue(OrphanReservations.decide(OTHER,
                new OrphanReservations.PlanHold(PlanStatus.APPROVED, RESERVATION)));
        // no reservation recorded: nothing to compare with, keep
        assertFalse(OrphanReservations.decide(OTHER, new OrphanReservations.PlanHold(PlanStatus.APPROVED, null)));
    }

    @Test
    void approvingSupersededAndUnknownPlansAreNeverTouched() {
        assertFalse(OrphanReservations.decide(RESERVATION,
                new OrphanReservations.PlanHold(PlanStatus.APPROVING, null)));
        assertFalse(OrphanReservations.decide(OTHER,
                new OrphanReservations.PlanHold(PlanStatus.APPROVING, RESERVATION)));
        assertFalse(OrphanReservations.decide(OTHER,
                new OrphanReservations.PlanHold(PlanStatus.SUPERSEDED, RESERVATION)));
        assertFalse(OrphanReservations.decide(RESERVATION, null));
        // every status but those listed is kept: a status added later is on the safe side
        for (PlanStatus s : PlanStatus.values()) {
            boolean released = OrphanReservations.decide(OTHER, new OrphanReservations.PlanHold(s, RESERVATION));
            assertEquals(OrphanReservations.HOLDING_NOTHING.contains(s) || s == PlanStatus.APPROVED, released,
                    s.name());
        }
    }

    @Test
    void onlyReferencesOfTheFormPlanUuidNameAPlan() {
        UUID plan = UUID.fromString("7c1e2d90-1b2a-4c3d-8e4f-5a6b7c8d9e0f");
        assertEquals(Optional.of(plan), OrphanReservations.planOf("plan-" + plan));
        assertEquals(Optional.empty(), OrphanReservations.planOf("plan-" + plan + "-x"));
        assertEquals(Optional.empty(), OrphanReservations.planOf("plan-7C1E2D90-1B2A-4C3D-8E4F-5A6B7C8D9E0F"));
        assertEquals(Optional.empty(), OrphanReservations.planOf("plan-1"));
        assertEquals(Optional.empty(), OrphanReservations.planOf("plan-not-a-uuid-at-all-but-36-characters!"));
        assertEquals(Optional.empty(), OrphanReservations.planOf("shipment-" + plan));
        assertEquals(Optional.empty(), OrphanReservations.planOf(null));
    }

    @Test
    void theReleaseKeyIsTheSameOnEveryReplicaAndFitsTheHeader() {
        UUID plan = UUID.fromString("7c1e2d90-1b2a-4c3d-8e4f-5a6b7c8d9e0f");
        String key = OrphanReservations.releaseKey(plan, RESERVATION);
        assertEquals("plan-" + plan + "-orphan-" + RESERVATION, key);
        assertEquals(key, OrphanReservations.releaseKey(plan, RESERVATION));
        assertTrue(key.length() <= 200);
    }
}
