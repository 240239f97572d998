package org.corridor.allocation.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.corridor.allocation.solver.api.SolverInput;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.SolverConfig;

/**
 * Solves a small generated instance in FULL_ASSERT mode: after every move OptaPlanner recomputes the score from scratch
 * with the constraint streams (the definition of the score) and fails if the solver's incremental score
 * ({@link AllocationScoreCalculator}) disagrees (score corruption), and checks that undo moves restore the score. Plans
 * without pruning too, so that the hard constraints' incremental paths are exercised.
 */
class ScoreCorruptionTest {

    private static AllocationSolution solveFullAssert(AllocationSolution problem) {
        SolverConfig config = AllocationSolverConfig
                .fullAssert(AllocationSolverConfig.solverConfig(Duration.ofSeconds(3), null));
        return SolverFactory.<AllocationSolution>create(config).buildSolver().solve(problem);
    }

    /** Three sites in two countries, scarce and perishable stock, an embargo, earmarks and teams. */
    static SolverInput smallTroubledInstance() {
        InputBuilder b = new InputBuilder();
        var antakya = b.site("Antakya", "TUR", 36.20, 36.16);
        var aleppo = b.site("Aleppo", "SYR", 36.20, 37.13);
        var dadu = b.site("Dadu", "PAK", 26.73, 67.78, "FL");
        b.need(antakya, "TENT-FAM", 60, org.corridor.allocation.solver.api.Priority.CRITICAL);
        b.need(aleppo, "TENT-FAM", 50, org.corridor.allocation.solver.api.Priority.HIGH);
        b.need(aleppo, "HEB-CTN", 40, org.corridor.allocation.solver.api.Priority.CRITICAL,
                InputBuilder.T0.plus(Duration.ofHours(20)));
        b.need(dadu, "HEB-CTN", 30, org.corridor.allocation.solver.api.Priority.LOW);
        b.lot("TUR-GAZ", "TUR", 37.07, 37.38, "TENT-FAM", 70);
        b.lot("JOR-AMM", "JOR", 31.95, 35.93, "TENT-FAM", 25, null, java.util.Set.of("SYR"), java.util.Set.of());
        b.lot("UNHRD-DXB", "ARE", 25.20, 55.27, "TENT-FAM", 40);
        b.lot("UNHRD-DXB", "ARE", 25.20, 55.27, "HEB-CTN", 35, java.time.LocalDate.of(2026, 2, 9), java.util.Set.of(),
                java.util.Set.of());
        b.lot("PAK-KHI", "PAK", 24.86, 67.01, "HEB-CTN", 30, java.time.LocalDate.of(2026, 6, 1), java.util.Set.of(),
                java.util.Set.of("FL"));
        b.lot("TUR-ADA", "TUR", 37.00, 35.32, "HEB-CTN", 25, java.time.LocalDate.of(2026, 12, 1), java.util.Set.of(),
                java.util.Set.of());
        b.teamNeed(antakya, "USAR_HEAVY", 2);
        b.teamNeed(aleppo, "USAR_HEAVY", 1);
        b.teamNeed(dadu, "EMT_TYPE_2", 1);
        b.team("USAID", "USA", "USAR_HEAVY", 38.85, -77.30, 10);
        b.team("THW", "DEU", "USAR_HEAVY", 50.11, 8.68, 10);
        b.team("UAE", "ARE", "EMT_TYPE_2", 25.20, 55.27, 8);
        b.team("NOR", "NOR", "EMT_TYPE_2", 59.91, 10.75, 12);
        b.embargo("TUR", "SYR", org.corridor.allocation.solver.api.AppliesTo.MATERIALS)
                .embargo("USA", "SYR", org.corridor.allocation.solver.api.AppliesTo.ALL);
        return b.build();
    }

    @Test
    void incrementalScoreMatchesFullRecalculationWithPrunedRanges() {
        SolverInput input = smallTroubledInstance();
        AllocationSolution best = solveFullAssert(AllocationProblemBuilder.build(input));
        assertTrue(best.getScore().isFeasible(), best.getScore().toString());
        assertEquals(java.util.List.of(), PlanChecker.violations(input, OutcomeExtractor.extract(best, input)));
    }

    @Test
    void incrementalScoreMatchesFullRecalculationWithoutPruning() {
        SolverInput input = smallTroubledInstance();
        AllocationSolution best = solveFullAssert(AllocationProblemBuilder.build(input,
                new AllocationProblemBuilder.Options(32, false)));
        assertTrue(best.getScore().isFeasible(), best.getScore().toString());
        assertEquals(java.util.List.of(), PlanChecker.violations(input, OutcomeExtractor.extract(best, input)));
    }

    /**
     * A re-plan of the instance's plan, every other base line pinned and the rest released, base teams released: the
     * stability terms' collectors undo exactly what they added (the instance's two incidents share tents, so the
     * fairness between incidents is exercised by the tests above too).
     */
    @Test
    void incrementalScoreMatchesFullRecalculationOnAReplan() {
        SolverInput input = smallTroubledInstance();
        var base = SolverTestSupport.solve(input, Duration.ofSeconds(2), null).outcome();
        java.util.List<SolverInput.BaseLine> lines = new java.util.ArrayList<>();
        for (int i = 0; i < base.lines().size(); i++) {
            var l = base.lines().get(i);
            lines.add(new SolverInput.BaseLine(l.needId(), l.lotId(), l.quantity(), i % 2 == 0));
        }
        SolverInput replan = input.withBase(lines, base.teamAssignments().stream()
                .map(a -> new SolverInput.BaseTeam(a.teamNeedId(), a.teamId(), false)).toList());
        AllocationSolution best = solveFullAssert(AllocationProblemBuilder.build(replan));
        assertTrue(best.getScore().isFeasible(), best.getScore().toString());
        assertEquals(java.util.List.of(), PlanChecker.violations(replan, OutcomeExtractor.extract(best, replan)));
    }
}
