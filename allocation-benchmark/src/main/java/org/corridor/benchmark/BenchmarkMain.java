package org.corridor.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.corridor.allocation.solver.api.SolverInput;

/**
 * Runs the benchmark: for each size, the greedy baseline, OptaPlanner (production configuration, fixed budget) and the
 * MIP (S, M, L; 10-minute limit by default), all judged by the {@link PlanEvaluator}; writes
 * {@code allocation-benchmark.md}, {@code .csv} and PNG plots.
 * <p>
 * System properties: {@code benchmark.sizes} (S,M,L,XL), {@code benchmark.seed} (42), {@code benchmark.out}
 * (docs/benchmarks), {@code benchmark.mipLimitSeconds} (600), {@code benchmark.mipSolver} (SCIP),
 * {@code benchmark.mipSizes} (S,M,L), {@code benchmark.budget.<size>} (OptaPlanner seconds: S 10, M 10, L 60, XL 60),
 * {@code benchmark.repeatSeeds} (first random seeds of the repeated M runs, 7,9,11,13,15,17; empty for none).
 */
public final class BenchmarkMain {

    /** First seeds of the repeated M runs ({@code benchmark.repeatSeeds}; empty: none). */
    static final String REPEAT_SEEDS = "7,9,11,13,15,17";

    public static void main(String[] args) throws IOException {
        List<String> sizes = List.of(System.getProperty("benchmark.sizes", "S,M,L,XL").split(","));
        long seed = Long.getLong("benchmark.seed", 42);
        Path out = Path.of(System.getProperty("benchmark.out", "docs/benchmarks"));
        long mipLimit = Long.getLong("benchmark.mipLimitSeconds", 600);
        String mipSolver = System.getProperty("benchmark.mipSolver", "SCIP");
        List<String> mipSizes = List.of(System.getProperty("benchmark.mipSizes", "S,M,L").split(","));
        Files.createDirectories(out);

        Report report = new Report(seed, mipLimit, mipSolver);
        report.loadBefore = Report.loadAverage();
        Instant started = Instant.now();
        // JIT warm-up, as in a long-running service (and OptaPlanner's own benchmarker): solve another
        // M instance (other seed) for benchmark.warmupSeconds; not recorded.
        long warmup = Long.getLong("benchmark.warmupSeconds", 20);
        if (warmup > 0) {
            SolverInput w = new InstanceGenerator(seed + 1000).generate(InstanceGenerator.Size.of("M"));
            OptaPlannerRunner.run("warm-up", w, new PlanEvaluator(w), Duration.ofSeconds(warmup));
            log("warm-up: %d s of OptaPlanner on an M instance with seed %d (not recorded)", warmup, seed + 1000);
        }
        report.warmupSeconds = warmup;
        for (String name : sizes) {
            InstanceGenerator.Size size = InstanceGenerator.Size.of(name);
            SolverInput input = new InstanceGenerator(seed).generate(size);
            PlanEvaluator ev = new PlanEvaluator(input);
            Report.SizeResult sr = new Report.SizeResult(size, input);
            log("%s: %d needs, %d lots, %d team needs, %d teams", size.name(), input.needs().size(),
                    input.lots().size(), input.teamNeeds().size(), input.teams().size());

            long g0 = System.nanoTime();
            Plan greedyPlan = GreedyPlanner.plan(ev);
            RunResult greedy = new RunResult();
            greedy.size = size.name();
            greedy.planner = "Greedy";
            greedy.millis = (System.nanoTime() - g0) / 1_000_000;
            greedy.score = ev.evaluate(greedyPlan);
            greedy.firstFeasibleMillis = greedy.score.feasible() ? greedy.millis : null;
            greedy.curve.add(new RunResult.Point(greedy.millis, greedy.score.hard(), greedy.score.medium(),
                    greedy.score.soft()));
            sr.runs.add(greedy);
            log("  greedy %s in %d ms", greedy.score, greedy.millis);

            long budget = Long.getLong("benchmark.budget." + size.name(),
                    size.name().equals("S") || size.name().equals("M") ? 10 : 60);
            RunResult opta = OptaPlannerRunner.run(size.name(), input, ev, Duration.ofSeconds(budget));
            sr.runs.add(opta);
            log("  optaplanner %s (%s) in %d ms, first feasible %s ms, %d calc/s, peak heap %d MB", opta.score,
                    opta.status, opta.millis, opta.firstFeasibleMillis, opta.scoreCalcPerSecond,
                    opta.peakHeapBytes / 1_000_000);

            if (size.name().equals("M")) {
                // the timed run is one trajectory (the configuration's seed): the same budget from other first seeds
                // shows where a run of this solver typically ends
                for (String first : System.getProperty("benchmark.repeatSeeds", REPEAT_SEEDS).split(",")) {
                    if (first.isBlank()) {
                        continue;
                    }
                    RunResult again = OptaPlannerRunner.run(size.name(), input, ev, Duration.ofSeconds(budget),
                            OptaPlannerRunner.shippedSearches(), Long.parseLong(first.trim()));
                    sr.repeats.add(again.score.soft());
                    log("  optaplanner, first seed %s: %s, %d calc/s", first.trim(), again.score,
                            again.scoreCalcPerSecond);
                }
            }

            if (mipSizes.contains(size.name())) {
                try {
                    RunResult mip = MipPlanner.run(size.name(), ev, mipSolver, mipLimit);
                    sr.runs.add(mip);
                    log("  mip %s (%s) in %d ms", mip.score, mip.status, mip.millis);
                } catch (RuntimeException | OutOfMemoryError e) {
                    RunResult mip = new RunResult();
                    mip.size = size.name();
                    mip.planner = "MIP (" + mipSolver + ")";
                    mip.status = "failed: " + e;
                    sr.runs.add(mip);
                    log("  mip failed: %s", e);
                }
            }
            report.sizes.add(sr);
            report.loadAfter = Report.loadAverage();
            report.totalSeconds = Duration.between(started, Instant.now()).toSeconds();
            report.write(out); // after every size, so a partial run still leaves a report
        }
        log("done in %d s; report in %s", report.totalSeconds, out.toAbsolutePath());
    }

    static void log(String format, Object... args) {
        System.out.printf("[benchmark] " + format + "%n", args);
        System.out.flush();
    }

    static List<String> list(String csv) {
        return new ArrayList<>(List.of(csv.split(",")));
    }
}
