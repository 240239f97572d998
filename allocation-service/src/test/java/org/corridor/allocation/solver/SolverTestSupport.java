package org.corridor.allocation.solver;

import java.time.Duration;
import org.corridor.allocation.solver.api.PlanOutcome;
import org.corridor.allocation.solver.api.SolverInput;
import org.optaplanner.core.api.solver.Solver;

/** Solves a {@link SolverInput} end to end with the production configuration and a short termination. */
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
}
