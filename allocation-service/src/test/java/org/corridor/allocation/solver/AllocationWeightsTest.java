package org.corridor.allocation.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.corridor.allocation.solver.api.Priority;
import org.corridor.allocation.solver.api.SolverInput;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

class AllocationWeightsTest {

    @Test
    void knownNamesAreExactlyTheConstraintsOfTheProvider() {
        assertEquals(22, AllocationWeights.knownConstraintNames().size());
        assertTrue(AllocationWeights.knownConstraintNames().contains("Lot over-allocated"));
        assertTrue(AllocationWeights.knownConstraintNames().contains("Transport cost"));
        AllocationSolution solved = SolverTestSupport.solve(new InputBuilder().build()).solution();
        var analysis = PlanAnalyzer.analyze(solved, new InputBuilder().build());
        assertEquals(AllocationWeights.knownConstraintNames(),
                analysis.constraints().stream().map(c -> c.name()).collect(java.util.stream.Collectors.toCollection(
                        java.util.LinkedHashSet::new)));
    }

    @Test
    void defaultsSitOnTheirLevels() {
        AllocationWeights w = AllocationWeights.defaults();
        assertEquals(HardMediumSoftLongScore.ofHard(1), w.score(AllocationWeights.EARMARK_VIOLATED));
        assertEquals(HardMediumSoftLongScore.ofMedium(1000), w.score(AllocationWeights.UNMET_CRITICAL));
        assertEquals(HardMediumSoftLongScore.ofMedium(100), w.score(AllocationWeights.UNMET_HIGH));
        assertEquals(HardMediumSoftLongScore.ofMedium(10), w.score(AllocationWeights.UNMET_MEDIUM));
        assertEquals(HardMediumSoftLongScore.ofMedium(1), w.score(AllocationWeights.UNMET_LOW));
        assertEquals(HardMediumSoftLongScore.ofSoft(1), w.score(AllocationWeights.TRANSPORT_COST));
        AllocationConstraintConfiguration c = w.toConfiguration();
        assertEquals(HardMediumSoftLongScore.ofSoft(100), c.getTeamArrivalTime());
    }

    @Test
    void overridesReplaceOnlyTheNamedWeights() {
        AllocationWeights w = AllocationWeights.defaults()
                .withOverrides(Map.of("Transport cost", 5L, "Unmet LOW need", 0L));
        assertEquals(5, w.weight("Transport cost"));
        assertEquals(0, w.weight("Unmet LOW need"));
        assertEquals(1000, w.weight("Unmet CRITICAL need"));
        assertEquals(HardMediumSoftLongScore.ofSoft(5), w.toConfiguration().getTransportCost());
    }

    @Test
    void unknownOrNegativeWeightsAreRejected() {
        AllocationWeights d = AllocationWeights.defaults();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> d.withOverrides(Map.of("transport cost", 5L)));
        assertTrue(e.getMessage().contains("Unknown constraint name 'transport cost'"));
        assertThrows(IllegalArgumentException.class, () -> d.withOverrides(Map.of("Transport cost", -1L)));
        assertEquals(Set.of("nope"), AllocationWeights.unknownNames(Set.of("nope", "Late delivery")));
    }

    @Test
    void builderRejectsUnknownWeightNames() {
        SolverInput input = new InputBuilder().weight("Cheapest first", 3).build();
        assertThrows(IllegalArgumentException.class, () -> AllocationProblemBuilder.build(input));
    }

    @Test
    void aRequestWeightChangesThePlan() {
        // LOW need far away by air: by default the plan serves it (medium beats soft) ...
        InputBuilder b = new InputBuilder();
        var site = b.site("Dadu", "PAK", 26.73, 67.78);
        UUID need = b.need(site, "BLANKET", 100, Priority.LOW);
        b.lot("UNHRD-PTY", "PAN", 8.98, -79.52, "BLANKET", 100);
        SolverInput byDefault = b.build();
        assertEquals(1, SolverTestSupport.solve(byDefault).outcome().lines().size());

        // ... but with unmet LOW needs (and site fairness) weighing nothing, the long flight is not worth it.
        SolverInput overridden = b.weight("Unmet LOW need", 0).weight("Unfair unmet share per site", 0).build();
        var plan = SolverTestSupport.solve(overridden).outcome();
        assertEquals(0, plan.lines().size());
        assertEquals(100,
                plan.unmet().stream().filter(u -> need.equals(u.needId())).findFirst().orElseThrow().quantity());
    }
}
