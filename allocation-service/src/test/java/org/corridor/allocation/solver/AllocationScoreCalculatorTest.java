package org.corridor.allocation.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.corridor.allocation.solver.api.SolverInput;
import org.corridor.allocation.solver.api.TransportMode;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolutionUpdatePolicy;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;

/**
 * The solver's hand-kept score ({@link AllocationScoreCalculator}) against its definition, the constraint streams of
 * {@link AllocationConstraintProvider} computed from scratch: random changes of every variable (lots, quantities,
 * modes, team options), including plans no move would make (over-allocated lots, double-booked teams, quantities that
 * do not add up to the need), on a generated instance with two incidents sharing items and a re-plan with released base
 * lines and base teams. ScoreCorruptionTest checks the same thing on the solver's own moves and their undos.
 */
class AllocationScoreCalculatorTest {

    private static final SolutionManager<AllocationSolution, HardMediumSoftLongScore> STREAMS = AllocationSolverConfig
            .solutionManager();

    /** Every lot of the item is a candidate, blocked, earmarked or expiring ones too: the hard terms get matches. */
    private static final AllocationProblemBuilder.Options UNPRUNED = new AllocationProblemBuilder.Options(16, false);

    private static HardMediumSoftLongScore streams(AllocationSolution plan) {
        return STREAMS.update(plan, SolutionUpdatePolicy.UPDATE_SCORE_ONLY);
    }

    private static java.util.Set<String> allBut(String... names) {
        java.util.Set<String> all = new java.util.TreeSet<>(AllocationWeights.knownConstraintNames());
        java.util.List.of(names).forEach(all::remove);
        return all;
    }

    /** What the generated instance has none of: routes too slow for its deadlines, lots near expiry. */
    private static final String[] NOT_IN_GENERATED = {AllocationWeights.LATE_DELIVERY,
            AllocationWeights.LOT_EXPIRES_BEFORE_ARRIVAL, AllocationWeights.TEAM_ACCESS_BLOCKED};

    /** Two incidents (an earthquake across TUR/SYR, a flood in PAK) that share items; teams with access rules. */
    private static SolverInput generated() {
        return new InstanceGenerator(11).generate(14, 20, 16);
    }

    /** The generated instance re-planned from an arbitrary base: a line on the first candidate lot of each need. */
    private static SolverInput replan(SolverInput input) {
        AllocationSolution problem = AllocationProblemBuilder.build(input);
        List<SolverInput.BaseLine> lines = new ArrayList<>();
        java.util.Set<java.util.UUID> seen = new java.util.HashSet<>();
        for (NeedChunk c : problem.getChunks()) {
            if (!c.getCandidates().isEmpty() && seen.add(c.getNeed().getId())) {
                lines.add(new SolverInput.BaseLine(c.getNeed().getId(), c.getCandidates().get(0).getId(),
                        Math.max(1, c.getNeed().getQuantity() / 2), false));
            }
        }
        List<SolverInput.BaseTeam> teams = new ArrayList<>();
        for (TeamSlot s : problem.getSlots()) {
            if (s.getIndex() == 0 && !s.getCandidates().isEmpty()) {
                teams.add(new SolverInput.BaseTeam(s.getTeamNeed().getId(), s.getCandidates().get(0).getTeam().getId(),
                        false));
            }
        }
        return input.withBase(lines, teams);
    }

    /**
     * Applies {@code steps} rounds of one to four random variable changes through the solver's score director and
     * compares its score with the streams' after each round; returns the constraints that had matches in the plans
     * sampled every 50 rounds (so that a test shows which terms it exercised).
     */
    private static java.util.Set<String> randomChanges(AllocationSolution plan, long seed, int steps) {
        InnerScoreDirector<AllocationSolution, HardMediumSoftLongScore> director = SolverTestSupport
                .scoreDirector(plan);
        AllocationSolution working = director.getWorkingSolution();
        assertEquals(streams(working), director.calculateScore(), "the score of the starting plan");
        Random random = new Random(seed);
        List<NeedChunk> chunks = working.getChunks();
        List<TeamSlot> slots = working.getSlots();
        TransportMode[] modes = TransportMode.values();
        java.util.Set<String> matched = new java.util.TreeSet<>();
        for (int step = 0; step < steps; step++) {
            for (int k = 1 + random.nextInt(4); k > 0; k--) {
                if (random.nextInt(5) == 0) {
                    TeamSlot s = slots.get(random.nextInt(slots.size()));
                    // any option of the problem, other needs' too: wrong team types get matches
                    List<TeamOption> options = working.getTeamOptions();
                    TeamOption o = options.isEmpty() || random.nextInt(4) == 0
                            ? null
                            : options.get(random.nextInt(options.size()));
                    director.beforeVariableChanged(s, "option");
                    s.setOption(o);
                    director.afterVariableChanged(s, "option");
                } else {
                    NeedChunk c = chunks.get(random.nextInt(chunks.size()));
                    switch (random.nextInt(3)) {
                        case 0 -> {
                            List<Lot> lots = c.getCandidates();
                            Lot lot = lots.isEmpty() || random.nextInt(5) == 0
                                    ? null
                                    : lots.get(random.nextInt(lots.size()));
                            director.beforeVariableChanged(c, "lot");
                            c.setLot(lot);
                            director.afterVariableChanged(c, "lot");
                        }
                        case 1 -> {
                            director.beforeVariableChanged(c, "quantity");
                            c.setQuantity(random.nextInt(c.getNeed().getQuantity() + 1));
                            director.afterVariableChanged(c, "quantity");
                        }
                        default -> {
                            director.beforeVariableChanged(c, "mode");
                            c.setMode(random.nextInt(4) == 0 ? null : modes[random.nextInt(modes.length)]);
                            director.afterVariableChanged(c, "mode");
                        }
                    }
                }
            }
            assertEquals(streams(working), director.calculateScore(), "after step " + step);
            if (step % 50 == 49) {
                STREAMS.explain(working).getConstraintMatchTotalMap().values().stream()
                        .filter(t -> t.getConstraintMatchCount() > 0).forEach(t -> matched.add(t.getConstraintName()));
            }
        }
        return matched;
    }

    @Test
    void equalsTheConstraintStreamsAfterRandomChanges() {
        AllocationSolution plan = AllocationProblemBuilder.build(generated(), UNPRUNED);
        assertTrue(plan.getChunks().stream().anyMatch(c -> c.getNeed().getItemIncidents() != null),
                "items shared by two incidents");
        java.util.Set<String> expected = allBut(NOT_IN_GENERATED);
        expected.removeAll(java.util.Set.of(AllocationWeights.PLAN_STABILITY, AllocationWeights.TEAM_PLAN_STABILITY));
        assertEquals(expected, randomChanges(plan, 1, 400));
    }

    @Test
    void equalsTheConstraintStreamsOnAReplanWithReleasedBase() {
        AllocationSolution plan = AllocationProblemBuilder.build(replan(generated()), UNPRUNED);
        assertTrue(plan.getChunks().stream().anyMatch(c -> c.getNeed().hasReleasedBase()), "released base lines");
        assertTrue(plan.getSlots().stream().anyMatch(s -> s.getTeamNeed().hasReleasedBaseTeams()),
                "released base teams");
        assertEquals(allBut(NOT_IN_GENERATED), randomChanges(plan, 2, 400));
    }

    /**
     * The small troubled instance (a 20 h deadline, lots close to expiry, an embargo on teams too) with per-request
     * weights, one of them zero.
     */
    @Test
    void usesTheSolutionsWeightsIncludingZeroAndOverrides() {
        AllocationSolution plan = AllocationProblemBuilder.build(ScoreCorruptionTest.smallTroubledInstance(), UNPRUNED);
        AllocationConstraintConfiguration weights = new AllocationConstraintConfiguration(AllocationWeights.defaults()
                .withOverrides(java.util.Map.of(AllocationWeights.TRANSPORT_COST, 0L, AllocationWeights.FEFO, 37L,
                        AllocationWeights.UNFAIR_SITE_SHARE, 3L)));
        plan.setConstraintConfiguration(weights);
        java.util.Set<String> matched = randomChanges(plan, 3, 400);
        assertEquals(allBut(AllocationWeights.PLAN_STABILITY, AllocationWeights.TEAM_PLAN_STABILITY,
                AllocationWeights.TRANSPORT_COST, AllocationWeights.UNMET_MEDIUM, AllocationWeights.LATE_TEAM_ARRIVAL),
                matched, "no MEDIUM need, no team deadline, and a zero weight: no matches in the explanation");
    }
}
