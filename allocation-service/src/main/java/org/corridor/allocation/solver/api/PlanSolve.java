package org.corridor.allocation.solver.api;

import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.corridor.allocation.solver.AllocationProblemBuilder;
import org.corridor.allocation.solver.AllocationSolution;
import org.corridor.allocation.solver.Portfolio;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.config.solver.SolverConfig;

/**
 * The solving of one plan, made by {@link AllocationPlanner#newSolve}: started once, asked to stop early, and closed
 * when it is over. The plan is solved by one or more independent searches at once (a {@link Portfolio}); the
 * {@link SolveListener} hears of the best plan of all of them, on a thread of its own, so that a slow listener never
 * holds a search up: when plans come faster than it takes them, it gets the latest and the ones in between are skipped.
 * {@link SolveListener#finished} or {@link SolveListener#failed} comes last, once every search has ended.
 */
public final class PlanSolve {

    private final UUID planId;
    private final SolverConfig config;
    private final int configuredSearches;
    private final int maxLotsForParallel;
    private final SolutionManager<AllocationSolution, HardMediumSoftLongScore> solutionManager;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicReference<AllocationSolution> pending = new AtomicReference<>();
    private final ExecutorService listenerThread;
    private volatile Portfolio portfolio;
    private volatile SolverInput input;
    private volatile SolveListener listener;
    private volatile boolean stopRequested;
    private volatile boolean solving;

    PlanSolve(UUID planId, SolverConfig config, int searches, int maxLotsForParallel,
            SolutionManager<AllocationSolution, HardMediumSoftLongScore> solutionManager) {
        this.planId = planId;
        this.config = config;
        this.configuredSearches = searches;
        this.maxLotsForParallel = maxLotsForParallel;
        this.solutionManager = solutionManager;
        this.listenerThread = Executors
                .newSingleThreadExecutor(r -> daemon(r, "corridor-plan-" + planId + "-listener"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Solves the plan of {@code input}: each search builds its planning problem on its own thread and solves it; each
     * new best plan of all searches goes to {@link SolveListener#bestSolution}, the best at the end to
     * {@link SolveListener#finished} once every search has reached its termination or {@link #terminateEarly} was
     * called, an exception to {@link SolveListener#failed}. Returns at once; throws if called twice.
     */
    public void start(SolverInput input, SolveListener listener) {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("plan " + planId + " is already being solved");
        }
        this.input = input;
        this.listener = listener;
        int searches = Portfolio.searchesFor(configuredSearches, maxLotsForParallel, input.lots().size());
        Portfolio p = new Portfolio(config, searches);
        portfolio = p;
        if (stopRequested) {
            p.terminateEarly();
        }
        solving = true;
        daemon(() -> run(p, input, listener), "corridor-plan-" + planId).start();
    }

    private void run(Portfolio p, SolverInput input, SolveListener listener) {
        Runnable last;
        try {
            AllocationSolution best = p.solve(() -> AllocationProblemBuilder.build(input), this::newBest);
            // stopped before any search began: nothing to report, as a solver stopped before it ran
            last = best == null ? () -> {
            } : () -> listener.finished(new SolvedPlan(best, input, solutionManager));
        } catch (RuntimeException | Error e) {
            last = () -> listener.failed(e);
        }
        Runnable end = last;
        Runnable finalCall = () -> {
            try {
                end.run();
            } finally {
                solving = false;
                listenerThread.shutdown();
            }
        };
        try {
            // after every best plan handed over before it
            listenerThread.execute(finalCall);
        } catch (RejectedExecutionException closed) {
            finalCall.run();
        }
    }

    private void newBest(AllocationSolution best) {
        // runs under the portfolio's lock: hand over and return
        if (pending.getAndSet(best) != null) {
            return; // a hand-over is waiting and will take this newer plan
        }
        try {
            listenerThread.execute(this::deliver);
        } catch (RejectedExecutionException closed) {
            pending.set(null); // closed: nobody listens any more
        }
    }

    private void deliver() {
        AllocationSolution best = pending.getAndSet(null);
        if (best != null) {
            listener.bestSolution(new SolvedPlan(best, input, solutionManager));
        }
    }

    /** Asks every search to stop and the best plan so far to go to {@link SolveListener#finished}. */
    public void terminateEarly() {
        stopRequested = true;
        Portfolio p = portfolio;
        if (p != null) {
            p.terminateEarly();
        }
    }

    /** True from {@link #start} until the last call to the listener has returned. */
    public boolean isSolving() {
        return solving;
    }

    /**
     * Stops the searches if they still run. Plans already handed to the listener's thread still reach it, later ones do
     * not; the end ({@link SolveListener#finished} or {@link SolveListener#failed}) is still reported, on the solving
     * thread if the listener's thread has stopped. May be called from any thread, a listener's included.
     */
    public void close() {
        terminateEarly();
        listenerThread.shutdown();
    }
}
