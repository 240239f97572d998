package org.corridor.allocation.solver.api;

import org.corridor.allocation.solver.AllocationSolution;
import org.corridor.allocation.solver.OutcomeExtractor;
import org.corridor.allocation.solver.PlanAnalyzer;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;

/**
 * A plan the solver found. Its outcome and its analysis are computed when asked for (each call computes them again), so
 * a listener that drops the plan pays nothing for it.
 */
public final class SolvedPlan {

    private final AllocationSolution solution;
    private final SolverInput input;
    private final SolutionManager<AllocationSolution, HardMediumSoftLongScore> solutionManager;

    SolvedPlan(AllocationSolution solution, SolverInput input,
            SolutionManager<AllocationSolution, HardMediumSoftLongScore> solutionManager) {
        this.solution = solution;
        this.input = input;
        this.solutionManager = solutionManager;
    }

    /** Lines, team assignments, unmet needs with reasons, and the score. */
    public PlanOutcome outcome() {
        return OutcomeExtractor.extract(solution, input);
    }

    /** The score per constraint and the unmet reasons (recomputes the score). */
    public PlanAnalysis analysis() {
        return PlanAnalyzer.analyze(solution, input, solutionManager);
    }
}
