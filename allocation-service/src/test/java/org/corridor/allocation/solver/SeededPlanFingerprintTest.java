package org.corridor.allocation.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.corridor.allocation.solver.api.SolverInput;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/**
 * Seeded solves of the generated medium instance with a fixed number of local search steps give the plans recorded
 * below, to the unit: a change that is meant to change nothing but the code's structure or speed (the move selection
 * draws the same random numbers in the same order) keeps them. A change of the search (a move, a share, a constraint, a
 * weight) changes them on purpose: then record the new fingerprints, printed by this test, and say so in the benchmark
 * notes.
 * <p>
 * {@code -Dcorridor.fingerprint.dump=
 *
<dir>
 * } writes each plan to a file there, to compare two versions line by line.
 */
class SeededPlanFingerprintTest {

    /** One seeded fixed-step solve and the SHA-256 of its plan ({@link #seededPlan}). */
    record Case(long seed, int steps, String sha256) {
    }

    /**
     * Recorded again when route closures became several routes closed at once, each checked as an exact re-routing of
     * its units across sites, again with route kicks (a family of its own), again with coverings (a family of its own),
     * and again when closures came to count the whole vehicles of a route and a line put on a lot of another depot to
     * travel by that lot's default mode.
     */
    static final List<Case> RECORDED = List.of(
            new Case(7, 2_000, "97ac6f5c8e5e6ad7880f497f2cc9b9311c810c5b5613f3ecab4826043ced3ead"),
            new Case(8, 2_000, "767e43e7f66cd10d985e72181eacb1e34dfb0f864d13625ad048dd798022d452"),
            new Case(42, 6_000, "572fcf54e4ec983e6b2f72b804f605f4f0be06fe6035240b086f704fe3649545"));

    /**
     * Recorded with the default weights, "Fairness between incidents" included (the instance has several incidents
     * sharing items, so that term changes the search; the plans above are the solver's with the term switched off).
     * Recorded again with the route closures above, with route kicks, with coverings, and with whole vehicles and
     * default modes as above.
     */
    static final List<Case> RECORDED_WITH_INCIDENT_FAIRNESS = List.of(
            new Case(7, 2_000, "cf28b3be2330584f9ed41a6be640317f277a87e2499e1e711d743a7ca03341b1"));

    @Test
    void seededFixedStepSolvesGiveTheRecordedPlans() throws IOException {
        // the plans recorded before the fairness between incidents: without it, nothing else changed for a plan
        // from scratch (no base lines, no base teams)
        SolverInput generated = new InstanceGenerator(42).generate(50, 20, 50);
        check(withoutIncidentFairness(generated), RECORDED);
    }

    @Test
    void seededFixedStepSolvesWithIncidentFairnessGiveTheRecordedPlans() throws IOException {
        check(new InstanceGenerator(42).generate(50, 20, 50), RECORDED_WITH_INCIDENT_FAIRNESS);
    }

    static SolverInput withoutIncidentFairness(SolverInput in) {
        return new SolverInput(in.planFrom(), in.needs(), in.teamNeeds(), in.lots(), in.teams(), in.accessRules(),
                in.transport(), in.routeOverrides(), in.expiryMarginDays(),
                java.util.Map.of(AllocationWeights.UNFAIR_INCIDENT_SHARE, 0L));
    }

    private static void check(SolverInput input, List<Case> recorded) throws IOException {
        List<String> failures = new ArrayList<>();
        for (Case c : recorded) {
            List<String> plan = seededPlan(input, c.seed(), c.steps());
            String sha = sha256(plan);
            System.out.printf("FINGERPRINT seed %d, %d steps: %s (%s)%n", c.seed(), c.steps(), sha, plan.get(0));
            dump(c, plan);
            if (!sha.equals(c.sha256())) {
                failures.add("seed " + c.seed() + ", " + c.steps() + " steps: " + sha + " (" + plan.get(0) + ")");
            }
        }
        assertEquals(List.of(), failures, "plans of seeded fixed-step solves differ from the recorded ones");
    }

    /**
     * The production configuration with a random seed and the local search ended after {@code steps} steps; the plan as
     * its score, then each line slot (id: quantity @ lot) and each team slot (id: team).
     */
    static List<String> seededPlan(SolverInput input, long seed, int steps) {
        AllocationSolution best = SolverFactory.<AllocationSolution>create(seededConfig(seed, steps)).buildSolver()
                .solve(AllocationProblemBuilder.build(input));
        List<String> plan = new ArrayList<>();
        plan.add(best.getScore().toString());
        for (NeedChunk c : best.getChunks()) {
            plan.add(c.getId() + ":" + c.getQuantity() + "@" + (c.getLot() == null ? "-" : c.getLot().getId()));
        }
        for (TeamSlot t : best.getSlots()) {
            plan.add(t.getId() + ":" + (t.getOption() == null ? "-" : t.getOption().getTeam().getId()));
        }
        return plan;
    }

    /** The production configuration with a random seed and the local search ended after {@code steps} steps. */
    static SolverConfig seededConfig(long seed, int steps) {
        SolverConfig config = AllocationSolverConfig.solverConfig().withTerminationConfig(new TerminationConfig());
        config.setRandomSeed(seed);
        var localSearch = config.getPhaseConfigList().get(config.getPhaseConfigList().size() - 1);
        localSearch.setTerminationConfig(new TerminationConfig().withStepCountLimit(steps));
        return config;
    }

    static String sha256(List<String> plan) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(String.join("\n", plan).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void dump(Case c, List<String> plan) throws IOException {
        String dir = System.getProperty("corridor.fingerprint.dump");
        if (dir != null && !dir.isBlank()) {
            Path out = Path.of(dir);
            Files.createDirectories(out);
            Files.write(out.resolve("plan-seed" + c.seed() + "-steps" + c.steps() + ".txt"), plan);
        }
    }
}
