package org.corridor.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.corridor.allocation.solver.api.AllocationPlanner;
import org.corridor.allocation.solver.api.SolverInput;

/** Writes the markdown report, the CSV and the PNG plots. */
final class Report {

    static final class SizeResult {
        final InstanceGenerator.Size size;
        final SolverInput input;
        final List<RunResult> runs = new ArrayList<>();
        /** Evaluated soft scores of the repeated OptaPlanner runs from other first seeds (M only). */
        final List<Long> repeats = new ArrayList<>();

        SizeResult(InstanceGenerator.Size size, SolverInput input) {
            this.size = size;
            this.input = input;
        }

        RunResult run(String prefix) {
            return runs.stream().filter(r -> r.planner.startsWith(prefix)).findFirst().orElse(null);
        }
    }

    final long seed;
    final long mipLimit;
    final String mipSolver;
    final List<SizeResult> sizes = new ArrayList<>();
    String loadBefore;
    String loadAfter;
    long totalSeconds;
    long warmupSeconds;

    Report(long seed, long mipLimit, String mipSolver) {
        this.seed = seed;
        this.mipLimit = mipLimit;
        this.mipSolver = mipSolver;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return String.valueOf(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
        } catch (IOException e) {
            return "?";
        }
    }

    static String fmt(Long v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%,d", v);
    }

    static String pct(double v) {
        return String.format(Locale.ROOT, "%.2f %%", v * 100);
    }

    // ---------------------------------------------------------------- derived numbers

    /** The reference soft penalty at the reference medium: the MIP plan's (evaluated) when it has one. */
    static Long referenceSoft(SizeResult s) {
        RunResult mip = s.run("MIP");
        return mip == null || mip.score == null ? null : -mip.score.soft();
    }

    /** Relative gap of OptaPlanner's soft penalty to a value (positive = worse). */
    static Double gap(long optaSoftPenalty, double reference) {
        return reference == 0 ? null : (optaSoftPenalty - reference) / Math.abs(reference);
    }

    /** Time of the first best solution with the final medium and soft within 1 % of {@code target}. */
    static Long within1Pct(RunResult r, long medium, double targetSoftPenalty) {
        for (RunResult.Point p : r.curve) {
            if (p.hard() == 0 && p.medium() >= medium && -p.soft() <= targetSoftPenalty * 1.01) {
                return p.millis();
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- writing

    void write(Path out) throws IOException {
        writeCsv(out.resolve("allocation-benchmark.csv"));
        for (SizeResult s : sizes) {
            Plots.objective(s, out.resolve("objective-" + s.size.name() + ".png"));
        }
        Plots.times(sizes, out.resolve("solve-time-vs-size.png"));
        writeMarkdown(out.resolve("allocation-benchmark.md"), out);
    }

    private void writeCsv(Path file) throws IOException {
        StringBuilder b = new StringBuilder(
                "size,planner,hard,medium,soft,weighted_objective,solve_ms,build_ms,first_feasible_ms,within_1pct_of_own_final_ms,"
                        + "score_calc_per_s,score_calc_per_cpu_s,solver_cpu_ms,peak_heap_mb,variables_or_entities,mip_medium_bound,mip_soft_bound,status\n");
        for (SizeResult s : sizes) {
            for (RunResult r : s.runs) {
                PlanEvaluator.Score sc = r.score;
                Long own = sc == null || !r.planner.equals("OptaPlanner")
                        ? null
                        : within1Pct(r, sc.medium(), -sc.soft());
                b.append(String.join(",", s.size.name(), r.planner, sc == null ? "" : "" + sc.hard(),
                        sc == null ? "" : "" + sc.medium(), sc == null ? "" : "" + sc.soft(),
                        sc == null ? "" : "" + sc.weightedObjective(), "" + r.millis, "" + r.buildMillis,
                        r.firstFeasibleMillis == null ? "" : "" + r.firstFeasibleMillis, own == null ? "" : "" + own,
                        r.scoreCalcPerSecond == null ? "" : "" + r.scoreCalcPerSecond,
                        r.scoreCalcPerCpuSecond == null ? "" : "" + r.scoreCalcPerCpuSecond, "" + r.cpuMillis,
                        r.peakHeapBytes == null ? "" : "" + r.peakHeapBytes / 1_000_000, "" + r.entities,
                        r.mediumBound == null ? "" : String.format(Locale.ROOT, "%.1f", r.mediumBound),
                        r.softBound == null ? "" : String.format(Locale.ROOT, "%.1f", r.softBound),
                        "\"" + r.status.replace("\"", "'") + "\"")).append('\n');
            }
        }
        Files.writeString(file, b.toString());
    }

    private void writeMarkdown(Path file, Path out) throws IOException {
        StringBuilder b = new StringBuilder();
        Path head = out.resolve("allocation-benchmark-notes.md");
        b.append("# Allocation benchmark\n\n");
        b.append("<!-- Generated by allocation-benchmark (BenchmarkMain); the prose sections come from "
                + "allocation-benchmark-notes.md. -->\n\n");
        b.append("## Run\n\n");
        b.append("| | |\n|---|---|\n");
        b.append("| date (UTC) | ").append(
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 19))
                .append(" |\n");
        b.append("| machine | ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(memTotal())
                .append(", ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(" |\n");
        b.append("| JVM | ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version"))
                .append(", max heap ").append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MiB, ")
                .append(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                        .filter(a -> a.startsWith("-X")).toList())
                .append(" |\n");
        b.append("| load average (1/5/15 min, runnable/total, last pid) | before ").append(loadBefore)
                .append("; after ")
                .append(loadAfter).append(" (the machine is shared with other builds) |\n");
        b.append("| seed | ").append(seed).append(" |\n");
        b.append("| MIP | OR-Tools ").append(mipSolver).append(", relative gap 0, limit ").append(mipLimit)
                .append(" s (stage 1 medium ≤ 1/3, stage 2 soft the rest) |\n");
        b.append("| OptaPlanner searches | ").append(OptaPlannerRunner.shippedSearches())
                .append(" per plan side by side, as the service ships (one per processor at most, one alone above ")
                .append(AllocationPlanner.DEFAULT_PARALLEL_SEARCH_MAX_LOTS)
                .append(" lots); calculations per second are per search, per CPU-second over the searches' threads |\n");
        b.append("| JIT warm-up | ").append(warmupSeconds)
                .append(" s of OptaPlanner on another M instance before measuring (not recorded) |\n");
        b.append("| total run time | ").append(totalSeconds).append(" s |\n\n");

        b.append(
                "## Instances\n\n| size | depots | items | sites | teams | needs | lots | team needs | OptaPlanner entities |\n|---|---|---|---|---|---|---|---|---|\n");
        for (SizeResult s : sizes) {
            RunResult o = s.run("OptaPlanner");
            long depots = s.input.lots().stream().map(SolverInput.LotFact::depotId).distinct().count();
            b.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %d | %s |%n", s.size.name(),
                    depots,
                    s.size.items(), s.size.sites(), s.input.teams().size(), s.input.needs().size(),
                    s.input.lots().size(),
                    s.input.teamNeeds().size(), o == null ? "–" : fmt((long) o.entities)));
        }

        b.append("\n## Results (every plan scored by the independent PlanEvaluator)\n\n");
        b.append(
                "| size | planner | hard | medium | soft | weighted objective | time (s) | first feasible (s) | within 1 % of own final (s) | within 1 % of MIP (s) | score calc/s (wall) | score calc per CPU-s | peak heap (MiB) | status |\n");
        b.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (SizeResult s : sizes) {
            Long ref = referenceSoft(s);
            RunResult mip = s.run("MIP");
            for (RunResult r : s.runs) {
                PlanEvaluator.Score sc = r.score;
                String own = "–";
                String toMip = "–";
                if (sc != null && r.planner.equals("OptaPlanner")) {
                    own = secs(within1Pct(r, sc.medium(), -sc.soft()));
                    if (ref != null && mip.score.medium() <= sc.medium()) {
                        toMip = secs(within1Pct(r, mip.score.medium(), ref));
                    }
                }
                b.append(String.format(Locale.ROOT,
                        "| %s | %s | %s | %s | %s | %s | %.1f | %s | %s | %s | %s | %s | %s | %s |%n",
                        s.size.name(), r.planner, sc == null ? "–" : fmt(sc.hard()),
                        sc == null ? "–" : fmt(sc.medium()),
                        sc == null ? "–" : fmt(sc.soft()), sc == null ? "–" : fmt(sc.weightedObjective()),
                        r.millis / 1000.0,
                        secs(r.firstFeasibleMillis), own, toMip, fmt(r.scoreCalcPerSecond),
                        fmt(r.scoreCalcPerCpuSecond),
                        r.peakHeapBytes == null ? "–" : fmt(r.peakHeapBytes / (1024 * 1024)), r.status));
            }
        }

        b.append("\n## Goals\n\n| goal | measured | met? |\n|---|---|---|\n");
        for (SizeResult s : sizes) {
            goals(s, b);
        }
        b.append("\nWeighted objective = |medium| + |soft| of the evaluated plan (both levels with the production "
                + "weights): a planner that leaves more unmet pays through the medium part.\n");

        b.append("\n## Plots\n\n");
        for (SizeResult s : sizes) {
            b.append("![objective over time, ").append(s.size.name()).append("](objective-").append(s.size.name())
                    .append(".png)\n\n");
        }
        b.append("![solve time vs size](solve-time-vs-size.png)\n\n");

        if (Files.exists(head)) {
            b.append(Files.readString(head));
        }
        Files.writeString(file, b.toString());
    }

    private static String secs(Long millis) {
        return millis == null ? "–" : String.format(Locale.ROOT, "%.2f", millis / 1000.0);
    }

    private void goals(SizeResult s, StringBuilder b) {
        RunResult o = s.run("OptaPlanner");
        RunResult g = s.run("Greedy");
        RunResult m = s.run("MIP");
        if (o == null || o.score == null) {
            return;
        }
        String name = s.size.name();
        boolean mipOptimal = m != null && m.score != null && m.status.contains("soft OPTIMAL")
                && m.status.contains("medium OPTIMAL");
        switch (name) {
            case "M" -> {
                if (m != null && m.score != null) {
                    boolean mediumEq = o.score.medium() >= m.score.medium();
                    double gap = (double) (m.score.soft() - o.score.soft()) / Math.max(1, -m.score.soft());
                    row(b, "M: 0 hard after 10 s", "hard " + o.score.hard(), o.score.hard() == 0);
                    boolean mediumOptimal = m.status.contains("medium OPTIMAL");
                    row(b, "M: medium equal to the optimum's",
                            "OptaPlanner " + fmt(o.score.medium()) + ", MIP " + fmt(m.score.medium())
                                    + (mediumOptimal
                                            ? " (MIP medium proven optimal)"
                                            : " (MIP medium not proven optimal: " + m.status + ")"),
                            mediumEq);
                    String againstOptimum = "OptaPlanner " + fmt(o.score.soft()) + ", MIP " + fmt(m.score.soft())
                            + ": gap " + pct(gap);
                    if (mipOptimal) {
                        row(b, "M: soft within 0.5 % of the proven optimum after 10 s", againstOptimum,
                                mediumEq && gap <= 0.005);
                    } else {
                        // a MIP plan that is not proven optimal is no optimum to be within 0.5 % of
                        row(b, "M: soft within 0.5 % of the proven optimum after 10 s",
                                againstOptimum + " (optimum not proven)", "**not judged**");
                    }
                    // with the mode choice in both planners: the plan of one 10 s run against the MIP's best plan
                    // after its whole limit (the run is one sample: the hand-written summary gives repeated runs)
                    row(b, "M: soft no worse than the MIP's best result (this run)",
                            "OptaPlanner " + fmt(o.score.soft()) + ", MIP's best " + fmt(m.score.soft()) + ": "
                                    + (gap <= 0 ? pct(-gap) + " better" : pct(gap) + " worse"),
                            mediumEq && gap <= 0);
                    if (!s.repeats.isEmpty()) {
                        OptaPlannerOnly.SeedSpread spread = OptaPlannerOnly.SeedSpread.of(s.repeats);
                        long noWorse = s.repeats.stream().filter(v -> v >= m.score.soft()).count();
                        double meanGap = (double) (m.score.soft() - spread.mean()) / Math.max(1, -m.score.soft());
                        row(b, "M: the same, mean of " + s.repeats.size() + " more runs from other first seeds",
                                "mean " + fmt(spread.mean()) + " (standard error " + fmt(spread.standardError())
                                        + ", from " + fmt(spread.worst()) + " to " + fmt(spread.best())
                                        + "), MIP's best " + fmt(m.score.soft()) + ": "
                                        + (meanGap <= 0 ? pct(-meanGap) + " better" : pct(meanGap) + " worse")
                                        + "; " + noWorse + " of " + s.repeats.size() + " runs no worse",
                                mediumEq && meanGap <= 0);
                    }
                }
                long ff = o.firstFeasibleMillis == null ? Long.MAX_VALUE : o.firstFeasibleMillis + o.buildMillis;
                row(b, "M: feasible within 1 s", o.firstFeasibleMillis == null
                        ? "never"
                        : "build " + o.buildMillis + " ms + first feasible " + o.firstFeasibleMillis + " ms",
                        ff <= 1000);
                row(b, "M: score calculation speed ≥ 100,000/s", fmt(o.scoreCalcPerSecond) + "/s wall clock ("
                        + fmt(o.scoreCalcPerCpuSecond) + " per CPU-second of the solver threads; per search, "
                        + o.searches
                        + (o.searches == 1 ? " search" : " searches side by side") + "; judged on wall clock)",
                        o.scoreCalcPerSecond != null && o.scoreCalcPerSecond >= 100_000);
                greedyRow(b, name, o, g);
            }
            case "L" -> {
                if (m != null && m.score != null) {
                    double best = -m.score.soft();
                    boolean hasBound = m.softBound != null && m.softBound > 0;
                    double bound = hasBound ? m.softBound : best;
                    double gapBest = (-o.score.soft() - best) / Math.max(1, best);
                    double gapBound = (-o.score.soft() - bound) / Math.max(1, Math.abs(bound));
                    double mediumGap = (double) (m.score.medium() - o.score.medium()) / Math.max(1, -m.score.medium());
                    double weightedGap = (double) (o.score.weightedObjective() - m.score.weightedObjective())
                            / Math.max(1, m.score.weightedObjective());
                    // level by level: medium within 2 % of the MIP's (proven optimal) medium, and soft within 2 % of
                    // the MIP's best plan or of its soft bound (or better)
                    row(b, "L: within 2 % of the exact solver's best result or bound after 60 s",
                            "medium OptaPlanner " + fmt(o.score.medium()) + " vs MIP " + fmt(m.score.medium())
                                    + ": gap "
                                    + pct(mediumGap) + "; soft OptaPlanner " + fmt(o.score.soft()) + " vs MIP "
                                    + fmt(m.score.soft())
                                    + ": gap to MIP result " + pct(gapBest)
                                    + (hasBound ? ", to MIP soft bound " + pct(gapBound) : ", no useful MIP soft bound")
                                    + "; weighted objective gap " + pct(weightedGap) + " (" + m.status
                                    + "); judged level by level",
                            o.score.hard() == 0 && mediumGap <= 0.02 && Math.min(gapBest, gapBound) <= 0.02);
                } else {
                    row(b, "L: within 2 % of the exact solver's best result or bound after 60 s",
                            "no MIP result (" + (m == null ? "not run" : m.status) + ")", false);
                }
                greedyRow(b, name, o, g);
            }
            case "XL" -> row(b, "XL: feasible plan within 60 s under 2 GiB heap",
                    "hard " + o.score.hard() + ", " + o.status + ", first feasible "
                            + (o.firstFeasibleMillis == null ? "never" : secs(o.firstFeasibleMillis) + " s")
                            + ", peak heap "
                            + fmt(o.peakHeapBytes / (1024 * 1024)) + " MiB of max "
                            + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB",
                    o.score.hard() == 0 && o.status.startsWith("solver score") && o.firstFeasibleMillis != null
                            && o.firstFeasibleMillis + o.buildMillis <= 60_000
                            && o.peakHeapBytes < 2L * 1024 * 1024 * 1024);
            default -> {
            }
        }
    }

    private static void greedyRow(StringBuilder b, String name, RunResult o, RunResult g) {
        if (g == null || g.score == null) {
            return;
        }
        double gain = 1 - (double) o.score.weightedObjective() / Math.max(1, g.score.weightedObjective());
        row(b, name + ": at least 20 % lower weighted objective than greedy",
                "OptaPlanner " + fmt(o.score.weightedObjective()) + " vs greedy " + fmt(g.score.weightedObjective())
                        + ": "
                        + pct(gain) + " lower",
                o.score.hard() == 0 && gain >= 0.20);
    }

    private static void row(StringBuilder b, String goal, String measured, boolean met) {
        row(b, goal, measured, met ? "**met**" : "**not met**");
    }

    private static void row(StringBuilder b, String goal, String measured, String verdict) {
        b.append("| ").append(goal).append(" | ").append(measured).append(" | ").append(verdict).append(" |\n");
    }
}
