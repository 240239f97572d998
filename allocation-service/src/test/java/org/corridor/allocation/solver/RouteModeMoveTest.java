package org.corridor.allocation.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.corridor.allocation.solver.api.AppliesTo;
import org.corridor.allocation.solver.api.Priority;
import org.corridor.allocation.solver.api.SolverInput;
import org.corridor.allocation.solver.api.TransportMode;
import org.corridor.allocation.solver.move.RouteModeMove;
import org.corridor.allocation.solver.move.RouteModeMoves;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;

/**
 * The route mode move on hand-made plans: every line of one (depot, site) route switching mode together consolidates
 * their loads into the vehicles of the new mode (the whole-vehicle cost rewards it), and a line the new mode cannot
 * carry without breaking a hard constraint keeps its mode.
 */
class RouteModeMoveTest {

    // Las Palmas de Gran Canaria (a port, no road to Turkey) to Iskenderun (a port): AIR or SEA
    private static final double[] LAS_PALMAS = {28.10, -15.41};
    private static final double[] ISKENDERUN = {36.59, 36.17};

    /** A plan under a score director: each need sent whole from its lot, by {@code mode}. */
    private record Planned(AllocationSolution solution,
            InnerScoreDirector<AllocationSolution, HardMediumSoftLongScore> director) {

        static Planned of(SolverInput input, TransportMode mode) {
            AllocationSolution s = AllocationProblemBuilder.build(input);
            for (SolverInput.NeedFact n : input.needs()) {
                NeedChunk slot = s.getChunks().stream().filter(c -> c.getNeed().getId().equals(n.needId()))
                        .findFirst().orElseThrow();
                Lot lot = slot.getCandidates().stream().filter(l -> l.getItemCode().equals(n.itemCode())).findFirst()
                        .orElseThrow();
                slot.setLot(lot);
                slot.setQuantity(n.quantity());
                slot.setMode(mode);
            }
            return new Planned(s, SolverTestSupport.scoreDirector(s));
        }

        List<NeedChunk> lines() {
            return solution.getChunks().stream().filter(NeedChunk::isDelivering).toList();
        }

        HardMediumSoftLongScore score() {
            return director.calculateScore();
        }

        /** The route mode move from the route of the first line to {@code to}. */
        RouteModeMove routeMove(TransportMode to) {
            NeedChunk first = lines().get(0);
            return RouteModeMoves.onRoute(solution.getChunks(), first.getSupply().getRoute(), to);
        }

        TransportMode modeOf(UUID need) {
            return lines().stream().filter(c -> c.getNeed().getId().equals(need)).findFirst().orElseThrow()
                    .getSupply().getRoute().getMode();
        }
    }

    /** Tents and blankets, neither urgent, from Las Palmas to {@code port}. */
    private static InputBuilder bulkByAir(InputBuilder b, InputBuilder.SiteRef port) {
        b.need(port, "TENT-FAM", 2000, Priority.LOW, InputBuilder.T0.plus(Duration.ofDays(30)));
        b.need(port, "BLANKET", 3000, Priority.LOW, InputBuilder.T0.plus(Duration.ofDays(30)));
        b.portLot("UNHRD-LPA", "ESP", LAS_PALMAS[0], LAS_PALMAS[1], "TENT-FAM", 2000);
        b.portLot("UNHRD-LPA", "ESP", LAS_PALMAS[0], LAS_PALMAS[1], "BLANKET", 3000);
        return b;
    }

    private static InputBuilder bulkByAir() {
        InputBuilder b = new InputBuilder().expiryMarginDays(1);
        return bulkByAir(b, b.port("Iskenderun", "TUR", ISKENDERUN[0], ISKENDERUN[1]));
    }

    @Test
    void switchingAWholeRouteToTheSeaConsolidatesItsLoadsAndScoresBetter() {
        Planned plan = Planned.of(bulkByAir().build(), TransportMode.AIR);
        HardMediumSoftLongScore byAir = plan.score();

        RouteModeMove move = plan.routeMove(TransportMode.SEA);
        assertNotNull(move);
        assertEquals(2, move.getPlanningEntities().size(), "both lines travel the one route");
        var undo = move.doMove(plan.director());
        HardMediumSoftLongScore bySea = plan.score();

        assertEquals(0, bySea.hardScore(), bySea.toString());
        assertEquals(byAir.mediumScore(), bySea.mediumScore(), "the same units are sent");
        assertTrue(bySea.softScore() > byAir.softScore(), byAir + " -> " + bySea);
        plan.lines().forEach(c -> assertEquals(TransportMode.SEA, c.getSupply().getRoute().getMode()));
        // the undo move restores the plan and its score
        undo.doMove(plan.director());
        assertEquals(byAir, plan.score());
    }

    @Test
    void aLineThatWouldExpireAtSeaKeepsItsModeSoNoHardConstraintBreaks() {
        InputBuilder b = new InputBuilder().expiryMarginDays(1);
        var port = b.port("Iskenderun", "TUR", ISKENDERUN[0], ISKENDERUN[1]);
        bulkByAir(b, port);
        // biscuits that expire in a week: by air (about 30 h) in time, by sea (about 10 days) expired
        UUID biscuits = b.need(port, "HEB-CTN", 500, Priority.LOW, InputBuilder.T0.plus(Duration.ofDays(30)));
        b.portLot("UNHRD-LPA", "ESP", LAS_PALMAS[0], LAS_PALMAS[1], "HEB-CTN", 500, LocalDate.of(2026, 2, 13));
        Planned plan = Planned.of(b.build(), TransportMode.AIR);
        assertEquals(0, plan.score().hardScore());

        RouteModeMove move = RouteModeMoves.onRoute(plan.solution().getChunks(),
                plan.lines().stream().filter(c -> c.getNeed().getId().equals(biscuits)).findFirst().orElseThrow()
                        .getSupply().getRoute(),
                TransportMode.SEA);
        assertNotNull(move);
        move.doMove(plan.director());

        assertEquals(0, plan.score().hardScore(), plan.score().toString());
        assertEquals(TransportMode.AIR, plan.modeOf(biscuits));
        assertTrue(plan.lines().stream().filter(c -> !c.getNeed().getId().equals(biscuits))
                .allMatch(c -> c.getSupply().getRoute().getMode() == TransportMode.SEA), plan.lines().toString());
    }

    @Test
    void aRouteWhoseNewModeAnAccessRuleStopsIsNotMoved() {
        InputBuilder b = bulkByAir();
        // the port of Iskenderun is closed to ships from Spain: only aircraft get through
        b.rule("ESP", "TUR", "BORDER_CLOSED", AppliesTo.ALL, InputBuilder.T0.minus(Duration.ofDays(1)), null,
                Set.of(TransportMode.SEA));
        Planned plan = Planned.of(b.build(), TransportMode.AIR);

        assertNull(plan.routeMove(TransportMode.SEA));
        assertEquals(0, plan.score().hardScore());
    }
}
