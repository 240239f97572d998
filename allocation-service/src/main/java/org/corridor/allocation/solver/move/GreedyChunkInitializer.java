package org.corridor.allocation.solver.move;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.corridor.allocation.solver.AllocationSolution;
import org.corridor.allocation.solver.Lot;
import org.corridor.allocation.solver.MaterialNeed;
import org.corridor.allocation.solver.NeedChunk;
import org.corridor.allocation.solver.Route;
import org.corridor.allocation.solver.Supply;
import org.corridor.allocation.solver.api.Priority;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;

/**
 * Construction of the material lines the way a logistics officer would fill needs, in well under a second even for tens
 * of thousands of slots: priority by priority (CRITICAL first); within one priority, round robin over its needs (the
 * needs with the fewest eligible lots first, then by deliver-by), each turn giving a need at most a quarter of its
 * quantity (so that needs of one priority share a scarce lot instead of the first taking it all) from the lot of its
 * (pruned, eligible) value range where it is cheapest to ship per unit (whole vehicles, counting the vehicles already
 * going from that depot to the site, which carry it for free until full, plus the load term), as much as the lot has
 * room for, among the lots with room for at least the average a remaining line slot of the need must take (else the lot
 * with the most room); onto the need's line on that lot or a new line. Lots are filled exactly, so no stock is stranded
 * in fragments of room (the fixed-size chunks this replaced left up to a third of L's demand unmet that way, see
 * docs/benchmarks). What no lot has room for stays unmet. Only the unmet part of each need is touched. Local search
 * then improves cost, consolidation and fairness.
 */
public class GreedyChunkInitializer implements CustomPhaseCommand<AllocationSolution> {

    @Override
    public void changeWorkingSolution(ScoreDirector<AllocationSolution> scoreDirector) {
        AllocationSolution solution = scoreDirector.getWorkingSolution();
        // units left per lot, by the lot's place in the solution's lots
        Map<Lot, Integer> lotNo = new IdentityHashMap<>();
        long[] left = new long[solution.getLots().size()];
        for (Lot l : solution.getLots()) {
            left[lotNo.size()] = l.getAvailable();
            lotNo.put(l, lotNo.size());
        }
        Map<MaterialNeed, List<NeedChunk>> slots = new IdentityHashMap<>();
        Map<Route, long[]> loads = new IdentityHashMap<>();
        for (NeedChunk c : solution.getChunks()) {
            if (c.isDelivering()) {
                left[lotNo.get(c.getLot())] -= c.getQuantity();
                long[] load = loads.computeIfAbsent(c.getSupply().getRoute(), r -> new long[2]);
                load[0] += c.getGrams();
                load[1] += c.getCubicCentimetres();
            }
            if (!c.isPinned()) {
                slots.computeIfAbsent(c.getNeed(), n -> new ArrayList<>()).add(c);
            }
        }
        Map<Priority, List<MaterialNeed>> byPriority = new EnumMap<>(Priority.class);
        slots.keySet().forEach(n -> byPriority.computeIfAbsent(n.getPriority(), p -> new ArrayList<>()).add(n));
        Map<MaterialNeed, Options> options = new IdentityHashMap<>();
        for (List<MaterialNeed> needs : byPriority.values()) {
            needs.sort(Comparator.comparingInt((MaterialNeed n) -> slots.get(n).get(0).getCandidates().size())
                    .thenComparing(n -> n.getDeliverBy() == null ? Instant.MAX : n.getDeliverBy())
                    .thenComparing(MaterialNeed::getId));
            List<MaterialNeed> turn = new ArrayList<>(needs);
            while (!turn.isEmpty()) {
                List<MaterialNeed> next = new ArrayList<>(turn.size());
                for (MaterialNeed need : turn) {
                    List<NeedChunk> mine = slots.get(need);
                    Options o = options.computeIfAbsent(need,
                            n -> Options.of(n, mine.get(0).getCandidates(), lotNo, loads));
                    if (giveOneLine(scoreDirector, need, mine, o, left)) {
                        next.add(need);
                    }
                }
                turn = next;
            }
        }
        scoreDirector.triggerVariableListeners();
    }

    /** Turns a need needs at least to take its whole quantity: each turn takes at most a quarter of it. */
    static final int TURNS = 4;

    /**
     * A need's candidate lots, in their order, each with its place among the solution's lots, its default route to the
     * need's site and that route's load so far (grams, cubic centimetres; shared by every need the route serves):
     * looked up once per need instead of once per turn.
     */
    private record Options(Lot[] lots, int[] lotNo, Route[] routes, long[][] loads) {

        static Options of(MaterialNeed need, List<Lot> candidates, Map<Lot, Integer> lotNo, Map<Route, long[]> loads) {
            int n = candidates.size();
            Options o = new Options(new Lot[n], new int[n], new Route[n], new long[n][]);
            for (int k = 0; k < n; k++) {
                Lot lot = candidates.get(k);
                o.lots[k] = lot;
                o.lotNo[k] = lotNo.get(lot);
                o.routes[k] = need.supplyFor(lot).getRoute();
                o.loads[k] = loads.computeIfAbsent(o.routes[k], r -> new long[2]);
            }
            return o;
        }
    }

    /** A candidate chosen for a turn (its position among the need's options) and the units the need takes from it. */
    private record Pick(int option, int units) {
    }

    /**
     * One more turn for the need's unmet part: at most a quarter of the need, from the lot where it is cheapest per
     * unit, onto the need's line on that lot or a new line. False when the need is met, or no lot or slot is left for
     * it.
     */
    private static boolean giveOneLine(ScoreDirector<AllocationSolution> director, MaterialNeed need,
            List<NeedChunk> slots, Options options, long[] left) {
        NeedChunk unmet = unmetPart(slots);
        if (unmet == null) {
            return false;
        }
        int empties = (int) slots.stream().filter(c -> c.getQuantity() == 0).count();
        int wanted = unmet.getQuantity();
        int share = Math.min(wanted, (need.getQuantity() + TURNS - 1) / TURNS);
        // Lots with room for at least what the need's empty slots must take on average (cheapest per unit
        // among them); else the lot with the most room: a remnant of a few units is cheap per unit on a
        // route already used, but taking only remnants would spend the need's line slots on a few units each.
        int least = Math.min(share, (wanted + Math.max(1, empties) - 1) / Math.max(1, empties));
        Pick pick = cheapestLot(options, share, least, left);
        if (pick == null) {
            return false;
        }
        int k = pick.option();
        int units = pick.units();
        Lot lot = options.lots()[k];
        if (!put(director, unmet, slots, lot, units)) {
            return false;
        }
        left[options.lotNo()[k]] -= units;
        long[] load = options.loads()[k];
        load[0] += Supply.grams(lot, units);
        load[1] += Supply.cubicCentimetres(lot, units);
        return units < wanted;
    }

    /** The need's first slot holding an unmet part (a quantity on no lot); null when the need is met. */
    private static NeedChunk unmetPart(List<NeedChunk> slots) {
        for (NeedChunk c : slots) {
            if (c.getQuantity() > 0 && c.getLot() == null) {
                return c;
            }
        }
        return null;
    }

    /**
     * Among the lots with room for at least {@code least} units, the one where {@code share} units (or its room, if
     * less) cost least per unit to ship; else the lot with the most room; null when no lot has room.
     */
    private static Pick cheapestLot(Options options, int share, int least, long[] left) {
        int best = -1;
        int bestUnits = 0;
        double bestCost = Double.MAX_VALUE;
        int roomiest = -1;
        long roomiestRoom = 0;
        Lot[] lots = options.lots();
        for (int k = 0; k < lots.length; k++) {
            long room = left[options.lotNo()[k]];
            if (room <= 0) {
                continue;
            }
            if (room > roomiestRoom) {
                roomiest = k;
                roomiestRoom = room;
            }
            if (room < least) {
                continue;
            }
            int units = (int) Math.min(share, room);
            double perUnit = costPerUnit(options.routes()[k], lots[k], units, options.loads()[k]);
            if (perUnit < bestCost) {
                bestCost = perUnit;
                best = k;
                bestUnits = units;
            }
        }
        if (best < 0 && roomiest >= 0) {
            return new Pick(roomiest, (int) Math.min(share, roomiestRoom));
        }
        return best < 0 ? null : new Pick(best, bestUnits);
    }

    /**
     * What {@code units} of the lot add to the route's whole-vehicle cost (vehicles already going carry them for free
     * until full) plus a quarter of their load cost, per unit.
     */
    private static double costPerUnit(Route route, Lot lot, int units, long[] load) {
        long g = Supply.grams(lot, units);
        long c = Supply.cubicCentimetres(lot, units);
        return (route.costFor(load[0] + g, load[1] + c)
                - (load[0] + load[1] > 0 ? route.costFor(load[0], load[1]) : 0)
                + route.loadCostFor(g, c) / 4.0) / units;
    }

    /**
     * Moves the picked units from the unmet part onto the need's line on the lot, onto the unmet slot itself when it is
     * all of it, or onto an empty slot; false when no slot is left for a new line.
     */
    private static boolean put(ScoreDirector<AllocationSolution> director, NeedChunk unmet, List<NeedChunk> slots,
            Lot lot, int units) {
        NeedChunk line = null;
        NeedChunk empty = null;
        for (NeedChunk c : slots) {
            if (c.getLot() == lot && c.getQuantity() > 0) {
                line = c;
            } else if (c.getQuantity() == 0 && empty == null) {
                empty = c;
            }
        }
        int wanted = unmet.getQuantity();
        if (line != null) {
            ChunkEditMove.set(director, unmet, null, wanted - units);
            ChunkEditMove.set(director, line, lot, line.getQuantity() + units);
        } else if (units == wanted) {
            ChunkEditMove.set(director, unmet, lot, wanted);
        } else if (empty != null) {
            ChunkEditMove.set(director, unmet, null, wanted - units);
            ChunkEditMove.set(director, empty, lot, units);
        } else {
            return false;
        }
        return true;
    }
}
