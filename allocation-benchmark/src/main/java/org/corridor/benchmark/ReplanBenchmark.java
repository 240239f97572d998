package org.corridor.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.corridor.allocation.solver.AllocationProblemBuilder;
import org.corridor.allocation.solver.AllocationSolution;
import org.corridor.allocation.solver.AllocationSolverConfig;
import org.corridor.allocation.solver.api.Priority;
import org.corridor.allocation.solver.api.SolverInput;
import org.corridor.allocation.solver.api.SolverInput.BaseLine;
import org.corridor.allocation.solver.api.SolverInput.BaseTeam;
import org.corridor.allocation.solver.api.SolverInput.NeedFact;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/**
 * The re-planning benchmark: solve an instance (M by default) from scratch, take its plan as the approved base, apply
 * one event (the lot the plan takes most from is lost; a new CRITICAL need arrives), and re-plan with the base lines
 * pinned and, separately, released ({@code releaseUndispatched}). For each re-plan: the time to its first feasible
 * plan, the lines changed against the base (on the needs the event touches, and elsewhere), and its objective against a
 * plan of the changed instance solved from scratch, both judged by the {@link PlanEvaluator} of the changed instance
 * without a base (so the stability terms do not count in the comparison). Writes {@code replanning.md} to
 * {@code benchmark.out}.
 * <p>
 * System properties: {@code benchmark.size} (M), {@code benchmark.seed} (42), {@code benchmark.out} (docs/benchmarks),
 * {@code benchmark.warmupSeconds} (20), {@code benchmark.replanBudget} (solver seconds per solve, 10).
 */
public final class ReplanBenchmark {

    /** One solve: the plan, when it was first feasible and how long it took. */
    record Solve(Plan plan, Long firstFeasibleMillis, long millis, HardMediumSoftLongScore score) {
    }

    /** An event: the changed world, the base lines still in it, and the needs the event touches. */
    record Event(String name, SolverInput world, List<Plan.Line> keptLines, Set<UUID> touchedNeeds) {
    }

    /** The figures of one re-plan. */
    record Result(String event, String mode, Solve solve, Long firstFeasibleMillis, PlanEvaluator.Score score,
            PlanEvaluator.Score scratch,
            int changedTouched, int changedElsewhere, long baseUnitsMoved, long unmetUnits, long scratchUnmetUnits) {
    }

    private ReplanBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        String sizeName = System.getProperty("benchmark.size", "M");
        long seed = Long.getLong("benchmark.seed", 42);
        Path out = Path.of(System.getProperty("benchmark.out", "docs/benchmarks"));
        Duration budget = Duration.ofSeconds(Long.getLong("benchmark.replanBudget", 10));
        Duration baseBudget = Duration.ofSeconds(Long.getLong("benchmark.baseBudget", 30));
        long otherStability = Long.getLong("benchmark.otherStabilityWeight", 10);
        long warmup = Long.getLong("benchmark.warmupSeconds", 20);
        String loadBefore = Report.loadAverage();
        Instant started = Instant.now();
        OptaPlannerRunner.productionLogLevel();
        if (warmup > 0) {
            SolverInput w = new InstanceGenerator(seed + 1000).generate(InstanceGenerator.Size.of("M"));
            solve(w, Duration.ofSeconds(warmup));
            log("warm-up: %d s on an M instance with seed %d (not recorded)", warmup, seed + 1000);
        }
        SolverInput world = new InstanceGenerator(seed).generate(InstanceGenerator.Size.of(sizeName));
        Solve base = solve(world, baseBudget);
        PlanEvaluator.Score baseScore = new PlanEvaluator(world).evaluate(base.plan());
        log("base: %s, %d lines, %d teams", baseScore, base.plan().lines().size(), base.plan().teams().size());

        List<Result> results = new ArrayList<>();
        for (Event event : List.of(nothingChanged(world, base.plan()), lotLost(world, base.plan()),
                newCriticalNeed(world, base.plan()))) {
            PlanEvaluator judge = new PlanEvaluator(event.world());
            Solve scratch = solve(event.world(), budget);
            PlanEvaluator.Score scratchScore = judge.evaluate(scratch.plan());
            log("%s, from scratch: %s in %d ms", event.name(), scratchScore, scratch.millis());
            for (String mode : List.of("pinned", "released", "released, stability " + otherStability)) {
                boolean pinned = mode.equals("pinned");
                SolverInput world2 = mode.startsWith("released, ")
                        ? withWeight(event.world(), "Plan stability", otherStability)
                        : event.world();
                SolverInput in = world2.withBase(
                        event.keptLines().stream()
                                .map(l -> new BaseLine(l.needId(), l.lotId(), l.quantity(), pinned, l.mode()))
                                .toList(),
                        base.plan().teams().stream().map(t -> new BaseTeam(t.teamNeedId(), t.teamId(), pinned))
                                .toList());
                Long firstFeasible = timeToFeasible(in, budget);
                Solve r = solve(in, budget);
                PlanEvaluator.Score withBase = new PlanEvaluator(in).evaluate(r.plan());
                int[] changed = changedLines(base.plan(), r.plan(), event.touchedNeeds());
                Result result = new Result(event.name(), mode, r, firstFeasible, judge.evaluate(r.plan()),
                        scratchScore, changed[0], changed[1],
                        withBase.penalties().get("Plan stability") / Math.max(1, weight(in, "Plan stability")),
                        unmetUnits(event.world(), r.plan()), unmetUnits(event.world(), scratch.plan()));
                results.add(result);
                log("%s, %s: first feasible %s ms, %s; changed lines %d touched + %d elsewhere", event.name(),
                        result.mode(), firstFeasible, result.score(), changed[0], changed[1]);
            }
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("replanning.md"), report(sizeName, seed, budget, baseBudget, warmup, world, base,
                baseScore, results, loadBefore, Report.loadAverage(), Duration.between(started, Instant.now())));
        log("report in %s", out.resolve("replanning.md").toAbsolutePath());
    }

    private static SolverInput withWeight(SolverInput in, String name, long weight) {
        Map<String, Long> w = new HashMap<>(in.weightOverrides() == null ? Map.of() : in.weightOverrides());
        w.put(name, weight);
        return new SolverInput(in.planFrom(), in.needs(), in.teamNeeds(), in.lots(), in.teams(), in.accessRules(),
                in.transport(), in.routeOverrides(), in.expiryMarginDays(), w, in.baseLines(), in.baseTeams());
    }

    /** Nothing happened: the re-plan of the same world (every base line stays). */
    static Event nothingChanged(SolverInput world, Plan base) {
        return new Event("nothing changed", world, base.lines(), Set.of());
    }

    private static long weight(SolverInput in, String name) {
        Long w = in.weightOverrides() == null ? null : in.weightOverrides().get(name);
        return w != null
                ? w
                : org.corridor.allocation.solver.AllocationWeights.defaults().weight(name);
    }

    /** The lot the base plan takes most units from is lost: its lines go, their needs keep asking for the units. */
    static Event lotLost(SolverInput world, Plan base) {
        Map<UUID, Integer> perLot = new HashMap<>();
        base.lines().forEach(l -> perLot.merge(l.lotId(), l.quantity(), Integer::sum));
        UUID lost = perLot.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        Set<UUID> touched = new HashSet<>();
        List<Plan.Line> kept = new ArrayList<>();
        for (Plan.Line l : base.lines()) {
            if (l.lotId().equals(lost)) {
                touched.add(l.needId());
            } else {
                kept.add(l);
            }
        }
        SolverInput changed = new SolverInput(world.planFrom(), world.needs(), world.teamNeeds(),
                world.lots().stream().filter(l -> !l.lotId().equals(lost)).toList(), world.teams(),
                world.accessRules(), world.transport(), world.routeOverrides(), world.expiryMarginDays(),
                world.weightOverrides());
        return new Event("lot lost (" + perLot.get(lost) + " units on " + touched.size() + " lines)", changed, kept,
                touched);
    }

    /**
     * A new CRITICAL need at the site of the largest need, for the item of that need: a tenth of the item's demand.
     * Every base line stays.
     */
    static Event newCriticalNeed(SolverInput world, Plan base) {
        NeedFact first = world.needs().stream().max(java.util.Comparator.comparingInt(NeedFact::quantity))
                .orElseThrow();
        int demand = world.needs().stream().filter(n -> n.itemCode().equals(first.itemCode()))
                .mapToInt(NeedFact::quantity).sum();
        NeedFact extra = new NeedFact(new UUID(0xC0FFEEL, 1), first.incidentId(), first.incidentType(),
                first.siteId(), first.siteName(), first.siteCountryCode(), first.siteLatitude(),
                first.siteLongitude(), first.itemCode(), first.itemName(), Math.max(1, demand / 10),
                Priority.CRITICAL, first.deliverBy(), first.siteSeaport());
        List<NeedFact> needs = new ArrayList<>(world.needs());
        needs.add(extra);
        SolverInput changed = new SolverInput(world.planFrom(), needs, world.teamNeeds(), world.lots(), world.teams(),
                world.accessRules(), world.transport(), world.routeOverrides(), world.expiryMarginDays(),
                world.weightOverrides());
        return new Event("new CRITICAL need (" + extra.quantity() + " " + extra.itemCode() + ")", changed,
                base.lines(), Set.of(extra.needId()));
    }

    /** (need, lot) lines whose quantity differs between base and re-plan: {on touched needs, elsewhere}. */
    static int[] changedLines(Plan base, Plan replan, Set<UUID> touched) {
        Map<List<UUID>, Integer> a = lineMap(base);
        Map<List<UUID>, Integer> b = lineMap(replan);
        Set<List<UUID>> keys = new HashSet<>(a.keySet());
        keys.addAll(b.keySet());
        int[] changed = new int[2];
        for (List<UUID> k : keys) {
            if (!a.getOrDefault(k, 0).equals(b.getOrDefault(k, 0))) {
                changed[touched.contains(k.get(0)) ? 0 : 1]++;
            }
        }
        return changed;
    }

    private static Map<List<UUID>, Integer> lineMap(Plan plan) {
        Map<List<UUID>, Integer> m = new HashMap<>();
        plan.lines().forEach(l -> m.merge(List.of(l.needId(), l.lotId()), l.quantity(), Integer::sum));
        return m;
    }

    static long unmetUnits(SolverInput world, Plan plan) {
        Map<UUID, Integer> sent = new HashMap<>();
        plan.lines().forEach(l -> sent.merge(l.needId(), l.quantity(), Integer::sum));
        return world.needs().stream().mapToLong(n -> Math.max(0, n.quantity() - sent.getOrDefault(n.needId(), 0)))
                .sum();
    }

    /**
     * Wall clock from the start of the problem build until the solver holds a feasible plan: a solve of its own that
     * ends as soon as its best score is feasible (a best solution event only comes with an improvement, so a plan that
     * is feasible as soon as it is constructed would never be timed by one); null when the budget ends first.
     */
    static Long timeToFeasible(SolverInput input, Duration budget) {
        long t0 = System.nanoTime();
        AllocationSolution problem = AllocationProblemBuilder.build(input);
        SolverConfig config = AllocationSolverConfig.solverConfig().withTerminationConfig(
                new TerminationConfig().withSpentLimit(budget).withBestScoreFeasible(true));
        AllocationSolution best = SolverFactory.<AllocationSolution>create(config).buildSolver().solve(problem);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        return best.getScore().isSolutionInitialized() && best.getScore().hardScore() == 0 ? millis : null;
    }

    /** The production configuration with a fixed budget; the time of the first feasible new best solution. */
    static Solve solve(SolverInput input, Duration budget) {
        long t0 = System.nanoTime();
        AllocationSolution problem = AllocationProblemBuilder.build(input);
        SolverConfig config = AllocationSolverConfig.solverConfig()
                .withTerminationConfig(new TerminationConfig().withSpentLimit(budget));
        Solver<AllocationSolution> solver = SolverFactory.<AllocationSolution>create(config).buildSolver();
        Long[] firstFeasible = new Long[1];
        solver.addEventListener(e -> {
            HardMediumSoftLongScore s = (HardMediumSoftLongScore) e.getNewBestScore();
            if (firstFeasible[0] == null && s.isSolutionInitialized() && s.hardScore() == 0) {
                firstFeasible[0] = (System.nanoTime() - t0) / 1_000_000;
            }
        });
        AllocationSolution best = solver.solve(problem);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        return new Solve(OptaPlannerRunner.toPlan(best), firstFeasible[0], millis, best.getScore());
    }

    private static String report(String size, long seed, Duration budget, Duration baseBudget, long warmup,
            SolverInput world,
            Solve base, PlanEvaluator.Score baseScore, List<Result> results, String loadBefore, String loadAfter,
            Duration total) {
        StringBuilder b = new StringBuilder();
        b.append("# Re-planning benchmark\n\n");
        b.append("Generated by `org.corridor.benchmark.ReplanBenchmark` (allocation-benchmark) on ")
                .append(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).append(".\n\n");
        b.append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
                .append(", Java ").append(System.getProperty("java.version")).append(", heap max ")
                .append(Runtime.getRuntime().maxMemory() / 1_000_000).append(" MB\n");
        b.append("- Load average (1, 5, 15 min) before: ").append(loadBefore).append("; after: ").append(loadAfter)
                .append("\n");
        b.append("- Instance: ").append(size).append(", seed ").append(seed).append(": ").append(world.needs().size())
                .append(" needs, ").append(world.lots().size()).append(" lots, ").append(world.teamNeeds().size())
                .append(" team needs, ").append(world.teams().size()).append(" teams\n");
        b.append("- Every solve: production `solverConfig.xml`, instance weights, fixed budget ")
                .append(budget.toSeconds()).append(" s (the base: ").append(baseBudget.toSeconds())
                .append(" s), one solver thread; JIT warm-up ").append(warmup)
                .append(" s on another M instance first; whole run ").append(total.toSeconds()).append(" s\n");
        b.append("- Base: solved from scratch, ").append(baseScore).append(", ").append(base.plan().lines().size())
                .append(" lines, ").append(base.plan().teams().size()).append(" team assignments\n\n");
        b.append("| event | base lines | first feasible | changed lines: touched needs | changed lines: elsewhere"
                + " | base units moved | unmet units (re-plan / scratch) | objective re-plan | objective from scratch"
                + " | gap |\n");
        b.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Result r : results) {
            long re = r.score().weightedObjective();
            long sc = r.scratch().weightedObjective();
            b.append("| ").append(r.event()).append(" | ").append(r.mode()).append(" | ")
                    .append(r.firstFeasibleMillis() == null ? "never" : r.firstFeasibleMillis() + " ms")
                    .append(" | ").append(r.changedTouched()).append(" | ").append(r.changedElsewhere()).append(" | ")
                    .append(r.baseUnitsMoved()).append(" | ").append(r.unmetUnits()).append(" / ")
                    .append(r.scratchUnmetUnits()).append(" | ").append(r.score()).append(" | ")
                    .append(r.scratch()).append(" | ")
                    .append(String.format("%+.2f %%", sc == 0 ? 0.0 : 100.0 * (re - sc) / Math.abs(sc)))
                    .append(" |\n");
        }
        b.append("\n");
        b.append(
                """
                        ## What is measured

                        - **Events.** *Nothing changed*: the same world re-planned. *Lot lost*: the lot the base plan takes most units from disappears from inventory; its
                          lines go, their needs keep asking for those units (uncovered again), every other base line stays.
                          *New CRITICAL need*: a need for a tenth of the total demand of the largest need's item, at that site;
                          every base line stays.
                        - **Pinned**: the base lines and team assignments are `@PlanningPin` slots (no `releaseUndispatched`).
                          **Released**: they are where the re-plan starts, movable, and "Plan stability" / "Team plan
                          stability" charge each base unit (team) no longer where it was: with the default weight (100 per
                          unit), and with another one (`benchmark.otherStabilityWeight`, 10).
                        - **First feasible**: wall clock from the start of the problem build to the first new best solution
                          with hard score 0 (what a re-plan request waits for a usable plan; the solve goes on for its budget).
                        - **Changed lines**: (need, lot) pairs whose quantity differs between base and re-plan (added,
                          removed, changed), split into those of the needs the event touches (the needs that had a line on
                          the lost lot; the new need) and all others. With pinned base lines, lines elsewhere can only be
                          added (units that were unmet in the base and now find stock).
                        - **Base units moved**: units of released base lines no longer served from their base lot (the
                          stability term's count; 0 when pinned).
                        - **Objective**: medium and soft of the re-plan and of a plan of the changed instance solved from
                          scratch with the same budget, both judged by the `PlanEvaluator` of the changed instance without a
                          base (stability not counted); gap = (re-plan - scratch) / scratch of the weighted objective
                          (medium + soft penalties), positive = the re-plan costs more. The medium level (unmet needs) is the
                          one that matters most.
                        - The instances switch "Fairness between incidents" off (as in the allocation benchmark; M has one
                          incident anyway).

                        ## How to run

                        ```
                        ./mvnw -Pbenchmark -pl allocation-benchmark -am verify -DskipTests \\
                            -Dbenchmark.main=org.corridor.benchmark.ReplanBenchmark
                        ```

                        `benchmark.main` picks the program the module's exec runs (default `BenchmarkMain`, the 25-minute
                        planner and MIP comparison, which this does not run). Options on the same command line:
                        `-Dbenchmark.size=M`, `-Dbenchmark.seed=42`, `-Dbenchmark.replanBudget=10` (seconds per solve),
                        `-Dbenchmark.baseBudget=30`, `-Dbenchmark.otherStabilityWeight=10`,
                        `-Dbenchmark.warmupSeconds=20`, `-Dbenchmark.out=<dir>` (docs/benchmarks). The module's
                        `PlanEvaluatorTest` runs first (about a minute); the run itself takes about four minutes (the
                        warm-up, the base, and per event one solve from scratch and three re-plans). It rewrites this file.
                        """);
        return b.toString();
    }

    private static void log(String format, Object... args) {
        System.out.printf("[replanning] " + format + "%n", args);
        System.out.flush();
    }
}
