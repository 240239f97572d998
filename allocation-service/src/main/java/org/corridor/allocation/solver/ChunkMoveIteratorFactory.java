package org.corridor.allocation.solver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

/**
 * Random moves that respect the item structure of the problem, so none is wasted:
 * <ul>
 * <li>a swap of two chunks of the <b>same item</b> whose lots are in each other's value range (the
 * generic swap selector picked chunks of any item, and ~95 % of its swaps were not doable);</li>
 * <li>a line change: all chunks of a need on one lot move together to another eligible lot (half
 * of the time one of the need's {@value #NEAR} nearest lots, else any), or to unmet (1 in 10).</li>
 * </ul>
 * <li>an ejection chain: a chunk takes a lot, and a chunk of another need on that lot moves to a lot
 * of its own range (or unmet), see {@link ChunkReassignMove}.</li>
 * </ul>
 * Shares: {@link #SWAP_SHARE} swaps, {@link #EJECT_SHARE} ejections, the rest line changes. Plain change moves stay in the configuration's union.
 */
public class ChunkMoveIteratorFactory implements MoveIteratorFactory<AllocationSolution, Move<AllocationSolution>> {

    static final double SWAP_SHARE = 0.35;
    static final double EJECT_SHARE = 0.35;

    private List<NeedChunk> movable;
    private Map<String, List<NeedChunk>> byItem;
    private Map<MaterialNeed, List<NeedChunk>> byNeed;
    private Map<MaterialNeed, Set<Lot>> ranges;
    private Map<MaterialNeed, List<Lot>> nearest;

    /** Line changes pick their target among the need's {@value #NEAR} nearest lots half of the time. */
    static final int NEAR = 8;

    @Override
    public void phaseStarted(ScoreDirector<AllocationSolution> scoreDirector) {
        AllocationSolution s = scoreDirector.getWorkingSolution();
        movable = new ArrayList<>();
        byItem = new HashMap<>();
        byNeed = new IdentityHashMap<>();
        ranges = new IdentityHashMap<>();
        for (NeedChunk c : s.getChunks()) {
            if (c.isPinned()) {
                continue;
            }
            movable.add(c);
            byItem.computeIfAbsent(c.getNeed().getItemCode(), k -> new ArrayList<>()).add(c);
            byNeed.computeIfAbsent(c.getNeed(), k -> new ArrayList<>()).add(c);
            ranges.computeIfAbsent(c.getNeed(), k -> java.util.Collections.newSetFromMap(new IdentityHashMap<>()))
                    .addAll(c.getCandidates());
        }
        nearest = new IdentityHashMap<>();
        for (MaterialNeed need : byNeed.keySet()) {
            List<Lot> lots = new ArrayList<>(byNeed.get(need).get(0).getCandidates());
            lots.sort(java.util.Comparator.comparingDouble(l -> need.supplyFor(l).getRoute().getDistanceKm()));
            nearest.put(need, List.copyOf(lots.subList(0, Math.min(NEAR, lots.size()))));
        }
    }

    @Override
    public void phaseEnded(ScoreDirector<AllocationSolution> scoreDirector) {
        movable = null;
        byItem = null;
        byNeed = null;
        ranges = null;
        nearest = null;
    }

    @Override
    public long getSize(ScoreDirector<AllocationSolution> scoreDirector) {
        long n = scoreDirector.getWorkingSolution().getChunks().size();
        return n * n;
    }

    @Override
    public Iterator<Move<AllocationSolution>> createOriginalMoveIterator(ScoreDirector<AllocationSolution> scoreDirector) {
        throw new UnsupportedOperationException("ChunkMoveIteratorFactory only supports random selection");
    }

    @Override
    public Iterator<Move<AllocationSolution>> createRandomMoveIterator(ScoreDirector<AllocationSolution> scoreDirector,
            Random random) {
        if (movable == null) {
            phaseStarted(scoreDirector);
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !movable.isEmpty();
            }

            @Override
            public Move<AllocationSolution> next() {
                while (true) {
                    double r = random.nextDouble();
                    Move<AllocationSolution> m = r < SWAP_SHARE ? swap(random)
                            : r < SWAP_SHARE + EJECT_SHARE ? eject(random) : line(random);
                    if (m != null) {
                        return m;
                    }
                }
            }
        };
    }

    private Move<AllocationSolution> swap(Random random) {
        NeedChunk a = movable.get(random.nextInt(movable.size()));
        List<NeedChunk> same = byItem.get(a.getNeed().getItemCode());
        NeedChunk b = same.get(random.nextInt(same.size()));
        if (a.getLot() == b.getLot() || (a.getNeed() == b.getNeed() && a.getQuantity() == b.getQuantity())) {
            return null;
        }
        if ((b.getLot() != null && !ranges.get(a.getNeed()).contains(b.getLot()))
                || (a.getLot() != null && !ranges.get(b.getNeed()).contains(a.getLot()))) {
            return null;
        }
        return new ChunkSwapMove(a, b);
    }

    private Lot pick(MaterialNeed need, Random random) {
        List<Lot> from = random.nextBoolean() ? nearest.get(need) : byNeed.get(need).get(0).getCandidates();
        return from.get(random.nextInt(from.size()));
    }

    /** Chunk c takes lot x; a chunk d of another need on x moves to a lot y of its own range (or unmet). */
    private Move<AllocationSolution> eject(Random random) {
        NeedChunk c = movable.get(random.nextInt(movable.size()));
        Lot x = pick(c.getNeed(), random);
        if (x == c.getLot()) {
            return null;
        }
        NeedChunk d = null;
        int seen = 0;
        for (NeedChunk e : byItem.get(c.getNeed().getItemCode())) {
            if (e.getLot() == x && e.getNeed() != c.getNeed() && random.nextInt(++seen) == 0) {
                d = e;
            }
        }
        if (d == null) {
            return new ChunkReassignMove(List.of(c), java.util.Collections.singletonList(x));
        }
        Lot y = random.nextInt(10) == 0 ? null : pick(d.getNeed(), random);
        if (y == x) {
            return null;
        }
        return new ChunkReassignMove(List.of(c, d), java.util.Arrays.asList(x, y));
    }

    private Move<AllocationSolution> line(Random random) {
        NeedChunk a = movable.get(random.nextInt(movable.size()));
        Lot from = a.getLot();
        List<Lot> candidates = random.nextBoolean() ? nearest.get(a.getNeed()) : a.getCandidates();
        Lot to = random.nextInt(10) == 0 ? null : candidates.get(random.nextInt(candidates.size()));
        if (from == to) {
            return null;
        }
        List<NeedChunk> line = new ArrayList<>();
        for (NeedChunk c : byNeed.get(a.getNeed())) {
            if (c.getLot() == from) {
                line.add(c);
            }
        }
        return new LineChangeMove(line, from, to);
    }
}
