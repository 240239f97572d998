package org.corridor.allocation.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.corridor.allocation.solver.api.PlanAnalysis;
import org.corridor.allocation.solver.api.PlanOutcome;
import org.corridor.allocation.solver.api.SolverInput;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.impl.solver.DefaultSolver;

/** A generated medium instance (50 depots, 20 items, 5 sites, 50 teams) solves to a sound, feasible plan. */
class MediumInstanceTest {

    @Test
    void generatorIsReproducible() {
        SolverInput a = new InstanceGenerator(42).generate(50, 20, 50);
        SolverInput b = new InstanceGenerator(42).generate(50, 20, 50);
        assertEquals(a, b);
        Set<String> depots = a.lots().stream().map(SolverInput.LotFact::depotCode).collect(Collectors.toSet());
        assertEquals(50, depots.size());
        assertTrue(depots.containsAll(InstanceGenerator.UNHRD.stream().map(Places.Place::code).toList()));
        assertEquals(20, a.needs().stream().map(SolverInput.NeedFact::itemCode).distinct().count() == 20
                ? 20
                : a.lots().stream().map(SolverInput.LotFact::itemCode).distinct().count());
        assertEquals(5, a.needs().stream().map(SolverInput.NeedFact::siteId).distinct().count());
        assertEquals(50, a.teams().size());
    }

    /**
     * The same problem and random seed give the same plan (OptaPlanner's REPRODUCIBLE mode), so a plan can be
     * reproduced to explain it: steps are counted, not timed, and move selection must not depend on identity hash order
     * (it did: the route rebuild's route numbering followed an identity map).
     */
    @Test
    void seededSolvesAreReproducible() {
        SolverInput input = new InstanceGenerator(42).generate(50, 20, 50);
        List<String> first = seededPlan(input, 7L);
        List<String> second = seededPlan(input, 7L);
        assertEquals(first.size(), second.size());
        for (int i = 0; i < first.size(); i++) {
            // score first, then each slot: the first difference is the message
            assertEquals(first.get(i), second.get(i), "entry " + i + " of the plan (0 = score)");
        }
        assertFalse(first.equals(seededPlan(input, 8L)), "another seed takes other steps");
    }

    private static List<String> seededPlan(SolverInput input, long seed) {
        return SeededPlanFingerprintTest.seededPlan(input, seed, 2_000);
    }

    @Test
    void mediumInstanceSolvesToAFeasibleSoundPlan() {
        SolverInput input = new InstanceGenerator(42).generate(50, 20, 50);
        AllocationSolution problem = AllocationProblemBuilder.build(input);
        Solver<AllocationSolution> solver = AllocationSolverConfig
                .solverFactory(Duration.ofSeconds(15), Duration.ofSeconds(5)).buildSolver();

        AllocationSolution best = solver.solve(problem);

        var scope = ((DefaultSolver<AllocationSolution>) solver).getSolverScope();
        System.out.printf("MEDIUM INSTANCE: %d needs, %d team needs, %d lots, %d teams -> %d chunks, %d slots; "
                + "score %s; score calculation speed %d/s (%d calculations in %d ms)%n",
                input.needs().size(), input.teamNeeds().size(), input.lots().size(), input.teams().size(),
                problem.getChunks().size(), problem.getSlots().size(), best.getScore(),
                scope.getScoreCalculationSpeed(), scope.getScoreCalculationCount(), scope.getTimeMillisSpent());

        // the slot invariant survives the moves: each need's slots still hold exactly its quantity, no
        // slot is negative, and an empty slot is on no lot
        Map<MaterialNeed, Integer> held = new HashMap<>();
        for (NeedChunk c : best.getChunks()) {
            assertTrue(c.getQuantity() >= 0, c.toString());
            assertTrue(c.getQuantity() > 0 || c.getLot() == null, c.toString());
            held.merge(c.getNeed(), c.getQuantity(), Integer::sum);
        }
        best.getNeeds().forEach(n -> assertEquals(n.getQuantity(), held.get(n), n.toString()));

        PlanOutcome plan = OutcomeExtractor.extract(best, input);
        plan.unmet().forEach(u -> System.out.println("UNMET " + u.reason()));
        assertTrue(plan.feasible(), plan.score());
        assertEquals(0, plan.hardScore());
        assertEquals(List.of(), PlanChecker.violations(input, plan));
        assertFalse(plan.lines().isEmpty());
        assertFalse(plan.teamAssignments().isEmpty());

        // Every need is either fully sent or listed as unmet with the exact missing quantity and a reason.
        Map<UUID, Integer> sent = new HashMap<>();
        plan.lines().forEach(l -> sent.merge(l.needId(), l.quantity(), Integer::sum));
        Map<UUID, PlanOutcome.Unmet> unmet = plan.unmet().stream().filter(u -> u.needId() != null)
                .collect(Collectors.toMap(PlanOutcome.Unmet::needId, u -> u));
        for (SolverInput.NeedFact n : input.needs()) {
            int missing = n.quantity() - sent.getOrDefault(n.needId(), 0);
            if (missing == 0) {
                assertFalse(unmet.containsKey(n.needId()));
            } else {
                assertEquals(missing, unmet.get(n.needId()).quantity());
                assertTrue(unmet.get(n.needId()).reason().startsWith(missing + " of " + n.quantity() + " "));
            }
        }

        PlanAnalysis analysis = PlanAnalyzer.analyze(best, input);
        analysis.constraints().forEach(c -> System.out.printf("CONSTRAINT %-30s %-6s %-28s matches %d%n", c.name(),
                c.level(), c.score(), c.matchCount()));
        assertEquals(plan.score(), analysis.score());
        assertEquals(AllocationWeights.knownConstraintNames().size(), analysis.constraints().size());
        assertTrue(analysis.constraints().stream().filter(c -> c.level().equals("HARD"))
                .allMatch(c -> c.matchCount() == 0));
        long mediumTotal = analysis.constraints().stream()
                .mapToLong(c -> org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore
                        .parseScore(c.score()).mediumScore())
                .sum();
        assertEquals(plan.mediumScore(), mediumTotal);
    }
}
