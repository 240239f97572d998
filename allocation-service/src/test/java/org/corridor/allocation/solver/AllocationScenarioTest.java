package org.corridor.allocation.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.corridor.allocation.solver.SolverTestSupport.Solved;
import org.corridor.allocation.solver.api.AppliesTo;
import org.corridor.allocation.solver.api.PlanOutcome;
import org.corridor.allocation.solver.api.Priority;
import org.corridor.allocation.solver.api.SolverInput;
import org.junit.jupiter.api.Test;

/** Whole-solver tests on small instances, asserting on the plan officers would see. */
class AllocationScenarioTest {

    private static void assertStartsWith(String prefix, String actual) {
        assertTrue(actual.startsWith(prefix), () -> "expected to start with <" + prefix + "> but was <" + actual + ">");
    }

    private static void assertContains(String part, String actual) {
        assertTrue(actual.contains(part), () -> "expected to contain <" + part + "> but was <" + actual + ">");
    }

    private static void assertBetween(int low, int high, int actual) {
        assertTrue(actual >= low && actual <= high, () -> actual + " not in [" + low + ", " + high + "]");
    }

    private static int sent(PlanOutcome plan, UUID needId) {
        return plan.lines().stream().filter(l -> l.needId().equals(needId)).mapToInt(PlanOutcome.Line::quantity).sum();
    }

    private static int sentFrom(PlanOutcome plan, UUID lotId) {
        return plan.lines().stream().filter(l -> l.lotId().equals(lotId)).mapToInt(PlanOutcome.Line::quantity).sum();
    }

    private static void assertAssigned(PlanOutcome plan, UUID team, UUID teamNeed) {
        assertTrue(
                plan.teamAssignments().stream()
                        .anyMatch(a -> a.teamId().equals(team) && a.teamNeedId().equals(teamNeed)),
                () -> team + " not sent to " + teamNeed + ": " + plan.teamAssignments());
    }

    private static PlanOutcome.Unmet unmetOf(PlanOutcome plan, UUID id) {
        return plan.unmet().stream().filter(u -> id.equals(u.needId()) || id.equals(u.teamNeedId())).findFirst()
                .orElseThrow(() -> new AssertionError("no unmet entry for " + id + " in " + plan.unmet()));
    }

    @Test
    void sanctionsOnTheNearbyDepotRouteSuppliesAroundIt() {
        InputBuilder b = new InputBuilder();
        var aleppo = b.site("Aleppo", "SYR", 36.20, 37.13);
        UUID need = b.need(aleppo, "TENT-FAM", 500, Priority.CRITICAL);
        UUID gaziantep = b.lot("TUR-GAZ", "TUR", 37.07, 37.38, "TENT-FAM", 2000);
        UUID amman = b.lot("JOR-AMM", "JOR", 31.95, 35.93, "TENT-FAM", 800);
        b.embargo("TUR", "SYR", AppliesTo.MATERIALS);
        SolverInput input = b.build();

        PlanOutcome plan = SolverTestSupport.solve(input).outcome();

        assertTrue(plan.feasible());
        assertEquals(0, sentFrom(plan, gaziantep));
        assertEquals(500, sentFrom(plan, amman));
        assertEquals(500, sent(plan, need));
        assertEquals(List.of(), plan.unmet());
        assertEquals(List.of(), PlanChecker.violations(input, plan));
    }

    @Test
    void sanctionsOnTheOnlyStockLeaveTheNeedUnmetWithTheEmbargoAsReason() {
        InputBuilder b = new InputBuilder();
        var aleppo = b.site("Aleppo", "SYR", 36.20, 37.13);
        UUID need = b.need(aleppo, "TENT-FAM", 500, Priority.CRITICAL);
        b.lot("ITA-BRI", "ITA", 40.63, 17.94, "TENT-FAM", 320);
        b.lot("ITA-BRI", "ITA", 40.63, 17.94, "TENT-FAM", 400);
        b.embargo("ITA", "SYR", AppliesTo.ALL);
        SolverInput input = b.build();

        PlanOutcome plan = SolverTestSupport.solve(input).outcome();

        assertTrue(plan.feasible());
        assertEquals(List.of(), plan.lines());
        PlanOutcome.Unmet unmet = unmetOf(plan, need);
        assertEquals(500, unmet.quantity());
        // the reason names the rule and the mode it stops (Italy to Syria: only by air)
        assertEquals("500 of 500 Family tent unmet: the only stock in range is in depot ITA-BRI, "
                + "blocked by an embargo on SYR (from ITA) (rule " + input.accessRules().get(0).ruleId()
                + ", for AIR)", unmet.reason());
    }

    @Test
    void embargoIsHonouredEvenWhenTheSolverMaySeeTheBlockedLots() {
        // Without pruning the blocked supply is in the value range; only the hard constraint keeps it out.
        InputBuilder b = new InputBuilder();
        var aleppo = b.site("Aleppo", "SYR", 36.20, 37.13);
        UUID need = b.need(aleppo, "TENT-FAM", 300, Priority.CRITICAL);
        UUID gaziantep = b.lot("TUR-GAZ", "TUR", 37.07, 37.38, "TENT-FAM", 2000);
        UUID amman = b.lot("JOR-AMM", "JOR", 31.95, 35.93, "TENT-FAM", 200);
        b.embargo("TUR", "SYR", AppliesTo.MATERIALS);
        SolverInput input = b.build();

        AllocationSolution problem = AllocationProblemBuilder.build(input,
                new AllocationProblemBuilder.Options(96, false));
        assertEquals(2, problem.getChunks().get(0).getCandidates().size());
        AllocationSolution best = AllocationSolverConfig.solverFactory(java.time.Duration.ofSeconds(10),
                java.time.Duration.ofSeconds(1)).buildSolver().solve(problem);
        PlanOutcome plan = OutcomeExtractor.extract(best, input);

        assertEquals(0, plan.hardScore());
        assertEquals(0, sentFrom(plan, gaziantep));
        assertEquals(200, sentFrom(plan, amman));
        assertEquals(100, unmetOf(plan, need).quantity());
        assertStartsWith("100 of 300 Family tent unmet: only 200 usable units exist", unmetOf(plan, need).reason());
        assertContains("TUR-GAZ blocked by an embargo on SYR", unmetOf(plan, need).reason());
    }

    @Test
    void criticalNeedWinsScarceStockOverHighNeedElsewhere() {
        InputBuilder b = new InputBuilder();
        var antakya = b.site("Antakya", "TUR", 36.20, 36.16);
        var aleppo = b.site("Aleppo", "SYR", 36.20, 37.13);
        UUID high = b.need(antakya, "HYG-KIT", 400, Priority.HIGH);
        UUID critical = b.need(aleppo, "HYG-KIT", 400, Priority.CRITICAL);
        b.lot("TUR-ADA", "TUR", 37.00, 35.32, "HYG-KIT", 300);
        b.lot("JOR-AMM", "JOR", 31.95, 35.93, "HYG-KIT", 200);
        SolverInput input = b.build();

        PlanOutcome plan = SolverTestSupport.solve(input).outcome();

        assertTrue(plan.feasible());
        assertEquals(400, sent(plan, critical));
        assertEquals(100, sent(plan, high));
        PlanOutcome.Unmet unmet = unmetOf(plan, high);
        assertEquals(300, unmet.quantity());
        assertStartsWith("300 of 400 Hygiene kit unmet: outranked by CRITICAL needs elsewhere (Aleppo", unmet.reason());
        assertEquals(List.of(), PlanChecker.violations(input, plan));
    }

    @Test
    void scarceStockIsSharedBetweenEqualPrioritySitesInsteadOfStarvingOne() {
        InputBuilder b = new InputBuilder();
        var antakya = b.site("Antakya", "TUR", 36.20, 36.16);
        var aleppo = b.site("Aleppo", "SYR", 36.20, 37.13);
        UUID a = b.need(antakya, "BLANKET", 400, Priority.HIGH);
        UUID c = b.need(aleppo, "BLANKET", 400, Priority.HIGH);
        b.lot("TUR-GAZ", "TUR", 37.07, 37.38, "BLANKET", 400);
        SolverInput input = b.build();

        PlanOutcome plan = SolverTestSupport.solve(input).outcome();

        assertEquals(400, sent(plan, a) + sent(plan, c));
        assertBetween(150, 250, sent(plan, a));
        assertBetween(150, 250, sent(plan, c));
    }

    @Test
    void lotThatWouldArriveExpiredIsNotSentAndTheShortDatedUsableLotGoesFirst() {
        // Arrival by air from Dubai ~27 h, by road from Adana ~15 h; margin 2 days; planFrom 6 Feb 06:00.
        InputBuilder b = new InputBuilder();
        var antakya = b.site("Antakya", "TUR", 36.20, 36.16);
        UUID need = b.need(antakya, "HEB-CTN", 100, Priority.HIGH);
        UUID dubaiExpiring = b.lot("ARE-DXB", "ARE", 25.20, 55.27, "HEB-CTN", 500, LocalDate.of(2026, 2, 9), Set.of(),
                Set.of());
        UUID adanaShort = b.lot("TUR-ADA", "TUR", 37.00, 35.32, "HEB-CTN", 60, LocalDate.of(2026, 2, 9), Set.of(),
                Set.of());
        UUID adanaLong = b.lot("TUR-ADA", "TUR", 37.00, 35.32, "HEB-CTN", 20, LocalDate.of(2027, 2, 9), Set.of(),
                Set.of());
        SolverInput input = b.build();

        PlanOutcome plan = SolverTestSupport.solve(input).outcome();

        assertTrue(plan.feasible());
        assertEquals(0, sentFrom(plan, dubaiExpiring));
        assertEquals(60, sentFrom(plan, adanaShort));
        assertEquals(20, sentFrom(plan, adanaLong));
        PlanOutcome.Unmet unmet = unmetOf(plan, need);
        assertEquals(20, unmet.quantity());
        assertContains("ARE-DXB would expire (on 2026-02-09) before arrival plus the 2-day margin", unmet.reason());
        assertEquals(List.of(), PlanChecker.violations(input, plan));
    }

    @Test
    void fefoPrefersTheLotExpiringFirstWhenBothArriveInTime() {
        InputBuilder b = new InputBuilder();
        var antakya = b.site("Antakya", "TUR", 36.20, 36.16);
        b.need(antakya, "ORS-SACHET", 1000, Priority.MEDIUM);
        UUID shortDated = b.lot("TUR-ADA", "TUR", 37.00, 35.32, "ORS-SACHET", 1000, LocalDate.of(2026, 3, 1), Set.of(),
                Set.of());
        UUID longDated = b.lot("TUR-ADA", "TUR", 37.00, 35.32, "ORS-SACHET", 1000, LocalDate.of(2027, 12, 1), Set.of(),
                Set.of());
        SolverInput input = b.build();

        PlanOutcome plan = SolverTestSupport.solve(input).outcome();

        assertEquals(1000, sentFrom(plan, shortDated));
        assertEquals(0, sentFrom(plan, longDated));
    }

    @Test
    void whenEveryLotWouldExpireTheReasonSaysSo() {
        InputBuilder b = new InputBuilder();
        var antakya = b.site("Antakya", "TUR", 36.20, 36.16);
        UUID need = b.need(antakya, "HEB-CTN", 100, Priority.HIGH);
        b.lot("ARE-DXB", "ARE", 25.20, 55.27, "HEB-CTN", 500, LocalDate.of(2026, 2, 8), Set.of(), Set.of());
        SolverInput input = b.build();

        PlanOutcome plan = SolverTestSupport.solve(input).outcome();

        assertEquals(List.of(), plan.lines());
        assertStartsWith("100 of 100 High-energy biscuits carton unmet: all eligible lots would expire before arrival",
                unmetOf(plan, need).reason());
    }

    @Test
    void teamsAreNeverDoubleBookedAndNeverCrossAnEmbargo() {
        InputBuilder b = new InputBuilder();
        var antakya = b.site("Antakya", "TUR", 36.20, 36.16);
        var aleppo = b.site("Aleppo", "SYR", 36.20, 37.13);
        var kahramanmaras = b.site("Kahramanmaras", "TUR", 37.58, 36.94);
        UUID n1 = b.teamNeed(antakya, "USAR_HEAVY", 2);
        UUID n2 = b.teamNeed(aleppo, "USAR_HEAVY", 2);
        UUID n3 = b.teamNeed(kahramanmaras, "USAR_HEAVY", 2);
        UUID usa = b.team("USAID Fairfax", "USA", "USAR_HEAVY", 38.85, -77.30, 10);
        b.team("THW", "DEU", "USAR_HEAVY", 50.11, 8.68, 10);
        b.team("Pompiers", "FRA", "USAR_HEAVY", 45.76, 4.84, 12);
        b.team("UAE USAR", "ARE", "USAR_HEAVY", 25.20, 55.27, 8);
        b.embargo("USA", "SYR", AppliesTo.ALL);
        SolverInput input = b.build();

        PlanOutcome plan = SolverTestSupport.solve(input).outcome();

        assertTrue(plan.feasible());
        List<UUID> teams = plan.teamAssignments().stream().map(PlanOutcome.TeamAssignment::teamId).toList();
        assertEquals(4, teams.size());
        assertEquals(4, Set.copyOf(teams).size(), "no team twice");
        assertFalse(plan.teamAssignments().stream().anyMatch(a -> a.teamId().equals(usa) && a.teamNeedId().equals(n2)));
        assertEquals(2, plan.unmet().stream().mapToInt(PlanOutcome.Unmet::quantity).sum());
        assertTrue(plan.unmet().stream().allMatch(u -> u.teamNeedId() != null && u.reason().contains("USAR_HEAVY")));
        assertEquals(List.of(), PlanChecker.violations(input, plan));
        assertTrue(List.of(n1, n2, n3).containsAll(plan.teamAssignments().stream()
                .map(PlanOutcome.TeamAssignment::teamNeedId).toList()));
    }

    @Test
    void teamNeedWithoutAnyTeamOfItsTypeExplainsWhy() {
        InputBuilder b = new InputBuilder();
        var aleppo = b.site("Aleppo", "SYR", 36.20, 37.13);
        UUID emt = b.teamNeed(aleppo, "EMT_TYPE_3", 1);
        UUID usar = b.teamNeed(aleppo, "USAR_MEDIUM", 1);
        b.team("USAID Fairfax", "USA", "USAR_MEDIUM", 38.85, -77.30, 10);
        b.embargo("USA", "SYR", AppliesTo.TEAMS);
        SolverInput input = b.build();

        PlanOutcome plan = SolverTestSupport.solve(input).outcome();

        assertEquals(List.of(), plan.teamAssignments());
        assertEquals("1 of 1 EMT_TYPE_3 teams unfilled: no AVAILABLE team of type EMT_TYPE_3",
                unmetOf(plan, emt).reason());
        assertEquals("1 of 1 USAR_MEDIUM teams unfilled: the only AVAILABLE team "
                + "of type USAR_MEDIUM, USAID Fairfax (USA), is blocked by an embargo on SYR (from USA) (rule "
                + input.accessRules().get(0).ruleId() + ", for AIR)", unmetOf(plan, usar).reason());
    }

    @Test
    void earmarksAreRespected() {
        InputBuilder b = new InputBuilder();
        var aleppo = b.site("Aleppo", "SYR", 36.20, 37.13, "EQ");
        var antakya = b.site("Antakya", "TUR", 36.20, 36.16, "EQ");
        UUID syrNeed = b.need(aleppo, "TARP-4X5", 300, Priority.CRITICAL);
        UUID turNeed = b.need(antakya, "TARP-4X5", 300, Priority.LOW);
        UUID forTurkey = b.lot("TUR-GAZ", "TUR", 37.07, 37.38, "TARP-4X5", 1000, null, Set.of("TUR"), Set.of());
        UUID forFloods = b.lot("TUR-ADA", "TUR", 37.00, 35.32, "TARP-4X5", 1000, null, Set.of(), Set.of("FL"));
        UUID free = b.lot("JOR-AMM", "JOR", 31.95, 35.93, "TARP-4X5", 100);
        SolverInput input = b.build();

        PlanOutcome plan = SolverTestSupport.solve(input).outcome();

        assertTrue(plan.feasible());
        assertEquals(0, sentFrom(plan, forFloods));
        assertFalse(plan.lines().stream().anyMatch(l -> l.lotId().equals(forTurkey) && l.needId().equals(syrNeed)));
        assertEquals(300, sent(plan, turNeed));
        assertEquals(100, sent(plan, syrNeed));
        assertEquals(100, sentFrom(plan, free));
        assertContains("earmarked for TUR", unmetOf(plan, syrNeed).reason());
        assertContains("earmarked for FL incidents", unmetOf(plan, syrNeed).reason());
        assertEquals(List.of(), PlanChecker.violations(input, plan));
    }

    /**
     * Each item is cheapest per unit from its own nearer depot (Dubai for tents, Rome for hygiene kits, both about
     * 2,100 km by air), which is how the construction starts, but one aircraft from Copenhagen (about 3,000 km) carries
     * both for less than two aircraft: the solver must drop two routes and open a third, which moving either line alone
     * makes worse first (a route rebuild does it in one move; the annealing can also get there in two).
     */
    @Test
    void oneDepotWithEverythingReplacesTwoNearerDepotsWhenThatSavesAVehicle() {
        InputBuilder b = new InputBuilder();
        var antakya = b.site("Antakya", "TUR", 36.20, 36.16);
        UUID tents = b.need(antakya, "TENT-FAM", 100, Priority.HIGH);
        UUID kits = b.need(antakya, "HYG-KIT", 100, Priority.HIGH);
        UUID dubaiTents = b.lot("ARE-DXB", "ARE", 25.20, 55.27, "TENT-FAM", 500);
        UUID romeKits = b.lot("ITA-ROM", "ITA", 41.90, 12.50, "HYG-KIT", 500);
        UUID copenhagenTents = b.lot("DNK-CPH", "DNK", 55.68, 12.57, "TENT-FAM", 500);
        UUID copenhagenKits = b.lot("DNK-CPH", "DNK", 55.68, 12.57, "HYG-KIT", 500);
        SolverInput input = b.build();

        Solved solved = SolverTestSupport.solve(input);
        PlanOutcome plan = solved.outcome();

        assertTrue(plan.feasible());
        assertEquals(100, sent(plan, tents));
        assertEquals(100, sent(plan, kits));
        assertEquals(0, sentFrom(plan, dubaiTents));
        assertEquals(0, sentFrom(plan, romeKits));
        assertEquals(100, sentFrom(plan, copenhagenTents));
        assertEquals(100, sentFrom(plan, copenhagenKits));
        assertEquals(1, plan.lines().stream().map(PlanOutcome.Line::depotId).distinct().count());
        assertEquals(List.of(), PlanChecker.violations(input, plan));
    }

    /**
     * Two sites far apart, two teams of one type: each goes where the sum of arrival hours is smallest (Athens to
     * Antakya by road, about 28 h; Tehran to Dadu by air, about 9 h), whichever slot the construction filled first; the
     * plan moves teams between sites (team exchanges) when it filled them the other way.
     */
    @Test
    void eachTeamGoesWhereTheSumOfArrivalHoursIsSmallest() {
        InputBuilder b = new InputBuilder();
        var antakya = b.site("Antakya", "TUR", 36.20, 36.16);
        var dadu = b.site("Dadu", "PAK", 26.73, 67.78);
        UUID atAntakya = b.teamNeed(antakya, "USAR_HEAVY", 1);
        UUID atDadu = b.teamNeed(dadu, "USAR_HEAVY", 1);
        UUID tehran = b.team("Tehran USAR", "IRN", "USAR_HEAVY", 35.69, 51.39, 6);
        UUID athens = b.team("Athens USAR", "GRC", "USAR_HEAVY", 37.98, 23.73, 6);
        SolverInput input = b.build();

        PlanOutcome plan = SolverTestSupport.solve(input).outcome();

        assertTrue(plan.feasible());
        assertEquals(List.of(), plan.unmet());
        assertAssigned(plan, athens, atAntakya);
        assertAssigned(plan, tehran, atDadu);
        assertEquals(List.of(), PlanChecker.violations(input, plan));
    }

    /**
     * Regression: with two team slots whose teams can never be exchanged (the United States team may not go to Syria,
     * the other team is already where it is needed), the team exchange moves found no move and the move iterator looped
     * forever, so a 5 s plan stayed SOLVING (seen in EndToEndIT). The solver must stop on time with both slots filled.
     */
    @Test
    @org.junit.jupiter.api.Timeout(value = 60, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void solvingStopsOnTimeWhenNoTeamExchangeIsPossible() {
        InputBuilder b = new InputBuilder();
        var antakya = b.site("Antakya", "TUR", 36.20, 36.16);
        var idlib = b.site("Idlib", "SYR", 35.93, 36.63);
        b.need(antakya, "TENT-FAM", 50, Priority.HIGH);
        b.lot("TUR-GAZ", "TUR", 37.07, 37.38, "TENT-FAM", 100);
        UUID atAntakya = b.teamNeed(antakya, "USAR_HEAVY", 1);
        UUID atIdlib = b.teamNeed(idlib, "USAR_HEAVY", 1);
        UUID usa = b.team("USAID Fairfax", "USA", "USAR_HEAVY", 38.85, -77.30, 10);
        UUID thw = b.team("THW", "DEU", "USAR_HEAVY", 50.11, 8.68, 10);
        b.embargo("USA", "SYR", AppliesTo.ALL);
        SolverInput input = b.build();

        PlanOutcome plan = SolverTestSupport.solve(input, java.time.Duration.ofSeconds(3), null).outcome();

        assertTrue(plan.feasible());
        assertEquals(List.of(), plan.unmet());
        assertAssigned(plan, usa, atAntakya);
        assertAssigned(plan, thw, atIdlib);
    }
}
