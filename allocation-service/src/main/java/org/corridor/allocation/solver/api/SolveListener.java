package org.corridor.allocation.solver.api;

/** What a {@link PlanSolve} reports, each on a solver thread. */
public interface SolveListener {

    /** A better plan than any before was found. */
    void bestSolution(SolvedPlan best);

    /** Solving ended (termination reached or stopped early) with this best plan. */
    void finished(SolvedPlan best);

    /** Solving failed with an exception (also when the solver was closed under it). */
    void failed(Throwable error);
}
