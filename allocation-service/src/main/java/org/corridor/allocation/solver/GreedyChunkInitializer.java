package org.corridor.allocation.solver;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.phase.custom.CustomPhaseCommand;

/**
 * Construction of the material chunks the way a logistics officer would fill needs, in seconds even
 * for 100,000 chunks: priority by priority (CRITICAL first); within one priority, first fit
 * decreasing over the chunks of all its needs (largest first; chunk sizes are powers of two, for
 * which decreasing first fit leaves few fragments of room the remaining chunks could have used),
 * each chunk to the lot of its (pruned, eligible) value range with room for it where it is cheapest
 * to ship: whole vehicles, counting the vehicles already going from that depot to the site (free
 * until full), plus the load term. Chunks no lot has room for stay unmet. Only unassigned chunks
 * are touched. Local search then improves cost, consolidation and fairness.
 * <p>
 * It replaced a best-fit-decreasing construction that evaluated every eligible lot for every chunk:
 * O(chunks x lots) score calculations (about 45 million on the XL benchmark instance, far beyond a
 * minute), while this rule's start on the medium instance is as good (see docs/benchmarks).
 */
public class GreedyChunkInitializer implements CustomPhaseCommand<AllocationSolution> {

    private static final long[] NO_LOAD = new long[2];

    @Override
    public void changeWorkingSolution(ScoreDirector<AllocationSolution> scoreDirector) {
        AllocationSolution solution = scoreDirector.getWorkingSolution();
        Map<Lot, Long> left = new IdentityHashMap<>();
        solution.getLots().forEach(l -> left.put(l, (long) l.getAvailable()));
        Map<MaterialNeed, List<NeedChunk>> open = new IdentityHashMap<>();
        Map<Route, long[]> loads = new IdentityHashMap<>();
        for (NeedChunk c : solution.getChunks()) {
            if (c.getLot() != null) {
                left.merge(c.getLot(), (long) -c.getQuantity(), Long::sum);
                long[] load = loads.computeIfAbsent(c.getSupply().getRoute(), r -> new long[2]);
                load[0] += c.getGrams();
                load[1] += c.getCubicCentimetres();
            } else if (!c.isPinned()) {
                open.computeIfAbsent(c.getNeed(), n -> new ArrayList<>()).add(c);
            }
        }
        // Priority by priority; within one priority, first fit decreasing over the chunks of all its
        // needs: chunk sizes are powers of two (divisible), for which decreasing first fit packs lots
        // without leaving fragments the remaining chunks could have used. Each chunk goes to the lot
        // with room for it where it is cheapest to ship (vehicles already going from that depot to
        // the site carry it for free until full, plus the load term).
        Map<org.corridor.allocation.solver.api.Priority, List<NeedChunk>> byPriority = new java.util.EnumMap<>(
                org.corridor.allocation.solver.api.Priority.class);
        open.values().forEach(list -> list.forEach(c -> byPriority.computeIfAbsent(c.getNeed().getPriority(),
                p -> new ArrayList<>()).add(c)));
        for (List<NeedChunk> chunks : byPriority.values()) {
            chunks.sort(Comparator.comparingInt(NeedChunk::getQuantity).reversed()
                    .thenComparing(c -> c.getNeed().getDeliverBy() == null ? Instant.MAX : c.getNeed().getDeliverBy())
                    .thenComparing(NeedChunk::getId));
            for (NeedChunk chunk : chunks) {
                MaterialNeed need = chunk.getNeed();
                int q = chunk.getQuantity();
                Lot bestLot = null;
                double bestCost = Double.MAX_VALUE;
                for (Lot lot : chunk.getCandidates()) {
                    if (left.get(lot) < q) {
                        continue;
                    }
                    Route route = need.supplyFor(lot).getRoute();
                    long[] load = loads.getOrDefault(route, NO_LOAD);
                    long g = Supply.grams(lot, q);
                    long c = Supply.cubicCentimetres(lot, q);
                    double marginal = route.costFor(load[0] + g, load[1] + c)
                            - (load[0] + load[1] > 0 ? route.costFor(load[0], load[1]) : 0)
                            + route.loadCostFor(g, c) / 4.0;
                    if (marginal < bestCost) {
                        bestCost = marginal;
                        bestLot = lot;
                    }
                }
                if (bestLot == null) {
                    continue;
                }
                scoreDirector.beforeVariableChanged(chunk, "lot");
                chunk.setLot(bestLot);
                scoreDirector.afterVariableChanged(chunk, "lot");
                left.merge(bestLot, (long) -q, Long::sum);
                long[] load = loads.computeIfAbsent(need.supplyFor(bestLot).getRoute(), r -> new long[2]);
                load[0] += Supply.grams(bestLot, q);
                load[1] += Supply.cubicCentimetres(bestLot, q);
            }
        }
        scoreDirector.triggerVariableListeners();
    }

}
