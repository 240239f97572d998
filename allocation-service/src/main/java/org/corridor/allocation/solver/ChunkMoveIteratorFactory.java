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
 * Random moves over the line slots ({@link NeedChunk}) that respect the structure of the problem, so
 * none is wasted on an empty slot or a lot of another item:
 * <ul>
 * <li>a <b>transfer</b> ({@link ChunkEditMove}): units of a need move from one of its lines (or
 * from what is unmet) to a lot with room, as much as fits or a random part of it, onto the need's
 * line on that lot or a new line in an empty slot; or back to unmet (1 in 10). This is how a need
 * fills exactly the room left in small lots and shifts part of a load to a route whose vehicle
 * still has room;</li>
 * <li>a swap of the lots of two lines of the <b>same item</b> whose lots are in each other's value
 * range;</li>
 * <li>a line change: the need's line on one lot moves to another eligible lot (half of the time one
 * of the need's {@value #NEAR} nearest lots, else any), or to unmet (1 in 10);</li>
 * <li>an ejection chain: a line takes a lot, and a line of another need on that lot moves to a lot
 * of its own range (or unmet), see {@link ChunkReassignMove};</li>
 * <li>a route closure: every line from one depot to one site moves to lots with room on other routes
 * already serving that site, so its vehicles no longer run.</li>
 * </ul>
 * When the target lot of a transfer is full, two needs trade instead: a unit swap between their lines
 * on two lots, or the other need gives units back (to its unmet part or another of its lots).
 * Shares: {@link #TRANSFER_SHARE} transfers, {@link #SWAP_SHARE} swaps, {@link #EJECT_SHARE}
 * ejections, {@link #CLOSE_SHARE} route closures, the rest line changes.
 */
public class ChunkMoveIteratorFactory implements MoveIteratorFactory<AllocationSolution, Move<AllocationSolution>> {

    static final double TRANSFER_SHARE = 0.4;
    static final double SWAP_SHARE = 0.15;
    static final double EJECT_SHARE = 0.15;
    static final double CLOSE_SHARE = 0.05;
    /** A route with more lines than this is not closed in one move. */
    static final int CLOSE_MAX_LINES = 8;

    private List<NeedChunk> movable;
    private Map<String, List<NeedChunk>> byItem;
    private Map<MaterialNeed, List<NeedChunk>> byNeed;
    private Map<MaterialNeed, Set<Lot>> ranges;
    private Map<MaterialNeed, List<Lot>> nearest;
    private Map<Site, List<NeedChunk>> bySite;

    /** Line changes pick their target among the need's {@value #NEAR} nearest lots half of the time. */
    static final int NEAR = 8;

    @Override
    public void phaseStarted(ScoreDirector<AllocationSolution> scoreDirector) {
        AllocationSolution s = scoreDirector.getWorkingSolution();
        movable = new ArrayList<>();
        byItem = new HashMap<>();
        byNeed = new IdentityHashMap<>();
        ranges = new IdentityHashMap<>();
        bySite = new IdentityHashMap<>();
        for (NeedChunk c : s.getChunks()) {
            if (c.isPinned()) {
                continue;
            }
            movable.add(c);
            byItem.computeIfAbsent(c.getNeed().getItemCode(), k -> new ArrayList<>()).add(c);
            byNeed.computeIfAbsent(c.getNeed(), k -> new ArrayList<>()).add(c);
            bySite.computeIfAbsent(c.getNeed().getSite(), k -> new ArrayList<>()).add(c);
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
        bySite = null;
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
                    Move<AllocationSolution> m = r < TRANSFER_SHARE ? transfer(random)
                            : r < TRANSFER_SHARE + SWAP_SHARE ? swap(random)
                            : r < TRANSFER_SHARE + SWAP_SHARE + EJECT_SHARE ? eject(random)
                            : r < TRANSFER_SHARE + SWAP_SHARE + EJECT_SHARE + CLOSE_SHARE ? closeRoute(random) : line(random);
                    if (m != null) {
                        return m;
                    }
                }
            }
        };
    }

    private Move<AllocationSolution> swap(Random random) {
        NeedChunk a = nonEmpty(random);
        if (a.getQuantity() == 0) {
            return null;
        }
        List<NeedChunk> same = byItem.get(a.getNeed().getItemCode());
        NeedChunk b = same.get(random.nextInt(same.size()));
        if (a.getLot() == b.getLot() || b.getQuantity() == 0 || (a.getNeed() == b.getNeed() && a.getQuantity() == b.getQuantity())) {
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
        NeedChunk c = nonEmpty(random);
        if (c.getQuantity() == 0) {
            return null;
        }
        Lot x = pick(c.getNeed(), random);
        if (x == c.getLot()) {
            return null;
        }
        NeedChunk d = null;
        int seen = 0;
        for (NeedChunk e : byItem.get(c.getNeed().getItemCode())) {
            if (e.getLot() == x && e.getQuantity() > 0 && e.getNeed() != c.getNeed() && random.nextInt(++seen) == 0) {
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

    /**
     * Closes a route: every line going from one depot to one site moves, whole, to a lot of its need
     * with room on another route already serving that site (random among them). Its vehicles no longer
     * run and the loads join vehicles already going: the consolidation the whole-vehicle transport
     * cost rewards, which moving one line at a time rarely reaches because the route's last vehicle
     * only disappears with its last line.
     */
    private Move<AllocationSolution> closeRoute(Random random) {
        NeedChunk a = nonEmpty(random);
        if (a.getLot() == null) {
            return null;
        }
        Route route = a.getNeed().supplyFor(a.getLot()).getRoute();
        List<NeedChunk> lines = new ArrayList<>();
        Set<Route> active = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (NeedChunk c : bySite.get(a.getNeed().getSite())) {
            if (c.isDelivering()) {
                Route r = c.getNeed().supplyFor(c.getLot()).getRoute();
                if (r == route) {
                    lines.add(c);
                } else {
                    active.add(r);
                }
            }
        }
        if (active.isEmpty() || lines.size() > CLOSE_MAX_LINES) {
            return null;
        }
        Map<Lot, Long> added = new IdentityHashMap<>();
        Map<NeedChunk, Lot> lots = new java.util.LinkedHashMap<>();
        Map<NeedChunk, Integer> quantities = new java.util.LinkedHashMap<>();
        for (NeedChunk line : lines) {
            MaterialNeed need = line.getNeed();
            int q = line.getQuantity();
            Lot target = null;
            int seen = 0;
            for (Lot l : line.getCandidates()) {
                if (!active.contains(need.supplyFor(l).getRoute())) {
                    continue;
                }
                if (l.getAvailable() - used(l) - added.getOrDefault(l, 0L) >= q && random.nextInt(++seen) == 0) {
                    target = l;
                }
            }
            if (target == null) {
                return null;
            }
            NeedChunk to = null;
            for (NeedChunk c : byNeed.get(need)) {
                Lot planned = lots.containsKey(c) ? lots.get(c) : c.getLot();
                int plannedQuantity = quantities.containsKey(c) ? quantities.get(c) : c.getQuantity();
                if (plannedQuantity > 0 && planned == target) {
                    to = c;
                    break;
                }
                if (to == null && plannedQuantity == 0 && c.getQuantity() == 0) {
                    to = c;
                }
            }
            if (to == null) {
                return null;
            }
            lots.put(line, null);
            quantities.put(line, 0);
            int before = quantities.containsKey(to) ? quantities.get(to) : to.getQuantity();
            lots.put(to, target);
            quantities.put(to, before + q);
            added.merge(target, (long) q, Long::sum);
        }
        return new ChunkEditMove(new ArrayList<>(lots.keySet()), new ArrayList<>(lots.values()),
                new ArrayList<>(quantities.values()));
    }

    /**
     * A random slot with a positive quantity (a line, or what is unmet of a need); a few tries, then
     * any movable slot (moves on it are then refused as not doable or not useful).
     */
    private NeedChunk nonEmpty(Random random) {
        NeedChunk c = movable.get(random.nextInt(movable.size()));
        for (int i = 0; i < 16 && c.getQuantity() == 0; i++) {
            c = movable.get(random.nextInt(movable.size()));
        }
        return c;
    }

    /** Units of one need move from a line (or its unmet part) to a lot with room, or back to unmet. */
    private Move<AllocationSolution> transfer(Random random) {
        NeedChunk a = nonEmpty(random);
        int q = a.getQuantity();
        if (q == 0) {
            return null;
        }
        MaterialNeed need = a.getNeed();
        if (a.getLot() != null && random.nextInt(10) == 0) {
            NeedChunk unmet = slotOn(need, null);
            if (unmet == null) {
                return null;
            }
            int units = random.nextBoolean() ? q : 1 + random.nextInt(q);
            return ChunkEditMove.transfer(a, unmet, null, units);
        }
        Lot x = pick(need, random);
        if (x == a.getLot()) {
            return null;
        }
        long room = x.getAvailable() - used(x);
        if (room <= 0) {
            return a.getLot() != null && random.nextBoolean() ? unitSwap(a, x, random) : exchange(a, x, random);
        }
        NeedChunk to = slotOn(need, x);
        if (to == null) {
            return null;
        }
        int most = (int) Math.min(q, room);
        int units = random.nextBoolean() ? most : 1 + random.nextInt(most);
        return ChunkEditMove.transfer(a, to, x, units);
    }

    /**
     * Lot x is full: a line b of another need on x that may take a's lot trades units with line a: k
     * units of a's need move from a's lot to x, k units of b's need from x to a's lot. Every lot keeps
     * its load, so on instances where every lot is taken this still moves stock to nearer sites.
     */
    private Move<AllocationSolution> unitSwap(NeedChunk a, Lot x, Random random) {
        Lot y = a.getLot();
        NeedChunk b = null;
        int seen = 0;
        for (NeedChunk e : byItem.get(x.getItemCode())) {
            if (e.getLot() == x && e.getQuantity() > 0 && e.getNeed() != a.getNeed()
                    && ranges.get(e.getNeed()).contains(y) && random.nextInt(++seen) == 0) {
                b = e;
            }
        }
        if (b == null) {
            return null;
        }
        NeedChunk aTo = slotOn(a.getNeed(), x);
        NeedChunk bTo = slotOn(b.getNeed(), y);
        if (aTo == null || bTo == null) {
            return null;
        }
        int most = Math.min(a.getQuantity(), b.getQuantity());
        int units = random.nextBoolean() ? most : 1 + random.nextInt(most);
        int aLeft = a.getQuantity() - units;
        int bLeft = b.getQuantity() - units;
        return new ChunkEditMove(List.of(a, aTo, b, bTo),
                java.util.Arrays.asList(aLeft == 0 ? null : y, x, bLeft == 0 ? null : x, y),
                List.of(aLeft, aTo.getQuantity() + units, bLeft, bTo.getQuantity() + units));
    }

    /**
     * Lot x is full: another need's line on x gives units back to its own unmet part or moves them to
     * another of its lots with room, and they go to a's need instead (taken from a). Shares a scarce lot between needs, or lets a higher priority
     * take it over, one step at a time.
     */
    private Move<AllocationSolution> exchange(NeedChunk a, Lot x, Random random) {
        NeedChunk d = null;
        int seen = 0;
        for (NeedChunk e : byItem.get(x.getItemCode())) {
            if (e.getLot() == x && e.getQuantity() > 0 && e.getNeed() != a.getNeed() && random.nextInt(++seen) == 0) {
                d = e;
            }
        }
        if (d == null) {
            return null;
        }
        NeedChunk to = slotOn(a.getNeed(), x);
        // half of the time d's units move on to another lot of d's with room (an ejection chain), else to d's unmet part
        Lot y = random.nextBoolean() ? pick(d.getNeed(), random) : null;
        long yRoom = Long.MAX_VALUE;
        if (y != null) {
            yRoom = y == x ? 0 : y.getAvailable() - used(y);
            if (yRoom <= 0) {
                return null;
            }
        }
        NeedChunk back = slotOn(d.getNeed(), y);
        if (to == null || back == null || back == d) {
            return null;
        }
        int most = (int) Math.min(Math.min(a.getQuantity(), d.getQuantity()), yRoom);
        int units = random.nextBoolean() ? most : 1 + random.nextInt(most);
        int aLeft = a.getQuantity() - units;
        int dLeft = d.getQuantity() - units;
        return new ChunkEditMove(List.of(a, to, d, back),
                java.util.Arrays.asList(aLeft == 0 ? null : a.getLot(), x, dLeft == 0 ? null : x, y),
                List.of(aLeft, to.getQuantity() + units, dLeft, back.getQuantity() + units));
    }

    /**
     * The need's slot that already holds a line on {@code lot} (for null: its unmet part), else an
     * empty slot to start one; null when every slot is in use.
     */
    private NeedChunk slotOn(MaterialNeed need, Lot lot) {
        NeedChunk empty = null;
        for (NeedChunk c : byNeed.get(need)) {
            if (c.getQuantity() == 0) {
                if (empty == null) {
                    empty = c;
                }
            } else if (c.getLot() == lot) {
                return c;
            }
        }
        return empty;
    }

    /** Units of a lot taken by all lines (of every need of its item). */
    private long used(Lot lot) {
        long used = 0;
        for (NeedChunk c : byItem.get(lot.getItemCode())) {
            if (c.getLot() == lot) {
                used += c.getQuantity();
            }
        }
        return used;
    }

    private Move<AllocationSolution> line(Random random) {
        NeedChunk a = nonEmpty(random);
        Lot from = a.getLot();
        List<Lot> candidates = random.nextBoolean() ? nearest.get(a.getNeed()) : a.getCandidates();
        Lot to = random.nextInt(10) == 0 ? null : candidates.get(random.nextInt(candidates.size()));
        if (from == to) {
            return null;
        }
        List<NeedChunk> line = new ArrayList<>();
        for (NeedChunk c : byNeed.get(a.getNeed())) {
            if (c.getLot() == from && c.getQuantity() > 0) {
                line.add(c);
            }
        }
        return line.isEmpty() ? null : new LineChangeMove(line, from, to);
    }
}
