package org.corridor.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corridor.allocation.solver.AllocationProblemBuilder;
import org.corridor.allocation.solver.AllocationSolution;
import org.corridor.allocation.solver.AllocationSolverConfig;
import org.corridor.allocation.solver.NeedChunk;
import org.corridor.allocation.solver.TeamSlot;
import org.corridor.allocation.solver.api.SolverInput;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;
import org.optaplanner.core.impl.solver.DefaultSolver;

/**
 * The solver as configured in production: {@code solverConfig.xml} and the default weights, with a fixed time budget
 * instead of the production termination. Records every new best score with its time (best solution listener), the score
 * calculation speed and the peak heap.
 */
public final class OptaPlannerRunner {

    private OptaPlannerRunner() {
    }

    public static RunResult run(String size, SolverInput input, PlanEvaluator evaluator, Duration budget) {
        productionLogLevel();
        RunResult r = new RunResult();
        r.size = size;
        r.planner = "OptaPlanner";
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);

        long t0 = System.nanoTime();
        AllocationSolution problem = AllocationProblemBuilder.build(input);
        r.buildMillis = (System.nanoTime() - t0) / 1_000_000;
        r.entities = problem.getChunks().size() + problem.getSlots().size();
        SolverConfig config = AllocationSolverConfig.solverConfig()
                .withTerminationConfig(new TerminationConfig().withSpentLimit(budget));
        Solver<AllocationSolution> solver = SolverFactory.<AllocationSolution>create(config).buildSolver();
        List<RunResult.Point> curve = new ArrayList<>();
        solver.addEventListener(e -> {
            HardMediumSoftLongScore s = (HardMediumSoftLongScore) e.getNewBestScore();
            if (s.isSolutionInitialized()) {
                curve.add(new RunResult.Point(e.getTimeMillisSpent(), s.hardScore(), s.mediumScore(), s.softScore()));
            }
        });
        var threads = ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long s0 = System.nanoTime();
        AllocationSolution best = solver.solve(problem);
        r.millis = (System.nanoTime() - s0) / 1_000_000;
        r.cpuMillis = (threads.getCurrentThreadCpuTime() - c0) / 1_000_000;
        var scope = ((DefaultSolver<AllocationSolution>) solver).getSolverScope();
        r.scoreCalcPerSecond = scope.getScoreCalculationSpeed();
        r.scoreCalcCount = scope.getScoreCalculationCount();
        r.scoreCalcPerCpuSecond = r.cpuMillis == 0 ? null : r.scoreCalcCount * 1000 / r.cpuMillis;
        r.peakHeapBytes = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();

        r.plan = toPlan(best);
        r.score = evaluator.evaluate(r.plan);
        r.curve.addAll(curve);
        HardMediumSoftLongScore fin = best.getScore();
        r.status = fin.isSolutionInitialized() ? "solver score " + fin : "not initialised: " + fin;
        for (RunResult.Point p : curve) {
            if (p.hard() == 0 && r.firstFeasibleMillis == null) {
                r.firstFeasibleMillis = p.millis();
            }
        }
        return r;
    }

    /**
     * OptaPlanner logs at INFO, as in the service (Quarkus' default category level). Without a logging configuration,
     * JBoss LogManager (the SLF4J backend on this classpath) enables TRACE, and OptaPlanner then formats a trace
     * message for every move it evaluates: 17 % of the solver thread's time on M, measured with Java Flight Recorder,
     * which the service never spends.
     */
    static void productionLogLevel() {
        org.jboss.logmanager.Logger.getLogger("org.optaplanner").setLevel(java.util.logging.Level.INFO);
    }

    /** The plan lines of a solution: chunks summed per (need, lot, mode); slots as (team need, team). */
    public static Plan toPlan(AllocationSolution s) {
        record Key(UUID need, UUID lot, org.corridor.allocation.solver.api.TransportMode mode) {
        }
        Map<Key, Integer> q = new LinkedHashMap<>();
        for (NeedChunk c : s.getChunks()) {
            if (c.getLot() != null && c.getQuantity() > 0) {
                q.merge(new Key(c.getNeed().getId(), c.getLot().getId(), c.getSupply().getRoute().getMode()),
                        c.getQuantity(), Integer::sum);
            }
        }
        List<Plan.Line> lines = new ArrayList<>();
        q.forEach((k, v) -> lines.add(new Plan.Line(k.need(), k.lot(), v, k.mode())));
        List<Plan.TeamAssignment> teams = new ArrayList<>();
        for (TeamSlot slot : s.getSlots()) {
            if (slot.getOption() != null) {
                teams.add(new Plan.TeamAssignment(slot.getTeamNeed().getId(), slot.getTeam().getId()));
            }
        }
        return new Plan(lines, teams);
    }
}
