package org.corridor.allocation.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corridor.allocation.solver.api.AppliesTo;
import org.corridor.allocation.solver.api.Priority;
import org.corridor.allocation.solver.api.SolverInput;
import org.corridor.allocation.solver.api.SolverInput.RouteOverride;
import org.corridor.allocation.solver.api.TransportMode;
import org.junit.jupiter.api.Test;

class AllocationProblemBuilderTest {

    @Test
    void eachNeedGetsOneUnassignedSlotWithItsWholeQuantityAndAnEmptySlotPerLotThatMayServeIt() {
        InputBuilder b = new InputBuilder();
        var antakya = b.site("Antakya", "TUR", 36.20, 36.16);
        b.need(antakya, "TENT-FAM", 700, Priority.HIGH);
        b.need(antakya, "HEB-CTN", 40, Priority.CRITICAL);
        b.lot("TUR-GAZ", "TUR", 37.07, 37.38, "TENT-FAM", 300);
        b.lot("TUR-ADA", "TUR", 37.00, 35.32, "TENT-FAM", 200);
        b.lot("UNHRD-DXB", "ARE", 25.20, 55.27, "TENT-FAM", 90);
        AllocationSolution s = AllocationProblemBuilder.build(b.build());
        List<NeedChunk> tents = s.getChunks().stream().filter(c -> c.getNeed().getItemCode().equals("TENT-FAM"))
                .toList();
        // one slot with the whole need, unmet, and one empty slot per candidate lot
        assertEquals(4, tents.size());
        assertEquals(700, tents.stream().mapToInt(NeedChunk::getQuantity).sum());
        assertEquals(List.of(700, 0, 0, 0), tents.stream().map(NeedChunk::getQuantity).toList());
        assertTrue(tents.stream().allMatch(c -> c.getLot() == null && !c.isPinned() && c.getCandidates().size() == 3));
        // no lot of hygiene kits: one pinned slot, unmet
        List<NeedChunk> kits = s.getChunks().stream().filter(c -> c.getNeed().getItemCode().equals("HEB-CTN")).toList();
        assertEquals(1, kits.size());
        assertTrue(kits.get(0).isPinned());
        assertEquals(40, kits.get(0).getQuantity());
    }

    @Test
    void aNeedGetsMoreLineSlotsWhenItTakesManyLotsToCoverButNeverMoreThanItsLots() {
        InputBuilder b = new InputBuilder();
        var antakya = b.site("Antakya", "TUR", 36.20, 36.16);
        b.need(antakya, "TENT-FAM", 5000, Priority.HIGH);
        b.need(antakya, "BLANKET", 100, Priority.HIGH);
        for (int i = 0; i < 60; i++) {
            b.lot("TUR-GAZ", "TUR", 37.07, 37.38, "TENT-FAM", 10 + i);
            b.lot("TUR-ADA", "TUR", 37.00, 35.32, "BLANKET", 500);
        }
        AllocationSolution s = AllocationProblemBuilder.build(b.build(), new AllocationProblemBuilder.Options(5, true));
        // 5,000 tents from lots of median 40: 125 lines to cover, twice that wanted, 60 lots: one slot each
        assertEquals(61, s.getChunks().stream().filter(c -> c.getNeed().getItemCode().equals("TENT-FAM")).count());
        // 100 blankets, lots of 500: one line covers it, so the minimum of 5 line slots
        assertEquals(6, s.getChunks().stream().filter(c -> c.getNeed().getItemCode().equals("BLANKET")).count());
        assertEquals(48, AllocationProblemBuilder.Options.defaults().linesPerNeed());
        List<Lot> many = new java.util.ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            many.add(s.getLots().get(0));
        }
        assertEquals(AllocationProblemBuilder.MAX_LINES, AllocationProblemBuilder.lineSlots(1_000_000, many, 48));
    }

    @Test
    void greatCircleDistanceMatchesKnownCities() {
        // London - Paris is about 344 km; New York - London about 5,570 km; Antakya - Aleppo about 87 km.
        double lp = TransportModel.greatCircleKm(51.5074, -0.1278, 48.8566, 2.3522);
        assertTrue(Math.abs(lp - 344) < 3, "London-Paris " + lp);
        double nl = TransportModel.greatCircleKm(40.7128, -74.0060, 51.5074, -0.1278);
        assertTrue(Math.abs(nl - 5570) < 20, "New York-London " + nl);
        double aa = TransportModel.greatCircleKm(36.20, 36.16, 36.20, 37.13);
        assertTrue(Math.abs(aa - 87) < 5, "Antakya-Aleppo " + aa);
    }

    @Test
    void routesUseRoadUpTo1500KmAndAirBeyondWithHandling() {
        InputBuilder b = new InputBuilder();
        var aleppo = b.site("Aleppo", "SYR", 36.20, 37.13);
        b.need(aleppo, "TENT-FAM", 10, Priority.HIGH);
        b.lot("TUR-GAZ", "TUR", 37.07, 37.38, "TENT-FAM", 10);
        b.lot("UNHRD-BRI", "ITA", 40.63, 17.94, "TENT-FAM", 10);
        AllocationSolution s = AllocationProblemBuilder.build(b.build());

        Route road = s.getRoutes().stream().filter(r -> r.getDepotCode().equals("TUR-GAZ")).findFirst().orElseThrow();
        assertEquals(TransportMode.ROAD, road.getMode());
        // ~100 km at 50 km/h + 12 h handling
        long roadMinutes = road.getLeadTime().toMinutes();
        assertTrue(roadMinutes > 12 * 60 + 100 && roadMinutes < 12 * 60 + 150, "road lead " + road.getLeadTime());
        assertEquals(2, road.getCostPerVehicleKm());
        assertEquals(20_000, road.getVehicleCapacityKg());

        Route air = s.getRoutes().stream().filter(r -> r.getDepotCode().equals("UNHRD-BRI")).findFirst().orElseThrow();
        assertEquals(TransportMode.AIR, air.getMode());
        long airMinutes = air.getLeadTime().toMinutes();
        assertEquals(24 * 60 + Math.round(air.getDistanceKm() / 700 * 60), airMinutes);
        assertEquals(20, air.getCostPerVehicleKm());
        assertEquals(300, air.getVehicleCapacityM3());
        assertEquals(s.getPlanFrom().plus(air.getLeadTime()), air.getArrivesAt());
    }

    @Test
    void routeOverridesReplaceLeadTimeAndCostOfTheirModeOnly() {
        InputBuilder b = new InputBuilder();
        var aleppo = b.site("Aleppo", "SYR", 36.20, 37.13);
        b.need(aleppo, "TENT-FAM", 10, Priority.HIGH);
        b.lot("TUR-GAZ", "TUR", 37.07, 37.38, "TENT-FAM", 10);
        b.override(new RouteOverride("TUR", "SYR", TransportMode.AIR, Duration.ofHours(6), 7.5));
        Map<TransportMode, Route> routes = AllocationProblemBuilder.build(b.build()).getRoutes().stream()
                .collect(java.util.stream.Collectors.toMap(Route::getMode, r -> r));
        // Gaziantep and Aleppo are joined by land: the road stays, the override changes the air route only
        assertEquals(Set.of(TransportMode.ROAD, TransportMode.AIR), routes.keySet());
        Route air = routes.get(TransportMode.AIR);
        assertEquals(Duration.ofHours(6), air.getLeadTime());
        assertEquals(7.5, air.getCostPerVehicleKm());
        assertEquals(40_000, air.getVehicleCapacityKg());
        assertEquals(2, routes.get(TransportMode.ROAD).getCostPerVehicleKm());
    }

    @Test
    void twoOverridesForOnePairOnePerModeAreBothHonouredByGoodsAndTeams() {
        InputBuilder b = new InputBuilder();
        var aleppo = b.site("Aleppo", "SYR", 36.20, 37.13);
        b.need(aleppo, "TENT-FAM", 10, Priority.HIGH);
        b.lot("TUR-GAZ", "TUR", 37.07, 37.38, "TENT-FAM", 10);
        b.teamNeed(aleppo, "USAR_HEAVY", 1);
        b.team("AKUT", "TUR", "USAR_HEAVY", 37.07, 37.38, 4);
        b.override(new RouteOverride("TUR", "SYR", TransportMode.ROAD, Duration.ofHours(30), 3.0));
        b.override(new RouteOverride("TUR", "SYR", TransportMode.AIR, Duration.ofHours(9), 25.0));
        AllocationSolution s = AllocationProblemBuilder.build(b.build());
        Map<TransportMode, Route> routes = s.getRoutes().stream()
                .collect(java.util.stream.Collectors.toMap(Route::getMode, r -> r));
        assertEquals(Duration.ofHours(30), routes.get(TransportMode.ROAD).getLeadTime());
        assertEquals(3.0, routes.get(TransportMode.ROAD).getCostPerVehicleKm());
        assertEquals(Duration.ofHours(9), routes.get(TransportMode.AIR).getLeadTime());
        assertEquals(25.0, routes.get(TransportMode.AIR).getCostPerVehicleKm());
        // the team takes the quicker of the two overridden journeys: 9 h by air after 4 h of mobilisation
        TeamOption team = s.getTeamOptions().get(0);
        assertEquals(TransportMode.AIR, team.getMode());
        assertEquals(s.getPlanFrom().plus(Duration.ofHours(13)), team.getArrivesAt());
    }

    @Test
    void valueRangesArePrunedOfBlockedEarmarkedAndExpiringLotsAndBlockedTeams() {
        InputBuilder b = new InputBuilder();
        var aleppo = b.site("Aleppo", "SYR", 36.20, 37.13, "EQ");
        b.need(aleppo, "HEB-CTN", 100, Priority.HIGH);
        b.teamNeed(aleppo, "USAR_HEAVY", 2);
        b.lot("TUR-GAZ", "TUR", 37.07, 37.38, "HEB-CTN", 100); // blocked by the embargo
        b.lot("JOR-AMM", "JOR", 31.95, 35.93, "HEB-CTN", 100, null, Set.of("TUR"), Set.of()); // earmarked
        b.lot("LBN-BEY", "LBN", 33.89, 35.50, "HEB-CTN", 100, LocalDate.of(2026, 2, 7), Set.of(), Set.of()); // expires
        b.lot("LBN-BEY", "LBN", 33.89, 35.50, "HEB-CTN", 0); // nothing available
        b.lot("IRQ-ERB", "IRQ", 36.19, 44.01, "HEB-CTN", 100); // fine
        b.lot("IRQ-ERB", "IRQ", 36.19, 44.01, "TENT-FAM", 100); // not needed
        b.team("USAID", "USA", "USAR_HEAVY", 38.85, -77.30, 10);
        b.team("THW", "DEU", "USAR_HEAVY", 50.11, 8.68, 10);
        b.team("EMT", "NOR", "EMT_TYPE_2", 59.91, 10.75, 10);
        b.embargo("TUR", "SYR", AppliesTo.MATERIALS).embargo("USA", "SYR", AppliesTo.TEAMS);
        SolverInput input = b.build();

        AllocationSolution pruned = AllocationProblemBuilder.build(input);
        assertEquals(4, pruned.getLots().size());
        assertTrue(pruned.getChunks().stream().allMatch(c -> c.getCandidates().size() == 1
                && c.getCandidates().get(0).getDepotCode().equals("IRQ-ERB")));
        assertTrue(pruned.getSlots().stream().allMatch(s -> s.getCandidates().size() == 1
                && s.getCandidates().get(0).getTeam().getName().equals("THW")));

        AllocationSolution unpruned = AllocationProblemBuilder.build(input,
                new AllocationProblemBuilder.Options(96, false));
        assertTrue(unpruned.getChunks().stream().allMatch(c -> c.getCandidates().size() == 4));
        assertTrue(unpruned.getSlots().stream().allMatch(s -> s.getCandidates().size() == 2));
    }

    @Test
    void teamJourneyIsMobilisationPlusTravelWithoutCargoHandling() {
        InputBuilder b = new InputBuilder();
        var antakya = b.site("Antakya", "TUR", 36.20, 36.16);
        b.teamNeed(antakya, "USAR_HEAVY", 1);
        b.team("THW", "DEU", "USAR_HEAVY", 50.11, 8.68, 10);
        AllocationSolution s = AllocationProblemBuilder.build(b.build());
        TeamOption o = s.getTeamOptions().get(0);
        assertEquals(TransportMode.AIR, o.getMode());
        assertEquals(s.getPlanFrom().plus(Duration.ofHours(10)), o.getDepartsAt());
        long travelMinutes = Duration.between(o.getDepartsAt(), o.getArrivesAt()).toMinutes();
        assertEquals(Math.round(o.getDistanceKm() / 700 * 60), travelMinutes);
    }

    @Test
    void sparseInputIsAccepted() {
        SolverInput sparse = new SolverInput(null, null, null, null, null, null, null, null, 0, null);
        AllocationSolution s = AllocationProblemBuilder.build(sparse);
        assertTrue(s.getChunks().isEmpty() && s.getSlots().isEmpty());
        assertTrue(s.getPlanFrom() != null);

        InputBuilder b = new InputBuilder();
        var site = b.site("Antakya", "TUR", 36.20, 36.16);
        b.need(site, "BLANKET", 10, null);
        b.lot("TUR-ADA", "TUR", 36.20, 36.16, "BLANKET", 10);
        SolverInput noPriority = b.build();
        AllocationSolution one = AllocationProblemBuilder.build(noPriority);
        assertEquals(Priority.MEDIUM, one.getNeeds().get(0).getPriority());
        assertEquals(0.0, one.getRoutes().get(0).getDistanceKm(), 1e-9);
    }
}
