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

    private static final long[] NO_LOAD = new long[2];

    @Override
    public void changeWorkingSolution(ScoreDirector<AllocationSolution> scoreDirector) {
        AllocationSolution solution = scoreDirector.getWorkingSolution();
        Map<Lot, Long> left = new IdentityHashMap<>();
        solution.getLots().forEach(l -> left.put(l, (long) l.getAvailable()));
        Map<MaterialNeed, List<NeedChunk>> slots = new IdentityHashMap<>();
        Map<Route, long[]> loads = new IdentityHashMap<>();
        for (NeedChunk c : solution.getChunks()) {
            if (c.isDelivering()) {
                left.merge(c.getLot(), (long) -c.getQuantity(), Long::sum);
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
        for (List<MaterialNeed> needs : byPriority.values()) {
            needs.sort(Comparator.comparingInt((MaterialNeed n) -> slots.get(n).get(0).getCandidates().size())
                    .thenComparing(n -> n.getDeliverBy() == null ? Instant.MAX : n.getDeliverBy())
                    .thenComparing(MaterialNeed::getId));
            List<MaterialNeed> turn = new ArrayList<>(needs);
            while (!turn.isEmpty()) {
                List<MaterialNeed> next = new ArrayList<>(turn.size());
                for (MaterialNeed need : turn) {
                    if (giveOneLine(scoreDirector, need, slots.get(need), left, loads)) {
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

    /** A lot chosen for a turn and the units the need takes from it. */
    private record Pick(Lot lot, int units) {
    }

    /**
     * One more turn for the need's unmet part: at most a quarter of the need, from the lot where it is cheapest per
     * unit, onto the need's line on that lot or a new line. False when the need is met, or no lot or slot is left for
     * it.
     */
    private static boolean giveOneLine(ScoreDirector<AllocationSolution> director, MaterialNeed need,
            List<NeedChunk> slots, Map<Lot, Long> left, Map<Route, long[]> loads) {
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
        Pick pick = cheapestLot(need, unmet.getCandidates(), share, least, left, loads);
        if (pick == null || !put(director, unmet, slots, pick)) {
            return false;
        }
        left.merge(pick.lot(), (long) -pick.units(), Long::sum);
        long[] load = loads.computeIfAbsent(need.supplyFor(pick.lot()).getRoute(), r -> new long[2]);
        load[0] += Supply.grams(pick.lot(), pick.units());
        load[1] += Supply.cubicCentimetres(pick.lot(), pick.units());
        return pick.units() < wanted;
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
    private static Pick cheapestLot(MaterialNeed need, List<Lot> candidates, int share, int least,
            Map<Lot, Long> left, Map<Route, long[]> loads) {
        Pick best = null;
        double bestCost = Double.MAX_VALUE;
        Lot roomiest = null;
        long roomiestRoom = 0;
        for (Lot lot : candidates) {
            long room = left.get(lot);
            if (room <= 0) {
                continue;
            }
            if (room > roomiestRoom) {
                roomiest = lot;
                roomiestRoom = room;
            }
            if (room < least) {
                continue;
            }
            int units = (int) Math.min(share, room);
            double perUnit = costPerUnit(need.supplyFor(lot).getRoute(), lot, units, loads);
            if (perUnit < bestCost) {
                bestCost = perUnit;
                best = new Pick(lot, units);
            }
        }
        if (best == null && roomiest != null) {
            best = new Pick(roomiest, (int) Math.min(share, roomiestRoom));
        }
        return best;
    }

    /**
     * What {@code units} of the lot add to the route's whole-vehicle cost (vehicles already going carry them for free
     * until full) plus a quarter of their load cost, per unit.
     */
    private static double costPerUnit(Route route, Lot lot, int units, Map<Route, long[]> loads) {
        long[] load = loads.getOrDefault(route, NO_LOAD);
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
            Pick pick) {
        NeedChunk line = null;
        NeedChunk empty = null;
        for (NeedChunk c : slots) {
            if (c.getLot() == pick.lot() && c.getQuantity() > 0) {
                line = c;
            } else if (c.getQuantity() == 0 && empty == null) {
                empty = c;
            }
        }
        int wanted = unmet.getQuantity();
        if (line != null) {
            ChunkEditMove.set(director, unmet, null, wanted - pick.units());
            ChunkEditMove.set(director, line, pick.lot(), line.getQuantity() + pick.units());
        } else if (pick.units() == wanted) {
            ChunkEditMove.set(director, unmet, pick.lot(), wanted);
        } else if (empty != null) {
            ChunkEditMove.set(director, unmet, null, wanted - pick.units());
            ChunkEditMove.set(director, empty, pick.lot(), pick.units());
        } else {
            return false;
        }
        return true;
    }
}
