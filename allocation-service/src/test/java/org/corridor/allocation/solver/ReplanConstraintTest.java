package org.corridor.allocation.solver;

import static org.corridor.allocation.solver.Facts.*;

import java.util.List;
import org.corridor.allocation.solver.api.Priority;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.test.api.score.stream.ConstraintVerifier;

/**
 * ConstraintVerifier tests of the re-planning terms ("Plan stability", "Team plan stability") and of the fairness
 * between incidents: what each penalises, by exactly how much, and what it leaves alone.
 */
class ReplanConstraintTest {

    private final ConstraintVerifier<AllocationConstraintProvider, AllocationSolution> verifier = ConstraintVerifier
            .build(new AllocationConstraintProvider(), AllocationSolution.class, NeedChunk.class, TeamSlot.class)
            .withConstraintStreamImplType(ConstraintStreamImplType.BAVET);

    private final SiteFact antakya = site("Antakya", "TUR");
    private final SiteFact aleppo = site("Aleppo", "SYR");
    private long ids = 9_000_000;

    private NeedChunk pinnedChunk(MaterialNeed need, int quantity, Supply supply) {
        need.addSupply(supply);
        return new NeedChunk(++ids, need, quantity, List.of(supply.getLot()), supply.getLot(), true);
    }

    private TeamSlot slot(TeamNeedFact need, int index, TeamOption option) {
        return new TeamSlot(++ids, need, index, T0, option == null ? List.of() : List.of(option), option);
    }

    @Nested
    class PlanStability {

        private final Lot adana = lot("TUR-ADA", "TUR", "TENT", 1000);
        private final Lot gaziantep = lot("TUR-GAZ", "TUR", "TENT", 1000);
        private final Lot mersin = lot("TUR-MER", "TUR", "TENT", 1000);

        @Test
        void chargesEveryBaseUnitNoLongerServedFromItsBaseLot() {
            MaterialNeed n = need(antakya, "TENT", 100, Priority.HIGH);
            n.addReleasedBase(adana, 60);
            n.addReleasedBase(mersin, 30);
            // Adana keeps 40 of its 60 (20 moved to Gaziantep), Mersin's 30 went unmet: 20 + 30 units.
            verifier.verifyThat(AllocationConstraintProvider::planStability)
                    .given(chunk(n, 40, supply(adana, antakya)), chunk(n, 20, supply(gaziantep, antakya)),
                            unmetChunk(n, 40))
                    .penalizesBy(50);
        }

        @Test
        void chargesABaseLineWhoseUnitsAllLeftEvenWithNoSlotOnItsLot() {
            MaterialNeed n = need(antakya, "TENT", 100, Priority.HIGH);
            n.addReleasedBase(adana, 70);
            verifier.verifyThat(AllocationConstraintProvider::planStability)
                    .given(chunk(n, 70, supply(gaziantep, antakya)), unmetChunk(n, 30))
                    .penalizesBy(70);
        }

        @Test
        void countsTheUnitsOfSeveralSlotsOnTheBaseLotTogether() {
            MaterialNeed n = need(antakya, "TENT", 100, Priority.HIGH);
            n.addReleasedBase(adana, 60);
            verifier.verifyThat(AllocationConstraintProvider::planStability)
                    .given(chunk(n, 25, supply(adana, antakya)), chunk(n, 35, supply(adana, antakya)),
                            chunk(n, 40, supply(gaziantep, antakya)))
                    .penalizesBy(0);
        }

        @Test
        void leavesKeptAndGrownLinesPinnedLinesAndPlansFromScratchAlone() {
            MaterialNeed kept = need(antakya, "TENT", 100, Priority.HIGH);
            kept.addReleasedBase(adana, 60);
            MaterialNeed fromScratch = need(aleppo, "TENT", 100, Priority.HIGH);
            MaterialNeed pinned = need(antakya, "TENT", 50, Priority.HIGH);
            verifier.verifyThat(AllocationConstraintProvider::planStability)
                    .given(chunk(kept, 90, supply(adana, antakya)), chunk(kept, 10, supply(mersin, antakya)),
                            chunk(fromScratch, 100, supply(gaziantep, aleppo)),
                            pinnedChunk(pinned, 50, supply(mersin, antakya)))
                    .penalizesBy(0);
        }
    }

    @Nested
    class TeamPlanStability {

        private final Team alpha = team("Alpha", "DEU", "USAR_HEAVY", 12);
        private final Team bravo = team("Bravo", "FRA", "USAR_HEAVY", 12);
        private final Team charlie = team("Charlie", "ITA", "USAR_HEAVY", 12);

        @Test
        void chargesEachBaseTeamNoLongerAssignedToItsTeamNeed() {
            TeamNeedFact n = teamNeed(antakya, "USAR_HEAVY", 2);
            n.addReleasedBaseTeam(alpha.getId());
            n.addReleasedBaseTeam(bravo.getId());
            verifier.verifyThat(AllocationConstraintProvider::teamPlanStability)
                    .given(slot(n, 0, option(alpha, antakya, 5)), slot(n, 1, option(charlie, antakya, 3)))
                    .penalizesBy(1);
            verifier.verifyThat(AllocationConstraintProvider::teamPlanStability)
                    .given(slot(n, 0, null), slot(n, 1, null))
                    .penalizesBy(2);
        }

        @Test
        void leavesBaseTeamsKeptInAnySlotAndNeedsWithoutBaseAlone() {
            TeamNeedFact n = teamNeed(antakya, "USAR_HEAVY", 2);
            n.addReleasedBaseTeam(alpha.getId());
            n.addReleasedBaseTeam(bravo.getId());
            TeamNeedFact fresh = teamNeed(aleppo, "USAR_HEAVY", 1);
            // the base had Alpha in place 0 and Bravo in place 1: swapped places are the same assignment
            verifier.verifyThat(AllocationConstraintProvider::teamPlanStability)
                    .given(slot(n, 0, option(bravo, antakya, 5)), slot(n, 1, option(alpha, antakya, 5)),
                            slot(fresh, 0, null))
                    .penalizesBy(0);
        }
    }

    @Nested
    class FairnessBetweenIncidents {

        private final SiteFact mardin = site("Mardin", "TUR"); // a third site, of a third incident

        @Test
        void chargesTheSquaredDeviationOfEachIncidentsShareFromTheCommonShare() {
            // Tents: Antakya's incident requests 100, Aleppo's 300; 100 unmet, all of them Antakya's.
            // Common unmet share 100/400 = 250 per-mille; Antakya 1000 (d = 750), Aleppo 0 (d = -250).
            MaterialNeed a = need(antakya, "TENT", 100, Priority.HIGH);
            MaterialNeed b = need(aleppo, "TENT", 300, Priority.HIGH);
            AllocationProblemBuilder.linkSharedItems(List.of(a, b));
            verifier.verifyThat(AllocationConstraintProvider::unfairIncidentShare)
                    .given(unmetChunk(a, 100), chunk(b, 300, supply(lot("TUR-ADA", "TUR", "TENT", 300), aleppo)))
                    .penalizesBy(750L * 750 / 10 + 250L * 250 / 10);
        }

        @Test
        void chargesNothingForSharesInProportionToNeed() {
            MaterialNeed a = need(antakya, "TENT", 100, Priority.HIGH);
            MaterialNeed b = need(aleppo, "TENT", 300, Priority.HIGH);
            MaterialNeed c = need(mardin, "TENT", 200, Priority.HIGH);
            AllocationProblemBuilder.linkSharedItems(List.of(a, b, c));
            // a quarter of each incident's request unmet
            verifier.verifyThat(AllocationConstraintProvider::unfairIncidentShare)
                    .given(unmetChunk(a, 25), unmetChunk(b, 60), unmetChunk(b, 15), unmetChunk(c, 50))
                    .penalizesBy(0);
        }

        @Test
        void chargesNothingForAnItemOnlyOneIncidentNeeds() {
            // two sites of one incident, one starved: the site term's business, not this one's
            SiteFact sameIncident = new SiteFact(uuid(), antakya.getIncidentId(), "Iskenderun", "TUR", 36.6, 36.2,
                    1);
            MaterialNeed a = need(antakya, "TENT", 100, Priority.HIGH);
            MaterialNeed b = need(sameIncident, "TENT", 100, Priority.HIGH);
            MaterialNeed kits = need(aleppo, "KIT", 100, Priority.HIGH);
            AllocationProblemBuilder.linkSharedItems(List.of(a, b, kits));
            verifier.verifyThat(AllocationConstraintProvider::unfairIncidentShare)
                    .given(unmetChunk(a, 100), unmetChunk(kits, 100))
                    .penalizesBy(0);
        }

        @Test
        void chargesNothingWhenEveryIncidentIsFullyServed() {
            MaterialNeed a = need(antakya, "TENT", 100, Priority.HIGH);
            MaterialNeed b = need(aleppo, "TENT", 300, Priority.HIGH);
            AllocationProblemBuilder.linkSharedItems(List.of(a, b));
            Lot adana = lot("TUR-ADA", "TUR", "TENT", 400);
            verifier.verifyThat(AllocationConstraintProvider::unfairIncidentShare)
                    .given(chunk(a, 100, supply(adana, antakya)), chunk(b, 300, supply(adana, aleppo)))
                    .penalizesBy(0);
        }
    }
}
