package org.corridor.allocation.service.queue;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.corridor.allocation.config.AllocationConfig;
import org.corridor.allocation.domain.PlanStatus;
import org.corridor.allocation.solver.api.AllocationPlanner;
import org.corridor.allocation.solver.api.PlanAnalysis;
import org.corridor.allocation.solver.api.PlanOutcome;
import org.corridor.allocation.solver.api.PlanSolve;
import org.corridor.allocation.solver.api.SolveListener;
import org.corridor.allocation.solver.api.SolvedPlan;
import org.corridor.allocation.solver.api.SolverInput;
import org.jboss.logging.Logger;

/**
 * Solves the plans this replica has claimed from the queue ({@link PlanWorker}), each with a solver of its own
 * ({@link AllocationPlanner#newSolve}) so that each request gets its own termination. Every write carries the claim's
 * {@link JobLease} and is refused once another replica owns the job (fencing):
 * <ul>
 * <li>every new best solution is extracted and persisted, so GET /plans/{id} shows it while solving;</li>
 * <li>when solving ends, the final best solution and its analysis are persisted: a feasible plan is SOLVED, an
 * infeasible one is FAILED (a plan that breaks a hard constraint is never SOLVED);</li>
 * <li>stopped early (a cancel request seen by {@link #heartbeat}, or {@link #requestStop} for a plan solved here):
 * SOLVED with {@code stoppedEarly} if the best plan so far is feasible, otherwise CANCELLED;</li>
 * <li>an exception while solving: FAILED with the reason;</li>
 * <li>a claim found lost at a heartbeat (or a write refused): the solver is stopped and its results are dropped; the
 * new owner's are the ones that count.</li>
 * </ul>
 */
@ApplicationScoped
public class PlanSolver {

    private static final Logger LOG = Logger.getLogger(PlanSolver.class);

    private final AllocationPlanner planner;
    private final PlanResults results;
    private final PlanJobs jobs;
    private final int searches;
    private final int parallelSearchMaxLots;
    private final Map<UUID, SolveRun> running = new ConcurrentHashMap<>();
    private volatile boolean shuttingDown;

    public PlanSolver(AllocationPlanner planner, PlanResults results, PlanJobs jobs, AllocationConfig config) {
        this.planner = planner;
        this.searches = config.solver().parallelSearches();
        this.parallelSearchMaxLots = config.solver().parallelSearchMaxLots();
        this.results = results;
        this.jobs = jobs;
    }

    /** Plans being solved here now. */
    public int activeCount() {
        return running.size();
    }

    public boolean isSolving(UUID planId) {
        return running.containsKey(planId);
    }

    /** Starts solving a claimed plan; {@code onEnd} runs once solving here has ended (however it ended). */
    public void start(JobLease lease, SolverInput input, Duration spentLimit, Duration unimprovedSpentLimit,
            Runnable onEnd) {
        UUID planId = lease.planId();
        PlanSolve solve;
        try {
            solve = planner.newSolve(planId, spentLimit, unimprovedSpentLimit, searches, parallelSearchMaxLots);
        } catch (RuntimeException e) {
            LOG.errorf(e, "plan %s: the solver cannot be created", planId);
            results.saveFinal(lease, PlanStatus.FAILED, null, null, false,
                    "the solver could not be started; the server log has the details");
            onEnd.run();
            return;
        }
        SolveRun run = new SolveRun(lease, solve, onEnd);
        running.put(planId, run);
        try {
            solve.start(input, new SolveListener() {
                @Override
                public void bestSolution(SolvedPlan best) {
                    progress(run, best);
                }

                @Override
                public void finished(SolvedPlan best) {
                    finish(run, best);
                }

                @Override
                public void failed(Throwable error) {
                    fail(run, error);
                }
            });
        } catch (RuntimeException e) {
            fail(run, e);
            return;
        }
        run.submitted = true;
        // a stop (DELETE on this replica, or a cancel seen by the keeper) or a loss that came while the job was
        // being handed over only set its flag (see terminate): apply it now. Both flags are volatile, so either
        // that caller saw submitted and terminated the job itself, or this sees its flag (or both: harmless).
        if (run.stopRequested || run.lost) {
            LOG.infof("plan %s: %s while the job was handed to the solver; stopping it now", planId,
                    run.lost ? "claim lost" : "stop requested");
            terminate(run);
        }
    }

    /** Asks the local solver of a plan to stop early; false when this replica is not solving it. */
    public boolean requestStop(UUID planId) {
        SolveRun run = running.get(planId);
        if (run == null) {
            return false;
        }
        stop(run);
        return true;
    }

    private static void stop(SolveRun run) {
        run.stopRequested = true;
        terminate(run);
    }

    /**
     * Asks the solver to terminate the plan's job, once the job has been handed to it; before that the caller's flag
     * ({@code stopRequested} or {@code lost}, set first) is applied by {@link #start}.
     */
    private static void terminate(SolveRun run) {
        if (run.submitted) {
            run.solve.terminateEarly();
        }
    }

    /**
     * The keeper's tick: renews the lease of every plan solved here and reads its cancel request. A cancel request
     * stops the solver (asked again at every tick until it has stopped); a lost claim stops it and drops its results.
     */
    public void heartbeat(Duration lease) {
        for (SolveRun run : List.copyOf(running.values())) {
            if (run.done.isDone() || shuttingDown) {
                continue;
            }
            PlanJobs.Renewal renewal;
            try {
                renewal = jobs.renew(run.lease, lease);
            } catch (RuntimeException e) {
                LOG.warnf("plan %s: cannot renew the lease (%s); retrying at the next tick", run.lease.planId(),
                        e.getMessage());
                continue;
            }
            switch (renewal) {
                case LOST -> {
                    synchronized (run) {
                        // the final plan may have been recorded (ending the job) since the check above
                        if (!run.done.isDone()) {
                            lose(run, "its claim is no longer current (another replica took the job over)");
                        }
                    }
                }
                case CANCEL_REQUESTED -> {
                    if (!run.stopRequested) {
                        LOG.infof("plan %s: cancel requested, stopping the solver", run.lease.planId());
                    }
                    stop(run);
                    endIfNeverStarted(run);
                }
                case RENEWED -> {
                }
            }
        }
    }

    /**
     * A solver stopped before it was running calls no listener: when two heartbeats in a row find it not solving and
     * nothing recorded, record the plan as stopped ourselves.
     */
    private void endIfNeverStarted(SolveRun run) {
        synchronized (run) {
            if (run.done.isDone()) {
                return;
            }
            // not yet handed to the solver (which then knows nothing of it): it has not been stopped yet
            if (!run.submitted || run.solve.isSolving()) {
                run.idleTicks = 0;
                return;
            }
            if (++run.idleTicks < 2) {
                return;
            }
            results.saveFinal(run.lease, PlanStatus.CANCELLED, null, null, true,
                    "stopped early before a solution was found");
            end(run);
        }
    }

    private void lose(SolveRun run, String why) {
        if (run.lost) {
            return;
        }
        LOG.warnf("plan %s: %s; stopping the local solver and dropping its results", run.lease.planId(), why);
        run.lost = true;
        terminate(run);
        try {
            jobs.markLost(run.lease);
        } catch (RuntimeException e) {
            LOG.debugf(e, "plan %s: cannot log the lost claim", run.lease.planId());
        }
    }

    /** Graceful shutdown: stop writing, give every job solved here back to the queue, stop the solvers. */
    public void shutdown() {
        shuttingDown = true;
        for (SolveRun run : List.copyOf(running.values())) {
            try {
                if (jobs.release(run.lease)) {
                    LOG.infof("plan %s: given back to the queue at shutdown", run.lease.planId());
                }
            } catch (RuntimeException e) {
                LOG.warnf("plan %s: cannot give the job back (%s); it is claimable once its lease expires",
                        run.lease.planId(), e.getMessage());
            }
            try {
                run.solve.close();
            } catch (RuntimeException e) {
                // the JVM is stopping: nothing more to do for this plan than log it
                LOG.debugf(e, "plan %s: closing its solver at shutdown failed", run.lease.planId());
            }
        }
    }

    private void progress(SolveRun run, SolvedPlan best) {
        synchronized (run) {
            if (run.done.isDone() || run.lost || shuttingDown) {
                return;
            }
            try {
                if (!results.saveProgress(run.lease, best.outcome())) {
                    lose(run, "a best solution was refused");
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "plan %s: cannot persist the best solution so far", run.lease.planId());
            }
        }
    }

    private void finish(SolveRun run, SolvedPlan solution) {
        UUID planId = run.lease.planId();
        synchronized (run) {
            if (run.done.isDone()) {
                return;
            }
            if (shuttingDown || run.lost) {
                end(run);
                return;
            }
            try {
                PlanOutcome outcome = solution.outcome();
                PlanAnalysis analysis = solution.analysis();
                PlanStatus status;
                String reason = null;
                if (outcome.feasible()) {
                    status = PlanStatus.SOLVED;
                } else if (run.stopRequested) {
                    status = PlanStatus.CANCELLED;
                    reason = "stopped early before a feasible plan was found (score " + outcome.score() + ")";
                } else {
                    status = PlanStatus.FAILED;
                    reason = "the best plan found breaks a hard constraint (score " + outcome.score() + ")";
                }
                if (!results.saveFinal(run.lease, status, outcome, analysis, run.stopRequested, reason)) {
                    LOG.warnf("plan %s: final plan of attempt %d dropped: the job is no longer ours", planId,
                            run.lease.attempt());
                } else {
                    LOG.infof("plan %s: %s (attempt %d, %s)", planId, status, run.lease.attempt(), outcome.score());
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "plan %s: cannot record the final solution", planId);
                saveFailure(run, "the final solution could not be recorded: " + e.getClass().getSimpleName());
            } finally {
                end(run);
            }
        }
    }

    private void fail(SolveRun run, Throwable error) {
        if (shuttingDown || run.lost) {
            // the solver was stopped under us (shutdown, or the job went to another replica): expected
            LOG.debugf(error, "plan %s: solver ended by %s", run.lease.planId(),
                    shuttingDown ? "the shutdown" : "the lost claim");
        } else {
            LOG.errorf(error, "plan %s: solving failed", run.lease.planId());
        }
        synchronized (run) {
            if (run.done.isDone()) {
                return;
            }
            try {
                if (!shuttingDown && !run.lost) {
                    saveFailure(run, "solving failed unexpectedly; the server log has the details");
                }
            } finally {
                end(run);
            }
        }
    }

    private void saveFailure(SolveRun run, String reason) {
        try {
            results.saveFinal(run.lease, PlanStatus.FAILED, null, null, run.stopRequested, reason);
        } catch (RuntimeException e) {
            LOG.errorf(e, "plan %s: cannot record the failure; the job is claimable again once its lease expires",
                    run.lease.planId());
        }
    }

    private void end(SolveRun run) {
        running.remove(run.lease.planId(), run);
        run.done.complete(null);
        // closing from a solver thread would interrupt it: close from elsewhere
        CompletableFuture.runAsync(() -> {
            run.solve.close();
            if (!shuttingDown) {
                run.onEnd.run();
            }
        });
    }
}
