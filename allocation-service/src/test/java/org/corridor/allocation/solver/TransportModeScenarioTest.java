package org.corridor.allocation.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.corridor.allocation.solver.api.AppliesTo;
import org.corridor.allocation.solver.api.CountryGeography;
import org.corridor.allocation.solver.api.PlanOutcome;
import org.corridor.allocation.solver.api.Priority;
import org.corridor.allocation.solver.api.SolverInput;
import org.corridor.allocation.solver.api.TransportMode;
import org.junit.jupiter.api.Test;

/**
 * Scenarios of the transport modes as they are on the ground: which modes join two places (land, sea, air), access
 * rules per mode over the whole journey, the solver's choice of mode against cost and deadlines, and the USAR
 * stand-down.
 */
class TransportModeScenarioTest {

    // Las Palmas de Gran Canaria (UNHRD hub, a port), Agadir (a port), Iskenderun (a port), Gaziantep, Aleppo
    private static final double[] LAS_PALMAS = {28.10, -15.41};
    private static final double[] AGADIR = {30.42, -9.60};
    private static final double[] ISKENDERUN = {36.59, 36.17};

    private static Set<TransportMode> modesOf(PlanOutcome plan, UUID need) {
        return plan.lines().stream().filter(l -> l.needId().equals(need)).map(PlanOutcome.Line::mode)
                .collect(Collectors.toSet());
    }

    private static int sent(PlanOutcome plan, UUID need) {
        return plan.lines().stream().filter(l -> l.needId().equals(need)).mapToInt(PlanOutcome.Line::quantity).sum();
    }

    @Test
    void lasPalmasToAgadirIsNeverByRoadAlthoughSpainAndMoroccoShareALandBorder() {
        TransportModel model = new TransportModel(null, List.of());
        TransportModel.Place lasPalmas = new TransportModel.Place("ESP", LAS_PALMAS[0], LAS_PALMAS[1], true);
        TransportModel.Place agadir = new TransportModel.Place("MAR", AGADIR[0], AGADIR[1], true);
        TransportModel.Place madrid = new TransportModel.Place("ESP", 40.42, -3.70, false);
        assertTrue(CountryGeography.get().landAdjacent("ESP", "MAR"));
        assertEquals(List.of(TransportMode.AIR, TransportMode.SEA), model.modesBetween(lasPalmas, agadir));
        assertEquals(List.of(TransportMode.AIR), model.modesBetween(lasPalmas, madrid));

        InputBuilder b = new InputBuilder();
        var site = b.site("Agadir", "MAR", AGADIR[0], AGADIR[1]);
        UUID need = b.need(site, "HEB-CTN", 200, Priority.HIGH);
        b.lot("UNHRD-LPA", "ESP", LAS_PALMAS[0], LAS_PALMAS[1], "HEB-CTN", 1000);
        SolverInput input = b.build();

        PlanOutcome plan = SolverTestSupport.solve(input).outcome();

        assertTrue(plan.feasible(), plan.score());
        assertEquals(200, sent(plan, need));
        assertEquals(Set.of(TransportMode.AIR), modesOf(plan, need));
        assertEquals(List.of(), PlanChecker.violations(input, plan));
    }

    @Test
    void aClosedLandBorderWithAnOpenSkyStillLetsAircraftThrough() {
        InputBuilder b = new InputBuilder();
        var aleppo = b.site("Aleppo", "SYR", 36.20, 37.13);
        UUID need = b.need(aleppo, "HEB-CTN", 300, Priority.HIGH);
        UUID teamNeed = b.teamNeed(aleppo, "USAR_HEAVY", 1);
        b.lot("TUR-GAZ", "TUR", 37.07, 37.38, "HEB-CTN", 1000);
        UUID akut = b.team("AKUT", "TUR", "USAR_HEAVY", 37.07, 37.38, 4);
        b.rule("TUR", "SYR", "BORDER_CLOSED", AppliesTo.ALL, InputBuilder.T0.minus(Duration.ofDays(1)), null,
                Set.of(TransportMode.ROAD));
        SolverInput input = b.build();

        PlanOutcome plan = SolverTestSupport.solve(input).outcome();

        assertTrue(plan.feasible(), plan.score());
        assertEquals(300, sent(plan, need));
        assertEquals(Set.of(TransportMode.AIR), modesOf(plan, need));
        assertEquals(1, plan.teamAssignments().size());
        assertEquals(teamNeed, plan.teamAssignments().get(0).teamNeedId());
        assertEquals(akut, plan.teamAssignments().get(0).teamId());
        assertEquals(List.of(), plan.unmet());
        assertEquals(List.of(), PlanChecker.violations(input, plan));
    }

    @Test
    void aRuleStartingWhileTheTruckIsOnTheRoadForbidsTheTruck() {
        InputBuilder b = new InputBuilder();
        var aleppo = b.site("Aleppo", "SYR", 36.20, 37.13);
        // due in 5 days: by road it would arrive in about 14 h, by air in about 25 h, both in time
        UUID need = b.need(aleppo, "HEB-CTN", 300, Priority.HIGH, InputBuilder.T0.plus(Duration.ofDays(5)));
        b.lot("TUR-GAZ", "TUR", 37.07, 37.38, "HEB-CTN", 1000);
        // the land border closes 6 h after the trucks would leave
        UUID rule = b.rule("TUR", "SYR", "BORDER_CLOSED", AppliesTo.ALL, InputBuilder.T0.plus(Duration.ofHours(6)),
                null, Set.of(TransportMode.ROAD));
        SolverInput input = b.build();

        PlanOutcome plan = SolverTestSupport.solve(input).outcome();

        assertTrue(plan.feasible(), plan.score());
        assertEquals(300, sent(plan, need));
        assertEquals(Set.of(TransportMode.AIR), modesOf(plan, need));
        assertEquals(List.of(), PlanChecker.violations(input, plan));

        // with the sky closed too, nothing can go, and the reason names the rules and the modes they stop
        b.rule("TUR", "SYR", "EMBARGO", AppliesTo.ALL, InputBuilder.T0.minus(Duration.ofDays(1)), null,
                Set.of(TransportMode.AIR));
        PlanOutcome none = SolverTestSupport.solve(b.build()).outcome();
        assertEquals(0, sent(none, need));
        String reason = none.unmet().get(0).reason();
        assertTrue(reason.contains("a closed border from TUR to SYR (rule " + rule + ", for ROAD)"), reason);
        assertTrue(reason.contains("an embargo on SYR (from TUR) (rule "), reason);
        assertTrue(reason.contains(", for AIR)"), reason);
    }

    @Test
    void aLowDistantNonUrgentNeedSailsWhileACriticalOneFlies() {
        InputBuilder b = new InputBuilder();
        var port = b.port("Iskenderun", "TUR", ISKENDERUN[0], ISKENDERUN[1]);
        // ~4,000 km from the Canary Islands: no road; by sea ~10.5 days, by air ~30 h
        UUID tents = b.need(port, "TENT-FAM", 5000, Priority.LOW, InputBuilder.T0.plus(Duration.ofDays(30)));
        UUID food = b.need(port, "HEB-CTN", 500, Priority.CRITICAL, InputBuilder.T0.plus(Duration.ofHours(48)));
        b.portLot("UNHRD-LPA", "ESP", LAS_PALMAS[0], LAS_PALMAS[1], "TENT-FAM", 6000);
        b.portLot("UNHRD-LPA", "ESP", LAS_PALMAS[0], LAS_PALMAS[1], "HEB-CTN", 1000);
        SolverInput input = b.build();

        PlanOutcome plan = SolverTestSupport.solve(input).outcome();

        assertTrue(plan.feasible(), plan.score());
        assertEquals(5000, sent(plan, tents));
        assertEquals(500, sent(plan, food));
        // 275 t of tents: one ship (50 per km over 1.3 x the distance) costs less than 7 aircraft
        assertEquals(Set.of(TransportMode.SEA), modesOf(plan, tents));
        // the ship arrives in ~10 days, far too late for food due in 48 h
        assertEquals(Set.of(TransportMode.AIR), modesOf(plan, food));
        assertFalse(plan.lines().stream().anyMatch(l -> l.mode() == TransportMode.ROAD));
        assertEquals(List.of(), PlanChecker.violations(input, plan));
    }

    @Test
    void theDemosSeaRouteBrindisiToJablehCarriesTheRations() {
        // the demo's figures (demo/kahramanmaras-2023): 30,000 monthly rations (16.65 kg) for Jableh, LOW, due in
        // 30 days; Brindisi (a port, no road to Syria) holds 30,000; Istanbul (road) has 6,000 to spare, Riyadh
        // (air only) 15,000
        InputBuilder b = new InputBuilder();
        var jableh = b.port("Jableh (Latakia)", "SYR", 35.3609, 35.9256);
        UUID rations = b.need(jableh, "FOOD-RATION", 30000, Priority.LOW, InputBuilder.T0.plus(Duration.ofDays(30)));
        UUID brindisi = b.portLot("UNHRD-BRI", "ITA", 40.645, 17.941, "FOOD-RATION", 30000);
        b.lot("KIZILAY-IST", "TUR", 41.008, 28.978, "FOOD-RATION", 6000);
        b.lot("KSR-RUH", "SAU", 24.71, 46.68, "FOOD-RATION", 15000);
        SolverInput input = b.build();

        PlanOutcome plan = SolverTestSupport.solve(input).outcome();

        assertTrue(plan.feasible(), plan.score());
        assertEquals(30000, sent(plan, rations));
        int bySea = plan.lines().stream().filter(l -> l.lotId().equals(brindisi) && l.mode() == TransportMode.SEA)
                .mapToInt(PlanOutcome.Line::quantity).sum();
        assertTrue(bySea >= 20000, "by sea from Brindisi: " + bySea + " of " + plan.lines());
        assertEquals(List.of(), PlanChecker.violations(input, plan));
    }

    @Test
    void twoItemsFromOneDepotAreBothSent() {
        InputBuilder b = new InputBuilder();
        var aleppo = b.site("Aleppo", "SYR", 36.20, 37.16);
        UUID tents = b.need(aleppo, "TENT-FAM", 700, Priority.CRITICAL, InputBuilder.T0.plus(Duration.ofDays(6)));
        UUID blankets = b.need(aleppo, "BLANKET", 1000, Priority.HIGH, InputBuilder.T0.plus(Duration.ofDays(6)));
        b.lot("US-HOU", "USA", 29.76, -95.36, "TENT-FAM", 1000);
        b.lot("TR-GAZ", "TUR", 37.07, 37.38, "TENT-FAM", 300);
        b.lot("UNHRD-DXB", "ARE", 25.20, 55.27, "TENT-FAM", 200);
        b.lot("TR-GAZ", "TUR", 37.07, 37.38, "BLANKET", 5000);
        b.embargo("USA", "SYR", AppliesTo.MATERIALS);
        SolverInput input = b.build();

        PlanOutcome plan = SolverTestSupport.solve(input).outcome();

        assertTrue(plan.feasible(), plan.score());
        assertEquals(500, sent(plan, tents), plan.lines().toString());
        assertEquals(1000, sent(plan, blankets), plan.lines() + " " + plan.unmet());
    }

    @Test
    void aUsarNeedPastItsStandDownIsNotPlannedAndSaysSo() {
        InputBuilder b = new InputBuilder();
        var antakya = b.site("Antakya", "TUR", 36.20, 36.16);
        // struck 11 days ago: USAR teams stood down after 10 days
        UUID late = b.teamNeed(antakya, "USAR_HEAVY", 1, InputBuilder.T0.minus(Duration.ofDays(11)),
                InputBuilder.T0.minus(Duration.ofDays(1)));
        var gaziantep = b.site("Gaziantep", "TUR", 37.07, 37.38);
        // struck 1 day ago: still in time
        UUID fresh = b.teamNeed(gaziantep, "USAR_HEAVY", 1, InputBuilder.T0.minus(Duration.ofDays(1)),
                InputBuilder.T0.plus(Duration.ofDays(9)));
        b.team("THW", "DEU", "USAR_HEAVY", 50.11, 8.68, 10);
        b.team("ISAR", "DEU", "USAR_HEAVY", 50.11, 8.68, 10);
        SolverInput input = b.build();

        PlanOutcome plan = SolverTestSupport.solve(input).outcome();

        assertEquals(List.of(fresh), plan.teamAssignments().stream().map(PlanOutcome.TeamAssignment::teamNeedId)
                .toList());
        PlanOutcome.Unmet unmet = plan.unmet().stream().filter(u -> late.equals(u.teamNeedId())).findFirst()
                .orElseThrow();
        assertTrue(unmet.reason().contains("stood down"), unmet.reason());
    }
}
