package org.corridor.allocation.solver.api;

import java.util.UUID;
import org.corridor.allocation.solver.AllocationProblemBuilder;
import org.corridor.allocation.solver.AllocationSolution;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverManager;
import org.optaplanner.core.api.solver.SolverStatus;

/**
 * The solving of one plan, made by {@link AllocationPlanner#newSolve}: started once, asked to stop early, and closed
 * when it is over. Solving is asynchronous; the {@link SolveListener} hears of it on solver threads.
 */
public final class PlanSolve {

    private final UUID planId;
    private final SolverManager<AllocationSolution, UUID> manager;
    private final SolutionManager<AllocationSolution, HardMediumSoftLongScore> solutionManager;

    PlanSolve(UUID planId, SolverManager<AllocationSolution, UUID> manager,
            SolutionManager<AllocationSolution, HardMediumSoftLongScore> solutionManager) {
        this.planId = planId;
        this.manager = manager;
        this.solutionManager = solutionManager;
    }

    /**
     * Builds the planning problem from {@code input} (on a solver thread) and solves it: each new best solution goes to
     * {@link SolveListener#bestSolution}, the last one to {@link SolveListener#finished} once the termination is
     * reached or {@link #terminateEarly} was called, an exception to {@link SolveListener#failed}. Returns once the job
     * is registered; may throw if it cannot be.
     */
    public void start(SolverInput input, SolveListener listener) {
        manager.solveAndListen(planId,
                id -> AllocationProblemBuilder.build(input),
                best -> listener.bestSolution(new SolvedPlan(best, input, solutionManager)),
                fin -> listener.finished(new SolvedPlan(fin, input, solutionManager)),
                (id, error) -> listener.failed(error));
    }

    /** Asks the solver to stop and hand its best solution so far to {@link SolveListener#finished}. */
    public void terminateEarly() {
        manager.terminateEarly(planId);
    }

    /** True while the plan is solving or waiting to be solved; false once the solver has stopped (or before). */
    public boolean isSolving() {
        return manager.getSolverStatus(planId) != SolverStatus.NOT_SOLVING;
    }

    /** Stops the solver if it still runs and frees its threads; never call it from a listener's thread. */
    public void close() {
        manager.close();
    }
}
