package org.corridor.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.corridor.allocation.solver.AllocationProblemBuilder;
import org.corridor.allocation.solver.AllocationSolution;
import org.corridor.allocation.solver.AllocationSolverConfig;
import org.corridor.allocation.solver.NeedChunk;
import org.corridor.allocation.solver.Portfolio;
import org.corridor.allocation.solver.TeamSlot;
import org.corridor.allocation.solver.api.AllocationPlanner;
import org.corridor.allocation.solver.api.SolverInput;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/**
 * The solver as configured in production: {@code solverConfig.xml}, the default weights and the service's default
 * number of searches per plan ({@link Portfolio}), with a fixed time budget instead of the production termination.
 * Records every new best score with its time, the score calculation speed (per search) and the peak heap.
 */
public final class OptaPlannerRunner {

    private OptaPlannerRunner() {
    }

    /** Searches per plan as the service ships them ({@code corridor.solver.parallel-searches}). */
    static int shippedSearches() {
        return Integer.getInteger("benchmark.searches", Integer.parseInt(AllocationPlanner.DEFAULT_SEARCHES));
    }

    public static RunResult run(String size, SolverInput input, PlanEvaluator evaluator, Duration budget) {
        return run(size, input, evaluator, budget, shippedSearches(), null);
    }

    /**
     * Solves as the service does: {@code searches} independent searches at once (fewer on a machine with fewer
     * processors, one alone above the service's lot limit), the best plan of all of them kept.
     *
     * @param seed the random seed of the first search (the others take the next ones); null = the configuration's
     */
    public static RunResult run(String size, SolverInput input, PlanEvaluator evaluator, Duration budget,
            int searches, Long seed) {
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
        if (seed != null) {
            config.setRandomSeed(seed);
        }
        int n = Portfolio.searchesFor(searches,
                Integer.parseInt(AllocationPlanner.DEFAULT_PARALLEL_SEARCH_MAX_LOTS), input.lots().size());
        Portfolio portfolio = new Portfolio(config, n);
        List<RunResult.Point> curve = new ArrayList<>();
        long s0 = System.nanoTime();
        // the first search solves the problem built above (timed as the build); the others build their own copy
        AtomicReference<AllocationSolution> built = new AtomicReference<>(problem);
        AllocationSolution best = portfolio.solve(() -> {
            AllocationSolution mine = built.getAndSet(null);
            return mine != null ? mine : AllocationProblemBuilder.build(input);
        }, b -> {
            HardMediumSoftLongScore s = b.getScore();
            if (s.isSolutionInitialized()) {
                curve.add(new RunResult.Point((System.nanoTime() - s0) / 1_000_000, s.hardScore(), s.mediumScore(),
                        s.softScore()));
            }
        });
        r.millis = (System.nanoTime() - s0) / 1_000_000;
        List<Portfolio.Search> done = portfolio.searchResults();
        r.searches = done.size();
        r.cpuMillis = done.stream().mapToLong(Portfolio.Search::cpuMillis).sum();
        r.scoreCalcCount = done.stream().mapToLong(Portfolio.Search::scoreCalculations).sum();
        // per search, as the speed of the score calculation (the goal's measure); the searches run side by side
        r.scoreCalcPerSecond = Math.round(done.stream().mapToLong(Portfolio.Search::calculationsPerSecond)
                .average().orElse(0));
        r.scoreCalcPerCpuSecond = r.cpuMillis == 0 ? null : r.scoreCalcCount * 1000 / r.cpuMillis;
        r.peakHeapBytes = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        r.searchSofts = done.stream().map(d -> d.score().softScore()).toList();

        r.plan = toPlan(best);
        r.score = evaluator.evaluate(r.plan);
        r.curve.addAll(curve);
        HardMediumSoftLongScore fin = best.getScore();
        r.status = (fin.isSolutionInitialized() ? "solver score " + fin : "not initialised: " + fin)
                + (r.searches > 1
                        ? "; " + r.searches + " searches, soft " + r.searchSofts.stream()
                                .map(v -> String.format(Locale.ROOT, "%,d", v)).toList()
                        : "");
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
