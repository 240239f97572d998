package org.corridor.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.corridor.allocation.solver.AllocationProblemBuilder;
import org.corridor.allocation.solver.AllocationSolution;
import org.corridor.allocation.solver.AllocationSolverConfig;
import org.corridor.allocation.solver.Lot;
import org.corridor.allocation.solver.NeedChunk;
import org.corridor.allocation.solver.api.SolverInput;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.Solver;

/**
 * The independent evaluator gives exactly the ConstraintProvider's score: on OptaPlanner's own plans (several seeds,
 * sizes S and M) and on deliberately broken plans (over-allocated lots, material sent across an embargo), where the
 * hard level must be non-zero and equal too.
 */
class PlanEvaluatorTest {

    private final SolutionManager<AllocationSolution, HardMediumSoftLongScore> manager = AllocationSolverConfig
            .solutionManager();

    private static AllocationSolution solve(AllocationSolution problem, int seconds) {
        Solver<AllocationSolution> solver = AllocationSolverConfig.solverFactory(Duration.ofSeconds(seconds), null)
                .buildSolver();
        return solver.solve(problem);
    }

    private static void assertSameScore(HardMediumSoftLongScore expected, PlanEvaluator.Score actual) {
        assertEquals(expected.hardScore(), actual.hard(), () -> "hard: solver " + expected + ", evaluator " + actual);
        assertEquals(expected.mediumScore(), actual.medium(),
                () -> "medium: solver " + expected + ", evaluator " + actual);
        assertEquals(expected.softScore(), actual.soft(), () -> "soft: solver " + expected + ", evaluator " + actual
                + " " + actual.penalties());
    }

    @ParameterizedTest(name = "size {0}, seed {1}")
    @CsvSource({"S, 1", "S, 2", "S, 3", "M, 1", "M, 7"})
    void evaluatorEqualsConstraintProviderOnSolverPlans(String size, long seed) {
        SolverInput input = new InstanceGenerator(seed).generate(InstanceGenerator.Size.of(size));
        AllocationSolution best = solve(AllocationProblemBuilder.build(input), size.equals("S") ? 2 : 4);

        PlanEvaluator.Score score = new PlanEvaluator(input).evaluate(OptaPlannerRunner.toPlan(best));

        assertTrue(best.getScore().isSolutionInitialized());
        assertEquals(0, best.getScore().hardScore());
        assertSameScore(best.getScore(), score);
        assertSameScore(manager.update(best), score);
    }

    @ParameterizedTest(name = "seed {0}")
    @CsvSource({"1", "5"})
    void evaluatorEqualsConstraintProviderOnOverAllocatedPlans(long seed) {
        SolverInput input = new InstanceGenerator(seed).generate(InstanceGenerator.Size.of("M"));
        AllocationSolution s = solve(AllocationProblemBuilder.build(input), 2);
        // Every chunk that may take the smallest lot of its item takes it: far more than it holds.
        NeedChunk any = s.getChunks().stream().filter(c -> !c.getCandidates().isEmpty()).findFirst().orElseThrow();
        Lot small = any.getCandidates().stream().min(Comparator.comparingInt(Lot::getAvailable)).orElseThrow();
        s.getChunks().stream().filter(c -> c.getCandidates().contains(small)).forEach(c -> c.setLot(small));

        HardMediumSoftLongScore expected = manager.update(s);
        PlanEvaluator.Score score = new PlanEvaluator(input).evaluate(OptaPlannerRunner.toPlan(s));

        assertTrue(expected.hardScore() < 0, expected::toString);
        assertTrue(score.penalties().get("Lot over-allocated") > 0);
        assertSameScore(expected, score);
    }

    @ParameterizedTest(name = "seed {0}")
    @CsvSource({"1", "3"})
    void evaluatorEqualsConstraintProviderAcrossAnEmbargo(long seed) {
        SolverInput input = new InstanceGenerator(seed).generate(InstanceGenerator.Size.of("M"));
        // Without pruning, chunks of Syrian needs may take lots from Dubai (ARE -> SYR materials embargo).
        AllocationSolution s = AllocationProblemBuilder.build(input, new AllocationProblemBuilder.Options(96, false));
        List<NeedChunk> syrian = s.getChunks().stream()
                .filter(c -> c.getNeed().getSiteCountryCode().equals("SYR"))
                .filter(c -> c.getCandidates().stream().anyMatch(l -> l.getCountryCode().equals("ARE")))
                .toList();
        assertTrue(!syrian.isEmpty());
        for (NeedChunk c : syrian) {
            c.setLot(
                    c.getCandidates().stream().filter(l -> l.getCountryCode().equals("ARE")).findFirst().orElseThrow());
        }

        HardMediumSoftLongScore expected = manager.update(s);
        PlanEvaluator.Score score = new PlanEvaluator(input).evaluate(OptaPlannerRunner.toPlan(s));

        assertTrue(score.penalties().get("Material crosses access rule") > 0);
        assertTrue(expected.hardScore() < 0);
        assertSameScore(expected, score);
    }
}
