package org.corridor.allocation.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

import org.corridor.allocation.solver.api.AppliesTo;
import org.corridor.allocation.solver.api.Priority;
import org.corridor.allocation.solver.api.SolverInput;
import org.corridor.allocation.solver.api.SolverInput.RouteOverride;
import org.corridor.allocation.solver.api.TransportMode;
import org.junit.jupiter.api.Test;

class AllocationProblemBuilderTest {

    private static BitSet subsetSums(List<Integer> sizes) {
        int total = sizes.stream().mapToInt(Integer::intValue).sum();
        BitSet reachable = new BitSet(total + 1);
        reachable.set(0);
        for (int s : sizes) {
            for (int t = total - s; t >= 0; t--) {
                if (reachable.get(t)) {
                    reachable.set(t + s);
                }
            }
        }
        return reachable;
    }

    @Test
    void chunkSizesAddUpAndEveryTotalIsReachable() {
        for (int q : new int[] {1, 2, 3, 7, 100, 500, 1000, 4097}) {
            for (int typical : new int[] {1, 37, 300, 5000}) {
                List<Integer> sizes = AllocationProblemBuilder.chunkSizes(q, 96, typical);
                assertEquals(q, sizes.stream().mapToInt(Integer::intValue).sum(), "q=" + q);
                assertTrue(sizes.size() <= 96);
                BitSet sums = subsetSums(sizes);
                assertEquals(q + 1, sums.cardinality(), "every total 0.." + q + " reachable with " + sizes);
            }
        }
    }

    @Test
    void productionChunkSizesKeepEightCopiesOfSmallChunksAndEveryTotalReachable() {
        AllocationProblemBuilder.Options o = AllocationProblemBuilder.Options.defaults();
        assertEquals(8, o.copies());
        assertEquals(192, o.maxChunksPerNeed());
        List<Integer> sizes = AllocationProblemBuilder.chunkSizes(1000, o.maxChunksPerNeed(), 300, o.copies());
        assertEquals(8, sizes.stream().filter(s -> s == 1).count(), sizes.toString());
        assertEquals(1000, sizes.stream().mapToInt(Integer::intValue).sum());
        assertEquals(1001, subsetSums(sizes).cardinality());
        for (int q : new int[] {7, 4097, 30_000}) {
            List<Integer> big = AllocationProblemBuilder.chunkSizes(q, o.maxChunksPerNeed(), 150, o.copies());
            assertTrue(big.size() <= 192, big.toString());
            assertEquals(q, big.stream().mapToInt(Integer::intValue).sum());
            assertEquals(q + 1, subsetSums(big).cardinality());
        }
    }

    @Test
    void chunkSizesAllowSplittingOneNeedExactlyBetweenTwoLots() {
        List<Integer> sizes = AllocationProblemBuilder.chunkSizes(100, 96, 1000);
        assertEquals(List.of(1, 1, 2, 2, 4, 4, 8, 8, 16, 16, 32, 6), sizes);
        // 60 from one lot and 20 from another, with disjoint chunks: 32+16+8+4 and 16+4.
    }

    @Test
    void bulkChunksFitTheTypicalLotAndTheCapIsHonoured() {
        List<Integer> sizes = AllocationProblemBuilder.chunkSizes(10_000, 96, 700);
        assertTrue(sizes.stream().allMatch(s -> s <= 256), sizes.toString());
        List<Integer> capped = AllocationProblemBuilder.chunkSizes(1_000_000, 24, 10);
        assertTrue(capped.size() <= 24);
        assertEquals(1_000_000, capped.stream().mapToInt(Integer::intValue).sum());
        assertEquals(List.of(500), AllocationProblemBuilder.chunkSizes(500, 96, 0));
        assertEquals(List.of(), AllocationProblemBuilder.chunkSizes(0, 96, 10));
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
    void routeOverridesForceModeLeadTimeAndCost() {
        InputBuilder b = new InputBuilder();
        var aleppo = b.site("Aleppo", "SYR", 36.20, 37.13);
        b.need(aleppo, "TENT-FAM", 10, Priority.HIGH);
        b.lot("TUR-GAZ", "TUR", 37.07, 37.38, "TENT-FAM", 10);
        b.override(new RouteOverride("TUR", "SYR", TransportMode.AIR, Duration.ofHours(6), 7.5));
        Route r = AllocationProblemBuilder.build(b.build()).getRoutes().get(0);
        assertEquals(TransportMode.AIR, r.getMode());
        assertEquals(Duration.ofHours(6), r.getLeadTime());
        assertEquals(7.5, r.getCostPerVehicleKm());
        assertEquals(40_000, r.getVehicleCapacityKg());
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

        AllocationSolution unpruned = AllocationProblemBuilder.build(input, new AllocationProblemBuilder.Options(96, false));
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
