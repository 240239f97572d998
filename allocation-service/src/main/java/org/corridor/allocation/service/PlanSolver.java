package org.corridor.allocation.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.corridor.allocation.domain.PlanStatus;
import org.corridor.allocation.solver.AllocationProblemBuilder;
import org.corridor.allocation.solver.AllocationSolution;
import org.corridor.allocation.solver.OutcomeExtractor;
import org.corridor.allocation.solver.PlanAnalyzer;
import org.corridor.allocation.solver.api.PlanAnalysis;
import org.corridor.allocation.solver.api.PlanOutcome;
import org.corridor.allocation.solver.api.SolverInput;
import org.jboss.logging.Logger;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverManager;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.SolverManagerConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/**
 * Runs plans through OptaPlanner's {@link SolverManager}, one manager per plan so that each request
 * gets its own termination (the solver configuration Quarkus built, with the termination replaced).
 * <ul>
 * <li>every new best solution is extracted and persisted, so GET /plans/{id} shows it while solving;</li>
 * <li>when solving ends, the final best solution and its analysis are persisted: a feasible plan is
 * SOLVED, an infeasible one is FAILED (a plan that breaks a hard constraint is never SOLVED);</li>
 * <li>stopped early (DELETE /plans/{id}/solving): SOLVED with {@code stoppedEarly} if the best plan so
 * far is feasible, otherwise CANCELLED;</li>
 * <li>an exception while solving: FAILED with the reason;</li>
 * <li>at startup, every plan still SOLVING (its solver died with the previous process) becomes FAILED
 * "interrupted by a restart".</li>
 * </ul>
 */
@ApplicationScoped
public class PlanSolver {

    private static final Logger LOG = Logger.getLogger(PlanSolver.class);

    private final SolverConfig solverConfig;
    private final SolutionManager<AllocationSolution, HardMediumSoftLongScore> solutionManager;
    private final PlanStore store;
    private final Map<UUID, Run> running = new ConcurrentHashMap<>();
    private volatile boolean shuttingDown;

    public PlanSolver(SolverConfig solverConfig,
            SolutionManager<AllocationSolution, HardMediumSoftLongScore> solutionManager, PlanStore store) {
        this.solverConfig = solverConfig;
        this.solutionManager = solutionManager;
        this.store = store;
    }

    private static final class Run {
        final SolverInput input;
        final SolverManager<AllocationSolution, UUID> manager;
        final CompletableFuture<Void> done = new CompletableFuture<>();
        volatile boolean stopRequested;

        Run(SolverInput input, SolverManager<AllocationSolution, UUID> manager) {
            this.input = input;
            this.manager = manager;
        }
    }

    void onStart(@Observes StartupEvent event) {
        int n = failInterruptedPlans();
        if (n > 0) {
            LOG.warnf("%d plan(s) were still SOLVING at startup and are now FAILED (%s)", n, PlanStore.INTERRUPTED);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        // plans still solving stay SOLVING in the database; the next startup marks them FAILED
        shuttingDown = true;
        running.values().forEach(r -> r.manager.close());
    }

    /** The startup rule: plans left SOLVING by a previous process become FAILED. Plans solving here are kept. */
    public int failInterruptedPlans() {
        return store.failInterrupted(Set.copyOf(running.keySet()));
    }

    public boolean isSolving(UUID planId) {
        return running.containsKey(planId);
    }

    public void start(UUID planId, SolverInput input, Duration spentLimit, Duration unimprovedSpentLimit) {
        SolverConfig config = solverConfig.copyConfig();
        config.setClassLoader(solverConfig.getClassLoader());
        if (solverConfig.getGizmoMemberAccessorMap() != null) {
            config.setGizmoMemberAccessorMap(solverConfig.getGizmoMemberAccessorMap());
        }
        if (solverConfig.getGizmoSolutionClonerMap() != null) {
            config.setGizmoSolutionClonerMap(solverConfig.getGizmoSolutionClonerMap());
        }
        config.setTerminationConfig(new TerminationConfig().withSpentLimit(spentLimit)
                .withUnimprovedSpentLimit(unimprovedSpentLimit));
        SolverManager<AllocationSolution, UUID> manager;
        try {
            manager = SolverManager.create(config, new SolverManagerConfig().withParallelSolverCount("1"));
        } catch (RuntimeException e) {
            LOG.errorf(e, "plan %s: the solver cannot be created", planId);
            store.saveFinal(planId, PlanStatus.FAILED, null, null, false,
                    "the solver could not be started; the server log has the details");
            return;
        }
        Run run = new Run(input, manager);
        running.put(planId, run);
        try {
            manager.solveAndListen(planId,
                    id -> AllocationProblemBuilder.build(input),
                    best -> progress(planId, run, best),
                    fin -> finish(planId, run, fin),
                    (id, error) -> fail(planId, run, error));
        } catch (RuntimeException e) {
            fail(planId, run, e);
        }
    }

    /**
     * Asks the solver to stop and waits (up to {@code wait}) until the final state is persisted.
     * Returns false when this instance is not solving the plan.
     */
    public boolean stop(UUID planId, Duration wait) {
        Run run = running.get(planId);
        if (run == null) {
            return false;
        }
        run.stopRequested = true;
        run.manager.terminateEarly(planId);
        try {
            run.done.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warnf("plan %s: solver did not stop within %s", planId, wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the failure is recorded on the plan by fail()
        }
        return true;
    }

    private void progress(UUID planId, Run run, AllocationSolution best) {
        synchronized (run) {
            if (run.done.isDone()) {
                return;
            }
            try {
                store.saveProgress(planId, OutcomeExtractor.extract(best, run.input));
            } catch (RuntimeException e) {
                LOG.warnf(e, "plan %s: cannot persist the best solution so far", planId);
            }
        }
    }

    private void finish(UUID planId, Run run, AllocationSolution solution) {
        synchronized (run) {
            if (shuttingDown) {
                end(planId, run);
                return;
            }
            try {
                PlanOutcome outcome = OutcomeExtractor.extract(solution, run.input);
                PlanAnalysis analysis = PlanAnalyzer.analyze(solution, run.input, solutionManager);
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
                store.saveFinal(planId, status, outcome, analysis, run.stopRequested, reason);
            } catch (RuntimeException e) {
                LOG.errorf(e, "plan %s: cannot record the final solution", planId);
                store.saveFinal(planId, PlanStatus.FAILED, null, null, run.stopRequested,
                        "the final solution could not be recorded: " + e.getClass().getSimpleName());
            } finally {
                end(planId, run);
            }
        }
    }

    private void fail(UUID planId, Run run, Throwable error) {
        LOG.errorf(error, "plan %s: solving failed", planId);
        synchronized (run) {
            if (shuttingDown) {
                end(planId, run);
                return;
            }
            try {
                store.saveFinal(planId, PlanStatus.FAILED, null, null, run.stopRequested,
                        "solving failed unexpectedly; the server log has the details");
            } finally {
                end(planId, run);
            }
        }
    }

    private void end(UUID planId, Run run) {
        running.remove(planId, run);
        run.done.complete(null);
        // closing from a solver thread would interrupt it: close from elsewhere
        CompletableFuture.runAsync(run.manager::close);
    }
}
