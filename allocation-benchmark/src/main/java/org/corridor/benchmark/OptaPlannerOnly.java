package org.corridor.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.corridor.allocation.solver.AllocationProblemBuilder;
import org.corridor.allocation.solver.AllocationSolution;
import org.corridor.allocation.solver.AllocationSolverConfig;
import org.corridor.allocation.solver.api.SolverInput;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;
import org.optaplanner.core.impl.solver.DefaultSolver;

/**
 * OptaPlanner alone on one size of the benchmark, without the greedy baseline, the MIP or the report (so it runs
 * without OR-Tools and XChart on the class path), for before/after comparisons of the solver on the same minutes. Each
 * result is printed on one line with the machine's load average:
 * <ol>
 * <li>the JIT warm-up of {@link BenchmarkMain} (OptaPlanner on another M instance);</li>
 * <li>with {@code benchmark.fingerprintSteps} > 0, a solve with random seed {@code benchmark.fingerprintSeed} (7) and
 * that many local search steps: the SHA-256 of its plan (lines and team assignments; two versions of the solver that
 * search the same way print the same) and its score calculations per CPU-second of this thread (the same work for both
 * versions, so the load hardly matters);</li>
 * <li>with {@code benchmark.fixedCalculations} > 0, one solve per solver seed of {@code benchmark.seeds} (7 to 24),
 * each ending its local search after that many score calculations: the evaluated score and the solve's CPU time on this
 * thread (JIT compiler and garbage collector left out) of each, and the mean soft score with its spread (standard
 * deviation, standard error of the mean, worst and best). Equal work for configurations whose moves differ in how many
 * steps they take (a fixed number of steps is not: a configuration whose moves are often accepted without changing the
 * score takes more steps for the same calculations), and independent of the machine's load;</li>
 * <li>the benchmark's timed run ({@link OptaPlannerRunner}, budget {@code benchmark.budget.<size>}; 0 skips it): score
 * calculations per second of wall clock and per CPU-second, and the evaluated score; with {@code benchmark.timedSeeds}
 * (a list of first seeds), one timed run per first seed and per number of searches of {@code benchmark.searchesList}
 * (default {@code benchmark.searches}, else the service's default), in turn, and the mean soft score of each.</li>
 * </ol>
 * System properties: {@code benchmark.size} (M), {@code benchmark.seed} (42), {@code benchmark.warmupSeconds} (20),
 * {@code benchmark.budget.<size>} (as in {@link BenchmarkMain}), {@code benchmark.fingerprintSteps} (0),
 * {@code benchmark.fingerprintSeed} (7), {@code benchmark.fixedCalculations} (0), {@code benchmark.seeds} (7 to 24),
 * {@code benchmark.temperature} (the configuration's simulated annealing starting temperature, for the fingerprint and
 * the equal-work solves).
 */
public final class OptaPlannerOnly {

    /** Solver seeds 7 to 24: eighteen solves, enough to tell apart means about 0.6 % apart on M. */
    static final String DEFAULT_SEEDS = "7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24";

    private OptaPlannerOnly() {
    }

    public static void main(String[] args) {
        String name = System.getProperty("benchmark.size", "M");
        long seed = Long.getLong("benchmark.seed", 42);
        InstanceGenerator.Size size = InstanceGenerator.Size.of(name);
        SolverInput input = new InstanceGenerator(seed).generate(size);
        PlanEvaluator evaluator = new PlanEvaluator(input);
        log("load before: %s", loadAverage());
        long warmup = Long.getLong("benchmark.warmupSeconds", 20);
        if (warmup > 0) {
            SolverInput w = new InstanceGenerator(seed + 1000).generate(InstanceGenerator.Size.of("M"));
            OptaPlannerRunner.run("warm-up", w, new PlanEvaluator(w), Duration.ofSeconds(warmup));
        }
        int steps = Integer.getInteger("benchmark.fingerprintSteps", 0);
        if (steps > 0) {
            fixedStepRun(size, seed, input, evaluator, steps);
        }
        long calculations = Long.getLong("benchmark.fixedCalculations", 0);
        if (calculations > 0) {
            fixedCalculationRuns(size, seed, input, evaluator, calculations);
        }
        long budget = Long.getLong("benchmark.budget." + size.name(),
                size.name().equals("S") || size.name().equals("M") ? 10 : 60);
        if (budget > 0 && System.getProperty("benchmark.timedSeeds") != null) {
            timedSeedRuns(size, input, evaluator, Duration.ofSeconds(budget));
        } else if (budget > 0) {
            RunResult r = OptaPlannerRunner.run(size.name(), input, evaluator, Duration.ofSeconds(budget));
            log("%s: %d calc/s per search, %d calc per CPU-s (%d searches, %d calculations, solver CPU %d ms of %d ms),"
                    + " %s; searches' soft %s; warm-up %d s; load after: %s", size.name(), r.scoreCalcPerSecond,
                    r.scoreCalcPerCpuSecond, r.searches, r.scoreCalcCount, r.cpuMillis, r.millis, r.score,
                    r.searchSofts, warmup, loadAverage());
        }
    }

    /**
     * Timed runs from several first seeds ({@code benchmark.timedSeeds}), each with every number of searches of
     * {@code benchmark.searchesList} (default: the shipped one) in turn, so that the numbers compared meet the same
     * moments of the machine; then the mean soft score of each number of searches.
     */
    private static void timedSeedRuns(InstanceGenerator.Size size, SolverInput input, PlanEvaluator evaluator,
            Duration budget) {
        List<Integer> counts = new ArrayList<>();
        for (String c : System.getProperty("benchmark.searchesList", "" + OptaPlannerRunner.shippedSearches())
                .split(",")) {
            counts.add(Integer.parseInt(c.trim()));
        }
        java.util.Map<Integer, List<Long>> softs = new java.util.TreeMap<>();
        for (String s : System.getProperty("benchmark.timedSeeds").split(",")) {
            long solverSeed = Long.parseLong(s.trim());
            for (int n : counts) {
                RunResult r = OptaPlannerRunner.run(size.name(), input, evaluator, budget, n, solverSeed);
                softs.computeIfAbsent(n, k -> new ArrayList<>()).add(r.score.soft());
                log("%s timed %d s, first seed %d, %d searches: %s; searches' soft %s; %d calc/s per search, %d "
                        + "calculations; load: %s", size.name(), budget.toSeconds(), solverSeed, r.searches, r.score,
                        r.searchSofts, r.scoreCalcPerSecond, r.scoreCalcCount, loadAverage());
            }
        }
        softs.forEach((n, v) -> {
            SeedSpread spread = SeedSpread.of(v);
            log("%s timed %d s, %d searches: mean soft %d over %d first seeds (standard deviation %d, standard error %d,"
                    + " from %d to %d)", size.name(), budget.toSeconds(), n, spread.mean(), v.size(),
                    spread.deviation(), spread.standardError(), spread.worst(), spread.best());
        });
    }

    private static void fixedStepRun(InstanceGenerator.Size size, long seed, SolverInput input,
            PlanEvaluator evaluator, int steps) {
        long solverSeed = Long.getLong("benchmark.fingerprintSeed", 7);
        var threads = ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        SeededRun run = seededPlan(input, solverSeed, steps);
        long cpuMillis = (threads.getCurrentThreadCpuTime() - c0) / 1_000_000;
        log("%s seed %d, solver seed %d, %d steps: plan %s, %s; %d calculations in %d ms of CPU (%d per CPU-s);"
                + " load: %s", size.name(), seed, solverSeed, steps, fingerprint(run.plan()),
                evaluator.evaluate(run.plan()), run.calculations(), cpuMillis,
                cpuMillis == 0 ? 0 : run.calculations() * 1000 / cpuMillis, loadAverage());
    }

    private static void fixedCalculationRuns(InstanceGenerator.Size size, long seed, SolverInput input,
            PlanEvaluator evaluator, long calculations) {
        List<Long> softs = new ArrayList<>();
        for (String s : System.getProperty("benchmark.seeds", DEFAULT_SEEDS).split(",")) {
            long solverSeed = Long.parseLong(s.trim());
            SolverConfig config = seededConfig(solverSeed,
                    new TerminationConfig().withScoreCalculationCountLimit(calculations));
            Solver<AllocationSolution> solver = SolverFactory.<AllocationSolution>create(config).buildSolver();
            var threads = ManagementFactory.getThreadMXBean();
            long c0 = threads.getCurrentThreadCpuTime();
            AllocationSolution best = solver.solve(AllocationProblemBuilder.build(input));
            // the solve runs on this thread: its CPU time leaves out the JIT compiler and the garbage collector
            long cpuMillis = (threads.getCurrentThreadCpuTime() - c0) / 1_000_000;
            PlanEvaluator.Score score = evaluator.evaluate(OptaPlannerRunner.toPlan(best));
            softs.add(score.soft());
            log("%s seed %d, solver seed %d, %d score calculations: %s; solve %d ms of CPU; load: %s", size.name(),
                    seed, solverSeed, calculations, score, cpuMillis, loadAverage());
        }
        SeedSpread spread = SeedSpread.of(softs);
        log("%s seed %d, %d score calculations: mean soft %d over %d solver seeds (standard deviation %d, standard "
                + "error of the mean %d, from %d to %d)", size.name(), seed, calculations, spread.mean(), softs.size(),
                spread.deviation(), spread.standardError(), spread.worst(), spread.best());
    }

    /**
     * Mean and spread of the soft scores of solves that differ only in their solver seed. On M one seed's plan differs
     * from another's by about 1 % (one standard deviation): two configurations compared on six seeds each are only told
     * apart when their means differ by more than about twice the standard errors combined.
     */
    record SeedSpread(long mean, long deviation, long standardError, long worst, long best) {

        static SeedSpread of(List<Long> softs) {
            int n = softs.size();
            double mean = softs.stream().mapToLong(Long::longValue).average().orElse(0);
            double squares = softs.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
            double deviation = n < 2 ? 0 : Math.sqrt(squares / (n - 1));
            return new SeedSpread(Math.round(mean), Math.round(deviation), Math.round(deviation / Math.sqrt(n)),
                    softs.stream().mapToLong(Long::longValue).min().orElse(0),
                    softs.stream().mapToLong(Long::longValue).max().orElse(0));
        }
    }

    /**
     * The production configuration with a random seed, its local search ended by {@code localSearchEnd}, annealing from
     * {@code benchmark.temperature} when that is set (as {@code 0hard/2medium/20000soft}).
     */
    static SolverConfig seededConfig(long solverSeed, TerminationConfig localSearchEnd) {
        OptaPlannerRunner.productionLogLevel();
        SolverConfig config = AllocationSolverConfig.solverConfig().withTerminationConfig(new TerminationConfig());
        config.setRandomSeed(solverSeed);
        LocalSearchPhaseConfig localSearch = (LocalSearchPhaseConfig) config.getPhaseConfigList()
                .get(config.getPhaseConfigList().size() - 1);
        localSearch.setTerminationConfig(localSearchEnd);
        String temperature = System.getProperty("benchmark.temperature");
        if (temperature != null) {
            localSearch.getAcceptorConfig().setSimulatedAnnealingStartingTemperature(temperature);
        }
        return config;
    }

    /** The plan of a seeded fixed-step solve and the score calculations it took. */
    record SeededRun(Plan plan, long calculations) {
    }

    /** The production configuration with a random seed, local search ended after {@code steps} steps. */
    static SeededRun seededPlan(SolverInput input, long solverSeed, int steps) {
        SolverConfig config = seededConfig(solverSeed, new TerminationConfig().withStepCountLimit(steps));
        Solver<AllocationSolution> solver = SolverFactory.<AllocationSolution>create(config).buildSolver();
        AllocationSolution best = solver.solve(AllocationProblemBuilder.build(input));
        long calculations = ((DefaultSolver<AllocationSolution>) solver).getSolverScope().getScoreCalculationCount();
        return new SeededRun(OptaPlannerRunner.toPlan(best), calculations);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return String.valueOf(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static void log(String format, Object... args) {
        System.out.printf("[optaplanner-only] " + format + "%n", args);
        System.out.flush();
    }

    static String fingerprint(Plan plan) {
        StringBuilder b = new StringBuilder();
        plan.lines().forEach(l -> b.append(l.needId()).append(' ').append(l.lotId()).append(' ')
                .append(l.quantity()).append('\n'));
        plan.teams().forEach(t -> b.append(t.teamNeedId()).append(' ').append(t.teamId()).append('\n'));
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
