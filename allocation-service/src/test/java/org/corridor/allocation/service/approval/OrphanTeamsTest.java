package org.corridor.allocation.service.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.UUID;
import org.corridor.allocation.domain.PlanStatus;
import org.junit.jupiter.api.Test;

/**
 * Which teams assigned under {@code plan-<id>} the orphan sweep releases: every team of a plan known to hold nothing,
 * and a team an APPROVED plan does not list among its team assignments; never a team of an APPROVING plan, of a
 * SUPERSEDED plan (a re-plan keeps its base's teams under the base's reference) or of a plan unknown here.
 */
class OrphanTeamsTest {

    private static final UUID TEAM = UUID.fromString("7e4d0c1a-0000-4000-8000-000000000001");
    private static final UUID OTHER = UUID.fromString("7e4d0c1a-0000-4000-8000-000000000002");

    @Test
    void everyTeamOfAPlanThatHoldsNothingIsReleased() {
        for (PlanStatus s : new PlanStatus[]{PlanStatus.SOLVING, PlanStatus.SOLVED, PlanStatus.FAILED,
                PlanStatus.CANCELLED}) {
            assertTrue(OrphanTeams.decide(TEAM, new OrphanTeams.PlanTeams(s, Set.of())), s.name());
            // the plan's own team assignments do not protect a team while the plan commits nothing
            assertTrue(OrphanTeams.decide(TEAM, new OrphanTeams.PlanTeams(s, Set.of(TEAM))), s.name());
        }
    }

    @Test
    void anApprovedPlanKeepsItsOwnTeamsOnly() {
        assertFalse(OrphanTeams.decide(TEAM, new OrphanTeams.PlanTeams(PlanStatus.APPROVED, Set.of(TEAM))));
        assertTrue(OrphanTeams.decide(OTHER, new OrphanTeams.PlanTeams(PlanStatus.APPROVED, Set.of(TEAM))));
    }

    @Test
    void approvingSupersededAndUnknownPlansAreNeverTouched() {
        assertFalse(OrphanTeams.decide(TEAM, new OrphanTeams.PlanTeams(PlanStatus.APPROVING, Set.of())));
        assertFalse(OrphanTeams.decide(OTHER, new OrphanTeams.PlanTeams(PlanStatus.SUPERSEDED, Set.of(TEAM))));
        assertFalse(OrphanTeams.decide(TEAM, null));
        assertFalse(OrphanTeams.decide(TEAM, new OrphanTeams.PlanTeams(null, Set.of())));
        // every status but those listed keeps a team it does not list: a status added later is on the safe side
        for (PlanStatus s : PlanStatus.values()) {
            boolean released = OrphanTeams.decide(OTHER, new OrphanTeams.PlanTeams(s, Set.of(TEAM)));
            assertEquals(OrphanReservations.HOLDING_NOTHING.contains(s) || s == PlanStatus.APPROVED, released,
                    s.name());
        }
    }

    @Test
    void theFenceOutlastsEveryReleaseItCovers() {
        // a release is sent only while more than MARGIN is left; MARGIN exceeds one gateway call with its retries
        assertTrue(OrphanTeams.MARGIN.compareTo(java.time.Duration.ofSeconds(31)) > 0);
        assertTrue(OrphanTeams.FENCE.compareTo(OrphanTeams.MARGIN) > 0);
    }
}
