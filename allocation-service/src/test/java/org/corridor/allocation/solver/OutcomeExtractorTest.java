package org.corridor.allocation.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.corridor.allocation.solver.api.PlanAnalysis;
import org.corridor.allocation.solver.api.PlanOutcome;
import org.corridor.allocation.solver.api.Priority;
import org.corridor.allocation.solver.api.SolverInput;
import org.corridor.allocation.solver.api.TransportMode;
import org.junit.jupiter.api.Test;

class OutcomeExtractorTest {

    @Test
    void linesAreAggregatedPerNeedAndLotWithDepartureAndArrivalFromPlanStart() {
        InputBuilder b = new InputBuilder();
        var antakya = b.site("Antakya", "TUR", 36.20, 36.16);
        UUID need = b.need(antakya, "TENT-FAM", 500, Priority.HIGH);
        UUID adana = b.lot("TUR-ADA", "TUR", 37.00, 35.32, "TENT-FAM", 500);
        SolverInput input = b.build();

        AllocationSolution s = AllocationProblemBuilder.build(input);
        Lot lot = s.getLots().get(0);
        s.getChunks().forEach(c -> c.setLot(lot)); // every chunk from the one lot
        PlanOutcome plan = OutcomeExtractor.extract(s, input);

        assertEquals(1, plan.lines().size());
        PlanOutcome.Line line = plan.lines().get(0);
        assertEquals(need, line.needId());
        assertEquals(adana, line.lotId());
        assertEquals(500, line.quantity());
        assertEquals("TUR", line.originCountryCode());
        assertEquals(TransportMode.ROAD, line.mode());
        assertEquals(InputBuilder.T0, line.departsAt());
        assertEquals(InputBuilder.T0.plus(s.getRoutes().get(0).getLeadTime()), line.arrivesAt());
        assertEquals(List.of(), plan.unmet());
    }

    @Test
    void teamArrivalIsPlanStartPlusMobilisationPlusTravel() {
        InputBuilder b = new InputBuilder();
        var antakya = b.site("Antakya", "TUR", 36.20, 36.16);
        UUID tn = b.teamNeed(antakya, "EMT_TYPE_2", 1);
        UUID team = b.team("NOR EMT", "NOR", "EMT_TYPE_2", 59.91, 10.75, 12);
        SolverInput input = b.build();

        PlanOutcome plan = SolverTestSupport.solve(input).outcome();

        assertEquals(1, plan.teamAssignments().size());
        PlanOutcome.TeamAssignment a = plan.teamAssignments().get(0);
        assertEquals(tn, a.teamNeedId());
        assertEquals(team, a.teamId());
        double km = TransportModel.greatCircleKm(59.91, 10.75, 36.20, 36.16);
        assertEquals(InputBuilder.T0.plus(Duration.ofHours(12)).plus(Duration.ofMinutes(Math.round(km / 700 * 60))),
                a.arrivesAt());
    }

    @Test
    void unsolvedSolutionHasNoScoreButStillListsUnmet() {
        InputBuilder b = new InputBuilder();
        var antakya = b.site("Antakya", "TUR", 36.20, 36.16);
        b.need(antakya, "BLANKET", 10, Priority.LOW);
        SolverInput input = b.build();
        PlanOutcome plan = OutcomeExtractor.extract(AllocationProblemBuilder.build(input), input);
        assertEquals(null, plan.score());
        assertEquals(false, plan.feasible());
        assertEquals("10 of 10 Blanket unmet: no lot of this item is available", plan.unmet().get(0).reason());
    }

    @Test
    void analysisGivesScorePerConstraintWithMatchCountsAndReasons() {
        InputBuilder b = new InputBuilder();
        var aleppo = b.site("Aleppo", "SYR", 36.20, 37.13);
        UUID need = b.need(aleppo, "TENT-FAM", 500, Priority.CRITICAL);
        b.lot("TUR-GAZ", "TUR", 37.07, 37.38, "TENT-FAM", 320);
        SolverInput input = b.build();
        AllocationSolution best = SolverTestSupport.solve(input).solution();

        PlanAnalysis analysis = PlanAnalyzer.analyze(best, input, AllocationSolverConfig.solutionManager());

        assertEquals(best.getScore().toString(), analysis.score());
        PlanAnalysis.ConstraintScore unmet = analysis.constraints().stream()
                .filter(c -> c.name().equals("Unmet CRITICAL need")).findFirst().orElseThrow();
        assertEquals("MEDIUM", unmet.level());
        assertTrue(unmet.matchCount() > 0);
        // 180 of 500 unmet = 3,600 basis points x 1,000
        assertEquals("0hard/-3600000medium/0soft", unmet.score());
        PlanAnalysis.ConstraintScore cost = analysis.constraints().stream()
                .filter(c -> c.name().equals("Transport cost")).findFirst().orElseThrow();
        assertEquals(1, cost.matchCount());
        assertEquals(1, analysis.unmet().size());
        assertEquals(need, analysis.unmet().get(0).needId());
        assertTrue(
                analysis.unmet().get(0).reason()
                        .startsWith("180 of 500 Family tent unmet: only 320 usable units exist"),
                analysis.unmet().get(0).reason());
    }
}
