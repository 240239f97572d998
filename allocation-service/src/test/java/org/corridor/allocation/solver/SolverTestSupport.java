package org.corridor.allocation.solver;

import java.time.Duration;
import org.corridor.allocation.solver.api.PlanOutcome;
import org.corridor.allocation.solver.api.SolverInput;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.optaplanner.core.impl.solver.DefaultSolverFactory;

/**
 * Solves a {@link SolverInput} end to end with the production configuration and a short termination, or puts a
 * hand-made plan under the production score director, for tests of single moves.
 */
final class SolverTestSupport {

    record Solved(AllocationSolution solution, PlanOutcome outcome) {
    }

    private SolverTestSupport() {
    }

    static Solved solve(SolverInput input) {
        return solve(input, Duration.ofSeconds(10), Duration.ofSeconds(1));
    }

    static Solved solve(SolverInput input, Duration spent, Duration unimproved) {
        AllocationSolution problem = AllocationProblemBuilder.build(input);
        Solver<AllocationSolution> solver = AllocationSolverConfig.solverFactory(spent, unimproved).buildSolver();
        AllocationSolution best = solver.solve(problem);
        return new Solved(best, OutcomeExtractor.extract(best, input));
    }

    /** The production constraints' score director, working on {@code plan}. */
    static InnerScoreDirector<AllocationSolution, HardMediumSoftLongScore> scoreDirector(AllocationSolution plan) {
        var factory = (DefaultSolverFactory<AllocationSolution>) AllocationSolverConfig
                .solverFactory(Duration.ofSeconds(1), Duration.ofSeconds(1));
        InnerScoreDirector<AllocationSolution, HardMediumSoftLongScore> director = factory
                .<HardMediumSoftLongScore>getScoreDirectorFactory().buildScoreDirector(false, false);
        director.setWorkingSolution(plan);
        return director;
    }
}
