package org.corridor.allocation.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.corridor.allocation.solver.api.Priority;
import org.corridor.allocation.solver.api.SolverInput;
import org.corridor.allocation.solver.move.RouteClosureMoves;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;

/**
 * Route closures on hand-made plans: routes close several at a time when the units they carry can go another way, even
 * when that way runs through another site's lines (a need gives up a lot to the closing route's need and takes from
 * elsewhere), or through one cheaper route opened instead; every need keeps its units, and nothing is built when no
 * route can close. Kicks close a route even when its units need routes not running, and find what no single closure
 * finds: two cheap routes in place of one dear one. Coverings bring an unmet need units along the same augmenting
 * paths, through as many needs as it takes, and never from another need's units. A route costs the whole vehicles its
 * load needs: a closure that would need a second truck on the route taking the units is not built.
 */
class RouteClosureMoveTest {

    private static final double[] PANAMA = {8.98, -79.52};
    private static final double[] ADANA = {37.00, 35.32};

    /** A plan under a score director. */
    private record Planned(AllocationSolution solution,
            InnerScoreDirector<AllocationSolution, HardMediumSoftLongScore> director) {

        /** Each need's lines as given: need id to (depot code, units), in its slots from the first. */
        static Planned of(SolverInput input, Map<UUID, List<Map.Entry<String, Integer>>> lines) {
            return of(input, lines, false);
        }

        /**
         * The same; with {@code unmetAllowed}, what a need's lines leave of it stays unmet (held by the slot after its
         * lines), else the lines must plan every unit.
         */
        static Planned of(SolverInput input, Map<UUID, List<Map.Entry<String, Integer>>> lines,
                boolean unmetAllowed) {
            AllocationSolution s = AllocationProblemBuilder.build(input);
            lines.forEach((needId, list) -> {
                List<NeedChunk> slots = s.getChunks().stream().filter(c -> c.getNeed().getId().equals(needId))
                        .toList();
                int unmet = slots.get(0).getQuantity();
                for (int i = 0; i < list.size(); i++) {
                    String depot = list.get(i).getKey();
                    Lot lot = slots.get(i).getCandidates().stream().filter(l -> l.getDepotCode().equals(depot))
                            .findFirst().orElseThrow();
                    slots.get(i).setLot(lot);
                    slots.get(i).setQuantity(list.get(i).getValue());
                    unmet -= list.get(i).getValue();
                }
                if (unmetAllowed) {
                    slots.get(list.size()).setQuantity(unmet);
                } else {
                    assertEquals(0, unmet, "the test plans every unit of a need");
                }
            });
            return new Planned(s, SolverTestSupport.scoreDirector(s));
        }

        HardMediumSoftLongScore score() {
            return director.calculateScore();
        }

        /** Units delivered per need and depot, e.g. {@code need -> {AFAD-ADA=1000}}. */
        Map<UUID, Map<String, Integer>> lines() {
            Map<UUID, Map<String, Integer>> out = new TreeMap<>();
            for (NeedChunk c : solution.getChunks()) {
                if (c.isDelivering()) {
                    out.computeIfAbsent(c.getNeed().getId(), k -> new TreeMap<>()).merge(c.getLot().getDepotCode(),
                            c.getQuantity(), Integer::sum);
                }
            }
            return out;
        }

        /** The depot-to-site routes running. */
        Set<String> routes() {
            return solution.getChunks().stream().filter(NeedChunk::isDelivering)
                    .map(c -> c.getLot().getDepotCode() + "->" + c.getNeed().getSite().getName())
                    .collect(Collectors.toSet());
        }
    }

    private static Map.Entry<String, Integer> line(String depot, int units) {
        return Map.entry(depot, units);
    }

    @Test
    void twoSitesEachServedByBothDepotsEndServedByOneEachThroughAnExchangeOfLots() {
        InputBuilder b = new InputBuilder();
        var gaziantep = b.site("Gaziantep", "TUR", 37.07, 37.38);
        var hatay = b.site("Hatay", "TUR", 36.20, 36.16);
        UUID g = b.need(gaziantep, "BLANKET", 1000, Priority.HIGH);
        UUID h = b.need(hatay, "BLANKET", 1000, Priority.HIGH);
        b.lot("UNHRD-PTY", "PAN", PANAMA[0], PANAMA[1], "BLANKET", 1000);
        b.lot("AFAD-ADA", "TUR", ADANA[0], ADANA[1], "BLANKET", 1000);
        // all stock is taken: neither Panama route can close onto the Adana routes alone
        Planned plan = Planned.of(b.build(), Map.of(g, List.of(line("UNHRD-PTY", 500), line("AFAD-ADA", 500)), h,
                List.of(line("UNHRD-PTY", 500), line("AFAD-ADA", 500))));
        HardMediumSoftLongScore before = plan.score();
        assertEquals(4, plan.routes().size());

        Move<AllocationSolution> move = RouteClosureMoves.tryOn(plan.solution(), new Random(1));
        assertNotNull(move, "a closure is found");
        var undo = move.doMove(plan.director());
        HardMediumSoftLongScore after = plan.score();

        assertEquals(0, after.hardScore(), after.toString());
        assertEquals(before.mediumScore(), after.mediumScore(), "the same units are delivered");
        assertTrue(after.softScore() > before.softScore(), before + " -> " + after);
        // one Panama route closed, and the Adana route of the other site closed with it: each site has one depot
        assertEquals(2, plan.routes().size(), plan.routes().toString());
        Map<UUID, Map<String, Integer>> lines = plan.lines();
        assertEquals(1, lines.get(g).size(), lines.toString());
        assertEquals(1, lines.get(h).size(), lines.toString());
        assertEquals(1000, lines.get(g).values().iterator().next());
        assertEquals(1000, lines.get(h).values().iterator().next());
        assertTrue(!lines.get(g).keySet().equals(lines.get(h).keySet()), "each lot serves one site: " + lines);

        undo.doMove(plan.director());
        assertEquals(before, plan.score());
        assertEquals(4, plan.routes().size());
    }

    @Test
    void aDearRouteClosesOntoOneCheaperRouteOpenedInstead() {
        InputBuilder b = new InputBuilder();
        var gaziantep = b.site("Gaziantep", "TUR", 37.07, 37.38);
        UUID g = b.need(gaziantep, "BLANKET", 500, Priority.HIGH);
        b.lot("UNHRD-PTY", "PAN", PANAMA[0], PANAMA[1], "BLANKET", 500);
        b.lot("AFAD-ADA", "TUR", ADANA[0], ADANA[1], "BLANKET", 500);
        Planned plan = Planned.of(b.build(), Map.of(g, List.of(line("UNHRD-PTY", 500))));
        HardMediumSoftLongScore before = plan.score();

        // the route to open is drawn among the need's lots: some tries draw Panama's, which is running already
        List<Move<AllocationSolution>> found = new ArrayList<>();
        for (int seed = 0; seed < 64 && found.isEmpty(); seed++) {
            Move<AllocationSolution> m = RouteClosureMoves.tryOn(plan.solution(), new Random(seed));
            if (m != null) {
                found.add(m);
            }
        }
        assertEquals(1, found.size(), "a try opens the Adana route");
        found.get(0).doMove(plan.director());

        assertEquals(Map.of(g, Map.of("AFAD-ADA", 500)), plan.lines());
        HardMediumSoftLongScore after = plan.score();
        assertEquals(0, after.hardScore());
        assertEquals(before.mediumScore(), after.mediumScore());
        assertTrue(after.softScore() > before.softScore(), before + " -> " + after);
    }

    @Test
    void noMoveWhenNoRouteCanClose() {
        InputBuilder b = new InputBuilder();
        var gaziantep = b.site("Gaziantep", "TUR", 37.07, 37.38);
        var hatay = b.site("Hatay", "TUR", 36.20, 36.16);
        UUID g = b.need(gaziantep, "BLANKET", 500, Priority.HIGH);
        UUID h = b.need(hatay, "TENT-FAM", 100, Priority.HIGH);
        b.lot("AFAD-ADA", "TUR", ADANA[0], ADANA[1], "BLANKET", 500);
        b.lot("UNHRD-PTY", "PAN", PANAMA[0], PANAMA[1], "TENT-FAM", 100);
        // each need has the only lot of its item: every route is needed
        Planned plan = Planned.of(b.build(),
                Map.of(g, List.of(line("AFAD-ADA", 500)), h, List.of(line("UNHRD-PTY", 100))));

        for (int seed = 0; seed < 32; seed++) {
            assertNull(RouteClosureMoves.tryOn(plan.solution(), new Random(seed)), "seed " + seed);
        }
    }

    /** A plan of two needs at Gaziantep, with the depots each is served from. */
    private record TwoItems(Planned plan, UUID blankets, UUID tents) {
    }

    /**
     * 500 blankets and 100 tents needed at Gaziantep; Panama has both, Adana only the blankets, Kahramanmaras only the
     * tents; the blankets and the tents each come whole from the depot given.
     */
    private static TwoItems blanketsAndTents(String blanketsFrom, String tentsFrom) {
        InputBuilder b = new InputBuilder();
        var gaziantep = b.site("Gaziantep", "TUR", 37.07, 37.38);
        UUID blankets = b.need(gaziantep, "BLANKET", 500, Priority.HIGH);
        UUID tents = b.need(gaziantep, "TENT-FAM", 100, Priority.HIGH);
        b.lot("UNHRD-PTY", "PAN", PANAMA[0], PANAMA[1], "BLANKET", 500);
        b.lot("UNHRD-PTY", "PAN", PANAMA[0], PANAMA[1], "TENT-FAM", 100);
        b.lot("AFAD-ADA", "TUR", ADANA[0], ADANA[1], "BLANKET", 500);
        b.lot("AFAD-KMS", "TUR", 37.58, 36.93, "TENT-FAM", 100);
        Planned plan = Planned.of(b.build(),
                Map.of(blankets, List.of(line(blanketsFrom, 500)), tents, List.of(line(tentsFrom, 100))));
        return new TwoItems(plan, blankets, tents);
    }

    @Test
    void kicksReplaceOneDearRouteByTwoCheapRoutesThatNoSingleClosureFinds() {
        // one dear route from Panama carries both items
        TwoItems two = blanketsAndTents("UNHRD-PTY", "UNHRD-PTY");
        Planned plan = two.plan();
        UUID blankets = two.blankets();
        UUID tents = two.tents();
        HardMediumSoftLongScore before = plan.score();

        // opening one cheap route never lets the Panama route close: the other item has nowhere to go
        for (int seed = 0; seed < 32; seed++) {
            assertNull(RouteClosureMoves.tryOn(plan.solution(), new Random(seed)), "seed " + seed);
        }
        Move<AllocationSolution> move = RouteClosureMoves.tryKickingOn(plan.solution(), new Random(1));
        assertNotNull(move, "a kick closes the Panama route, opening both cheap routes");
        var undo = move.doMove(plan.director());
        HardMediumSoftLongScore after = plan.score();

        assertEquals(Map.of(blankets, Map.of("AFAD-ADA", 500), tents, Map.of("AFAD-KMS", 100)), plan.lines());
        assertEquals(0, after.hardScore(), after.toString());
        assertEquals(before.mediumScore(), after.mediumScore(), "the same units are delivered");
        assertTrue(after.softScore() > before.softScore(), before + " -> " + after);

        undo.doMove(plan.director());
        assertEquals(before, plan.score());
        assertEquals(Set.of("UNHRD-PTY->Gaziantep"), plan.routes());
    }

    @Test
    void kicksBuildNoMoveWhenTheRoutesRunningAreTheCheapest() {
        // the two cheap routes run already: a kick may close one, onto Panama, but that costs more and is undone
        Planned plan = blanketsAndTents("AFAD-ADA", "AFAD-KMS").plan();

        for (int seed = 0; seed < 32; seed++) {
            assertNull(RouteClosureMoves.tryKickingOn(plan.solution(), new Random(seed)), "seed " + seed);
        }
    }

    /**
     * A CRITICAL need at Idlib whose only lot (Adana) a Hatay need holds; Hatay's other lot (Kahramanmaras, earmarked
     * for Turkey) a Gaziantep need holds; only Gaziantep (a flood) may take the free lot at Mersin (earmarked for
     * floods). Idlib is covered only if both others move on: a chain of three needs.
     */
    private record Chain(Planned plan, UUID idlib, UUID hatay, UUID gaziantep) {
    }

    private static Chain chainOfThree(int mersinUnits) {
        InputBuilder b = new InputBuilder();
        var idlibSite = b.site("Idlib", "SYR", 35.93, 36.63);
        var hataySite = b.site("Hatay", "TUR", 36.20, 36.16);
        var gaziantepSite = b.site("Gaziantep", "TUR", 37.07, 37.38, "FL");
        UUID idlib = b.need(idlibSite, "BLANKET", 500, Priority.CRITICAL);
        UUID hatay = b.need(hataySite, "BLANKET", 500, Priority.CRITICAL);
        UUID gaziantep = b.need(gaziantepSite, "BLANKET", 500, Priority.CRITICAL);
        b.lot("AFAD-ADA", "TUR", ADANA[0], ADANA[1], "BLANKET", 500);
        b.lot("AFAD-KMS", "TUR", 37.58, 36.93, "BLANKET", 500, null, Set.of("TUR"), Set.of());
        b.lot("AFAD-MER", "TUR", 36.80, 34.63, "BLANKET", mersinUnits, null, Set.of(), Set.of("FL"));
        Planned plan = Planned.of(b.build(), Map.of(idlib, List.of(), hatay, List.of(line("AFAD-ADA", 500)),
                gaziantep, List.of(line("AFAD-KMS", 500))), true);
        return new Chain(plan, idlib, hatay, gaziantep);
    }

    @Test
    void coveringBringsAnUnmetNeedItsUnitsThroughAChainOfNeedsThatEachTakeFromElsewhere() {
        Chain chain = chainOfThree(500);
        Planned plan = chain.plan();
        HardMediumSoftLongScore before = plan.score();
        assertTrue(before.mediumScore() < 0, "Idlib's 500 blankets are unmet: " + before);

        Move<AllocationSolution> move = RouteClosureMoves.tryCoveringOn(plan.solution(), new Random(1));
        assertNotNull(move, "augmenting paths through Hatay and Gaziantep reach Mersin's free lot");
        var undo = move.doMove(plan.director());
        HardMediumSoftLongScore after = plan.score();

        assertEquals(Map.of(chain.idlib(), Map.of("AFAD-ADA", 500), chain.hatay(), Map.of("AFAD-KMS", 500),
                chain.gaziantep(), Map.of("AFAD-MER", 500)), plan.lines());
        assertEquals(0, after.hardScore(), after.toString());
        assertEquals(0, after.mediumScore(), "nothing is left unmet: " + after);

        undo.doMove(plan.director());
        assertEquals(before, plan.score());
    }

    @Test
    void coveringTakesWhatThereIsAndNothingFromAnotherNeed() {
        // Mersin has 200 blankets: Idlib gets 200 of its 500, Hatay and Gaziantep keep every unit
        Chain chain = chainOfThree(200);
        Planned plan = chain.plan();
        HardMediumSoftLongScore before = plan.score();

        Move<AllocationSolution> move = RouteClosureMoves.tryCoveringOn(plan.solution(), new Random(1));
        assertNotNull(move);
        move.doMove(plan.director());
        HardMediumSoftLongScore after = plan.score();

        Map<UUID, Map<String, Integer>> lines = plan.lines();
        assertEquals(Map.of("AFAD-ADA", 200), lines.get(chain.idlib()));
        assertEquals(500, lines.get(chain.hatay()).values().stream().mapToInt(Integer::intValue).sum(),
                lines.toString());
        assertEquals(Map.of("AFAD-KMS", 300, "AFAD-MER", 200), lines.get(chain.gaziantep()));
        assertEquals(0, after.hardScore(), after.toString());
        assertTrue(after.mediumScore() > before.mediumScore(), before + " -> " + after);
        // now no stock is left anywhere: no covering move
        for (int seed = 0; seed < 16; seed++) {
            assertNull(RouteClosureMoves.tryCoveringOn(plan.solution(), new Random(seed)), "seed " + seed);
        }
    }

    /**
     * 560 units of {@code item} needed at Gaziantep: 283 from Adana (all 560 of its stock there), 277 from
     * Kahramanmaras (all its stock), each on its own route.
     */
    private static Planned fromAdanaAndKahramanmaras(String item) {
        InputBuilder b = new InputBuilder();
        var gaziantep = b.site("Gaziantep", "TUR", 37.07, 37.38);
        UUID g = b.need(gaziantep, item, 560, Priority.HIGH);
        b.lot("AFAD-ADA", "TUR", ADANA[0], ADANA[1], item, 560);
        b.lot("AFAD-KMS", "TUR", 37.58, 36.93, item, 277);
        return Planned.of(b.build(), Map.of(g, List.of(line("AFAD-ADA", 283), line("AFAD-KMS", 277))));
    }

    @Test
    void closuresCountTheWholeVehiclesARouteNeeds() {
        // blankets: all 560 fit in one truck, so the short Kahramanmaras route closes onto Adana's
        Planned blankets = fromAdanaAndKahramanmaras("BLANKET");
        HardMediumSoftLongScore before = blankets.score();
        Move<AllocationSolution> move = RouteClosureMoves.tryOn(blankets.solution(), new Random(1));
        assertNotNull(move);
        move.doMove(blankets.director());
        assertEquals(Set.of("AFAD-ADA->Gaziantep"), blankets.routes());
        assertTrue(blankets.score().softScore() > before.softScore(), before + " -> " + blankets.score());

        // family tents: a truck carries 283 (80 m3), so 560 on the Adana route take a second truck, dearer than the
        // Kahramanmaras truck the closure would save (counted as one truck per route, the closure looked cheaper)
        Planned tents = fromAdanaAndKahramanmaras("TENT-FAM");
        for (int seed = 0; seed < 32; seed++) {
            assertNull(RouteClosureMoves.tryOn(tents.solution(), new Random(seed)), "seed " + seed);
            assertNull(RouteClosureMoves.tryKickingOn(tents.solution(), new Random(seed)), "seed " + seed);
        }
    }

    @Test
    void aCheapRouteBehindManyDearOnesClosesWhenARandomLineDrawsIt() {
        InputBuilder b = new InputBuilder();
        Map<UUID, List<Map.Entry<String, Integer>>> plan = new HashMap<>();
        // thirty camps each need ten tents that only Panama has: thirty dear routes that cannot close, so the dearest
        // routes a closure tries are all theirs
        for (int i = 0; i < 30; i++) {
            var camp = b.site("Camp " + i, "TUR", 36.50 + 0.05 * i, 36.00 + 0.05 * i);
            plan.put(b.need(camp, "TENT-FAM", 10, Priority.HIGH), List.of(line("UNHRD-PTY", 10)));
        }
        b.lot("UNHRD-PTY", "PAN", PANAMA[0], PANAMA[1], "TENT-FAM", 300);
        // Gaziantep's blankets: 480 from Adana and 20 from Kahramanmaras, a cheap route that Adana's room could spare
        var gaziantep = b.site("Gaziantep", "TUR", 37.07, 37.38);
        UUID g = b.need(gaziantep, "BLANKET", 500, Priority.HIGH);
        plan.put(g, List.of(line("AFAD-ADA", 480), line("AFAD-KMS", 20)));
        b.lot("AFAD-ADA", "TUR", ADANA[0], ADANA[1], "BLANKET", 1000);
        b.lot("AFAD-KMS", "TUR", 37.58, 36.93, "BLANKET", 20);
        Planned planned = Planned.of(b.build(), plan);
        HardMediumSoftLongScore before = planned.score();
        assertEquals(32, planned.routes().size());

        int found = 0;
        for (int seed = 0; seed < 32; seed++) {
            Move<AllocationSolution> move = RouteClosureMoves.tryOn(planned.solution(), new Random(seed), 8);
            if (move == null) {
                continue;
            }
            found++;
            var undo = move.doMove(planned.director());
            // the Kahramanmaras route closed onto Adana's; every camp keeps its tents from Panama
            assertEquals(Map.of("AFAD-ADA", 500), planned.lines().get(g), "seed " + seed);
            assertEquals(31, planned.routes().size(), "seed " + seed);
            HardMediumSoftLongScore after = planned.score();
            assertEquals(before.mediumScore(), after.mediumScore(), "seed " + seed);
            assertTrue(after.softScore() > before.softScore(), before + " -> " + after);
            undo.doMove(planned.director());
            assertEquals(before, planned.score());
        }
        // a line is drawn 8 times per try among 32: the Kahramanmaras line in about a fifth of the tries
        assertTrue(found >= 3, "tries that closed the cheap route: " + found + " of 32");
        // without the random lines' routes, only the dearest are tried, and none of them can close
        for (int seed = 0; seed < 32; seed++) {
            assertNull(RouteClosureMoves.tryOn(planned.solution(), new Random(seed)), "seed " + seed);
        }
    }
}
