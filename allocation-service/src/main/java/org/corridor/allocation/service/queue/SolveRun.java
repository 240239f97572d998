package org.corridor.allocation.service.queue;

import java.util.concurrent.CompletableFuture;
import org.corridor.allocation.solver.api.PlanSolve;

/** One plan being solved on this replica: its claim, its solver, and how far it has come. */
final class SolveRun {

    final JobLease lease;
    final PlanSolve solve;
    final Runnable onEnd;
    final CompletableFuture<Void> done = new CompletableFuture<>();
    volatile boolean stopRequested;
    /** The claim is no longer ours: write nothing more. */
    volatile boolean lost;
    /**
     * The job has been handed to the solver ({@link PlanSolve#start} returned). A stop or loss seen before this is set
     * only sets its flag, and {@link PlanSolver#start} applies it once the job is handed over: one place decides
     * whether a solve that was never started is recorded as stopped.
     */
    volatile boolean submitted;
    /** Consecutive heartbeats that found the stopped solver not running and no listener called. */
    int idleTicks;

    SolveRun(JobLease lease, PlanSolve solve, Runnable onEnd) {
        this.lease = lease;
        this.solve = solve;
        this.onEnd = onEnd;
    }
}
