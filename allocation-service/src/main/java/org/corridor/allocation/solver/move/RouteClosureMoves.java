package org.corridor.allocation.solver.move;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.corridor.allocation.solver.AllocationSolution;
import org.corridor.allocation.solver.Lot;
import org.corridor.allocation.solver.MaterialNeed;
import org.corridor.allocation.solver.NeedChunk;
import org.corridor.allocation.solver.Route;
import org.corridor.allocation.solver.Supply;
import org.optaplanner.core.impl.heuristic.move.Move;

/**
 * Route closures ({@link ChunkEditMove}): one route may open (the default route of a random lot of a random line's
 * need), then open routes are closed, dearest first (a little randomised) and then, where configured, the routes of a
 * few random lines, as long as the units each carries can go another way. Each closure is checked exactly, item by
 * item, as a flow: the units the closed route carried are re-routed along augmenting paths (a need takes from a lot
 * with room on a running route, or from a lot another need of its item gives up because that need can take from
 * elsewhere, and so on, across every site of the item), and a closure that cannot place all its units is undone. Each
 * need keeps its units; which routes run changes, several at a time, decided across sites and items: the fixed-charge
 * choice (a route costs whole vehicles, mostly one) that moving one line at a time rarely reaches, because a route's
 * vehicle only disappears with its last line. A move is built only when the routes running afterwards cost less than
 * before: each running route costs the whole vehicles its load needs, by weight and volume ({@link Route#costFor}), as
 * in the score, so that units moved onto a running route that would need another vehicle there are not counted as free.
 * <p>
 * The kicking family ({@link #kicking()}) goes on from there: it closes a random running route even where its units
 * need routes not running, closes what it can after it, and keeps the cheapest route set found on the way; see
 * {@link #kicking()}.
 * <p>
 * The flows are brought up to the working solution once per step ({@link LotUse#step()}), by reading again the slots
 * the steps since may have changed ({@link LotUse#takeChanged()}), and every move restores them when it is built.
 */
public final class RouteClosureMoves implements MoveFamily {

    private static volatile boolean checkingSkips;
    private static final AtomicLong SKIPS_CHECKED = new AtomicLong();

    /** Open routes tried for closure per move (and after each kick), dearest first. */
    static final int MAX_CLOSURE_TRIES = 24;
    /** Kicks per move of the kicking family ({@link #kicking()}). */
    static final int KICKS = 10;
    /** Augmenting paths at most per move of the covering family ({@link #covering()}). */
    static final int MAX_COVER_PATHS = 32;

    private final MoveIndex index;
    private final LotUse use;
    private final RouteEdit edit;
    /**
     * Routes of random lines tried for closure per move (and after each kick), after the dearest: drawn by lines, so
     * that every running route has its chance, however cheap ({@link ChunkMoveIteratorFactory}'s
     * {@code randomClosureTries}).
     */
    private final int randomClosureTries;
    /** Needs with movable slots, densely numbered. */
    private final MaterialNeed[] needs;
    /** By slot index, the number of its need. */
    private final int[] needOfSlot;
    /**
     * Per need: its candidate lot indexes (sorted), the arc of each, the needs of its item, and the position of each
     * lot of its item among its candidates (by the lot's place among its item's lots, {@link #lotLocal}; -1: not one).
     */
    private final int[][] lotsOf;
    private final int[][] posOf;
    private final int[] lotLocal;
    private final int[][] arcOf;
    private final int[] itemOf;
    private final int[][] needsOfItem;
    /** Arcs: the default routes of candidate lots, with the cost of one vehicle; per arc its (need, position) edges. */
    private final List<Route> arcs = new ArrayList<>();
    private final long[] arcCost;
    /** All arcs, dearest first. */
    private final int[] byCost;
    private final int[][] arcEdges;
    /** Units of each lot the movable slots may take. */
    private final long[] capacity;

    // the flows of the working solution (read once per step), changed while a move is built and restored after it
    private final int[][] flow;
    private final long[] taken;
    private final int[] arcLoad;
    private final boolean[] closed;
    private final int[] deficit;
    /** Per need: units its movable slots hold in all (lines and unmet part), and units on lots in the flows. */
    private final int[] total;
    private final int[] delivered;
    /** Per need: the step in which the covering family last found no augmenting path for it (-1: none). */
    private final int[] uncoverableAt;
    private int opened = -1;
    /** The step whose working solution the flows were loaded from. */
    private int loadedStep = -1;
    /** Per movable slot, the lot index (-1: none) and units it was last read with; whether all were read once. */
    private final int[] readLot;
    private final int[] readUnits;
    private boolean readOnce;
    /** Per arc: the grams and cubic centimetres its flows carry, and what they cost ({@link #runCost}). */
    private final long[] arcGrams;
    private final long[] arcCm3;
    private final long[] arcRun;
    /** Cost of the arcs running (the whole vehicles of each), kept up to date as flows change. */
    private long running;
    /**
     * Arcs closed by the move being built, to open again after it, each with the length of the undo log when its
     * closure began (to open it again when the flows go back to before that).
     */
    private int[] closedArcs = new int[64];
    private int[] closedAt = new int[64];
    private int closedCount;
    /** Whether augmenting paths may use any arc not closed, running or not (a kick), or only running ones. */
    private boolean anyArc;
    /** Undo log of the flow changes of the move being built: need, position, previous flow. */
    private int[] undo = new int[256];
    private int undoCount;
    /**
     * Per lot index: the needs that may take from it, with the lot's position among each one's candidates (need,
     * position, ...), needs in ascending order.
     */
    private final int[][] needsOfLot;
    /** Per lot index: the augmenting path search that last searched it ({@link #visitStamp}). */
    private final int[] lotVisit;
    private int visitStamp;
    private final int[] parentNeed;
    private final int[] parentPos;
    private final int[] queue;
    /** Per item: its lot indexes. */
    private final int[][] lotsOfItem;
    /**
     * Memo of failed closures. A closure onto running routes re-routes each item it carries among that item's needs and
     * lots only. How an item's units re-route depends on its flows, on the state of each arc carrying it (closed, or
     * running for other items' sake) and on the opened arc where it carries the item; other items reach it only by
     * changing those states. Per item a hash of that state (each flow times a key of its edge, plus a key times the
     * state of each arc carrying the item) is kept up to date as flows change and arcs close, with a count of its state
     * changes. When a closure fails at an item whose arcs no other item changed during the closure, that item alone
     * made it fail: the arc remembers the item, its hash with the arc closed, and the opened arc if it carried the
     * item. A later closure of the arc while that item's hash and opened arc are the same (another move of the same
     * step, the next kick of a kicking move, a later step that changed only other items) fails again and is skipped:
     * the same plans, fewer augmenting paths.
     */
    private final long[] itemHash;
    private final int[] stateChanges;
    /** Per arc: the items it carries, and per item the arc's edges of it with units, and the arc's state for it. */
    private final int[][] itemsOfArc;
    private final int[][] itemLoad;
    private final byte[][] arcState;
    /** Per need and candidate position: the place of the need's item among its arc's items. */
    private final int[][] itemSlot;
    /** Per item: whether the opened arc carries it (equal to {@link #openedStamp}). */
    private final int[] openedItem;
    private int openedStamp;
    /**
     * Per arc: the place of the item that alone failed its closure (-1: none), its hash, the opened arc if it mattered.
     */
    private final int[] failedItemSlot;
    private final long[] failedItemHash;
    private final int[] failedItemOpened;
    /** The hashes and state change counts of the arc's items when the closure being tried began. */
    private long[] startHash = new long[16];
    private int[] startChanges = new int[16];

    RouteClosureMoves(MoveIndex index, LotUse use, RouteEdit edit, int randomClosureTries) {
        this.index = index;
        this.use = use;
        this.edit = edit;
        this.randomClosureTries = randomClosureTries;
        needs = index.needs().toArray(new MaterialNeed[0]);
        needOfSlot = new int[index.movable().size()];
        readLot = new int[needOfSlot.length];
        readUnits = new int[needOfSlot.length];
        for (int n = 0; n < needs.length; n++) {
            for (NeedChunk c : index.slotsOf(needs[n])) {
                needOfSlot[c.getIndex()] = n;
            }
        }
        lotLocal = new int[index.lotCount()];
        for (int item = 0; item < index.itemCount(); item++) {
            int[] itemLots = index.lotsOfItem(item);
            for (int i = 0; i < itemLots.length; i++) {
                lotLocal[itemLots[i]] = i;
            }
        }
        posOf = new int[needs.length][];
        lotsOf = new int[needs.length][];
        arcOf = new int[needs.length][];
        itemOf = new int[needs.length];
        Map<Route, Integer> arcIndex = new IdentityHashMap<>();
        List<List<int[]>> edges = new ArrayList<>();
        List<List<Integer>> byItem = new ArrayList<>();
        for (int i = 0; i < index.itemCount(); i++) {
            byItem.add(new ArrayList<>());
        }
        for (int n = 0; n < needs.length; n++) {
            MaterialNeed need = needs[n];
            int[] lots = index.candidates(need).stream().mapToInt(Lot::getIndex).sorted().toArray();
            lotsOf[n] = lots;
            arcOf[n] = new int[lots.length];
            for (int k = 0; k < lots.length; k++) {
                Route r = need.supplyFor(index.lot(lots[k])).getRoute();
                Integer a = arcIndex.get(r);
                if (a == null) {
                    a = arcs.size();
                    arcIndex.put(r, a);
                    arcs.add(r);
                    edges.add(new ArrayList<>());
                }
                arcOf[n][k] = a;
                edges.get(a).add(new int[]{n, k});
            }
            itemOf[n] = lots.length == 0 ? 0 : index.itemOf(lots[0]);
            byItem.get(itemOf[n]).add(n);
            posOf[n] = new int[index.lotsOfItem(itemOf[n]).length];
            Arrays.fill(posOf[n], -1);
            for (int k = 0; k < lots.length; k++) {
                posOf[n][lotLocal[lots[k]]] = k;
            }
        }
        needsOfItem = byItem.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        arcCost = arcs.stream().mapToLong(r -> Math.round(RouteEdit.vehicleCost(r))).toArray();
        byCost = IntStream.range(0, arcCost.length).boxed()
                .sorted((x, y) -> Long.compare(arcCost[y], arcCost[x])).mapToInt(Integer::intValue).toArray();
        arcEdges = new int[arcs.size()][];
        for (int a = 0; a < arcs.size(); a++) {
            List<int[]> e = edges.get(a);
            arcEdges[a] = new int[2 * e.size()];
            for (int j = 0; j < e.size(); j++) {
                arcEdges[a][2 * j] = e.get(j)[0];
                arcEdges[a][2 * j + 1] = e.get(j)[1];
            }
        }
        capacity = new long[index.lotCount()];
        for (int li = 0; li < capacity.length; li++) {
            capacity[li] = index.available(li) - index.pinnedUse(li);
        }
        flow = new int[needs.length][];
        for (int n = 0; n < needs.length; n++) {
            flow[n] = new int[lotsOf[n].length];
        }
        taken = new long[index.lotCount()];
        arcLoad = new int[arcs.size()];
        arcGrams = new long[arcs.size()];
        arcCm3 = new long[arcs.size()];
        arcRun = new long[arcs.size()];
        closed = new boolean[arcs.size()];
        deficit = new int[needs.length];
        total = new int[needs.length];
        delivered = new int[needs.length];
        uncoverableAt = new int[needs.length];
        Arrays.fill(uncoverableAt, -1);
        for (int n = 0; n < needs.length; n++) {
            for (NeedChunk c : index.slotsOf(needs[n])) {
                total[n] += c.getQuantity();
            }
        }
        int[] takerCount = new int[index.lotCount()];
        for (int[] lots : lotsOf) {
            for (int li : lots) {
                takerCount[li]++;
            }
        }
        needsOfLot = new int[index.lotCount()][];
        for (int li = 0; li < needsOfLot.length; li++) {
            needsOfLot[li] = new int[2 * takerCount[li]];
        }
        Arrays.fill(takerCount, 0);
        for (int n = 0; n < needs.length; n++) {
            for (int k = 0; k < lotsOf[n].length; k++) {
                int li = lotsOf[n][k];
                needsOfLot[li][2 * takerCount[li]] = n;
                needsOfLot[li][2 * takerCount[li]++ + 1] = k;
            }
        }
        lotVisit = new int[index.lotCount()];
        parentNeed = new int[needs.length];
        parentPos = new int[needs.length];
        queue = new int[needs.length];
        lotsOfItem = IntStream.range(0, index.itemCount()).mapToObj(index::lotsOfItem).toArray(int[][]::new);
        itemHash = new long[index.itemCount()];
        itemsOfArc = new int[arcs.size()][];
        itemLoad = new int[arcs.size()][];
        arcState = new byte[arcs.size()][];
        for (int a = 0; a < arcs.size(); a++) {
            int[] e = arcEdges[a];
            itemsOfArc[a] = IntStream.range(0, e.length / 2).map(j -> itemOf[e[2 * j]]).distinct().sorted().toArray();
            itemLoad[a] = new int[itemsOfArc[a].length];
            arcState[a] = new byte[itemsOfArc[a].length];
        }
        itemSlot = new int[needs.length][];
        for (int n = 0; n < needs.length; n++) {
            itemSlot[n] = new int[lotsOf[n].length];
            for (int k = 0; k < lotsOf[n].length; k++) {
                itemSlot[n][k] = Arrays.binarySearch(itemsOfArc[arcOf[n][k]], itemOf[n]);
            }
        }
        openedItem = new int[index.itemCount()];
        failedItemSlot = new int[arcs.size()];
        Arrays.fill(failedItemSlot, -1);
        failedItemHash = new long[arcs.size()];
        failedItemOpened = new int[arcs.size()];
        stateChanges = new int[index.itemCount()];
    }

    /**
     * One try of this family on a plan outside a solver phase, for tests: the move built from {@code solution} with
     * {@code random}, or null.
     */
    public static Move<AllocationSolution> tryOn(AllocationSolution solution, Random random) {
        return tryOn(solution, random, 0);
    }

    /**
     * The same, with the routes of {@code randomClosureTries} random lines tried for closure after the dearest.
     */
    public static Move<AllocationSolution> tryOn(AllocationSolution solution, Random random, int randomClosureTries) {
        MoveIndex index = new MoveIndex(solution);
        LotUse use = new LotUse(index);
        return new RouteClosureMoves(index, use, new RouteEdit(index, use), randomClosureTries).next(random);
    }

    /**
     * One try of the kicking family outside a solver phase, for tests: the move built from {@code solution} with
     * {@code random}, or null.
     */
    public static Move<AllocationSolution> tryKickingOn(AllocationSolution solution, Random random) {
        MoveIndex index = new MoveIndex(solution);
        LotUse use = new LotUse(index);
        return new RouteClosureMoves(index, use, new RouteEdit(index, use), 0).search(random, KICKS);
    }

    /**
     * One try of the covering family outside a solver phase, for tests: the move built from {@code solution} with
     * {@code random}, or null.
     */
    public static Move<AllocationSolution> tryCoveringOn(AllocationSolution solution, Random random) {
        MoveIndex index = new MoveIndex(solution);
        LotUse use = new LotUse(index);
        return new RouteClosureMoves(index, use, new RouteEdit(index, use), 0).covering().next(random);
    }

    @Override
    public Move<AllocationSolution> next(Random random) {
        return search(random, 0);
    }

    /**
     * Covering: a random need with unmet units takes as many as augmenting paths can bring (at most
     * {@value #MAX_COVER_PATHS} paths), over running routes first (their vehicles go anyway), then over any route: from
     * lots with room, or from lots other needs of its item give up because they can take the same units elsewhere, and
     * so on. No other need loses a unit, so the unmet level only improves, in one step, however long the chain;
     * transfers and trades move one or two needs at a time, and a chain whose first steps only cost (stability,
     * transport) is one simulated annealing rarely walks, as when a re-plan's new need can only be covered by moving
     * base lines of other needs. A need no path can cover is not tried again in the same step.
     */
    MoveFamily covering() {
        return this::cover;
    }

    private Move<AllocationSolution> cover(Random random) {
        if (use.step() != loadedStep) {
            load();
            loadedStep = use.step();
        }
        int target = -1;
        int seen = 0;
        for (int n = 0; n < needs.length; n++) {
            if (total[n] > delivered[n] && uncoverableAt[n] != loadedStep && random.nextInt(++seen) == 0) {
                target = n;
            }
        }
        if (target < 0) {
            return null;
        }
        undoCount = 0;
        try {
            deficit[target] = total[target] - delivered[target];
            // over running routes first (their vehicles go anyway), then over any route
            int paths = 0;
            for (anyArc = false; paths < MAX_COVER_PATHS && deficit[target] > 0 && augment(target); paths++) {
                // each path brings what its narrowest step allows
            }
            for (anyArc = true; paths < MAX_COVER_PATHS && deficit[target] > 0 && augment(target); paths++) {
                // the same over routes not running
            }
            deficit[target] = 0;
            anyArc = false;
            if (undoCount == 0) {
                uncoverableAt[target] = loadedStep;
                return null;
            }
            return build();
        } finally {
            anyArc = false;
            revert(0);
        }
    }

    /**
     * The same closures, then {@value #KICKS} kicks: each closes the route of a random line of the working solution
     * (unless this move closed it already) even when its units need routes not running (any route not closed by this
     * move), then closes what it can, dearest first; a kick that leaves the routes costing more than the best found is
     * undone, one that costs the same is kept (the walk may cross a plateau). The move goes to the best routes found,
     * when they cost less than the working solution's. A closure alone stops where no single route opened lets a route
     * close (two cheap routes replacing one dear route, or a route set no cheaper on the way to a better one); the
     * kicks walk through those. A move of this family costs about eleven closures, so it has a small share of its own.
     */
    MoveFamily kicking() {
        return random -> search(random, KICKS);
    }

    private Move<AllocationSolution> search(Random random, int kicks) {
        NeedChunk a = index.nonEmpty(random);
        if (a.getLot() == null) {
            return null;
        }
        if (use.step() != loadedStep) {
            load();
            loadedStep = use.step();
        }
        MaterialNeed need = a.getNeed();
        int n = needOfSlot[a.getIndex()];
        int k = pos(n, index.pick(need, random).getIndex());
        undoCount = 0;
        try {
            setOpened(arcLoad[arcOf[n][k]] > 0 ? -1 : arcOf[n][k]);
            long before = running;
            // the open routes, dearest first (a little randomised), each closed if its units can go another way
            closeRunning(random);
            long best = running;
            int bestMark = undoCount;
            for (int kick = 0; kick < kicks; kick++) {
                // the route of a random line of the working solution, unless this move closed it already
                NeedChunk line = index.nonEmpty(random);
                if (line.getLot() == null) {
                    continue;
                }
                int ln = needOfSlot[line.getIndex()];
                int arc = arcOf[ln][pos(ln, line.getLot().getIndex())];
                if (arcLoad[arc] == 0 || !close(arc, true)) {
                    continue;
                }
                closeRunning(random);
                if (running <= best) {
                    best = running;
                    bestMark = undoCount;
                } else {
                    revert(bestMark);
                }
            }
            // routes emptied by the re-routing count too
            return running < before ? build() : null;
        } finally {
            // back to the working solution's flows for the next move of the step
            revert(0);
            setOpened(-1);
        }
    }

    /**
     * Closes each of the dearest running arcs ({@link #dearest}) whose units can go another way, then the running arcs
     * of {@link #randomClosureTries} random lines: on a large plan (hundreds of running routes) the dearest alone never
     * reach a cheap route left running for a few units, and a search hot enough to open many such routes never closed
     * them again.
     */
    private void closeRunning(Random random) {
        for (int arc : dearest(random)) {
            tryClosure(arc);
        }
        for (int r = 0; r < randomClosureTries; r++) {
            NeedChunk line = index.nonEmpty(random);
            if (line.getLot() != null) {
                int n = needOfSlot[line.getIndex()];
                tryClosure(arcOf[n][pos(n, line.getLot().getIndex())]);
            }
        }
    }

    /** Closes the arc, if it runs and its units can go another way (unless the memo knows it cannot). */
    private void tryClosure(int arc) {
        if (arcLoad[arc] == 0) {
            return;
        }
        if (!failsAgain(arc) && !hopeless(arc)) {
            close(arc, false);
        } else if (checkingSkips) {
            if (close(arc, false)) {
                throw new IllegalStateException("a closure the memo skipped succeeds: arc " + arc);
            }
            SKIPS_CHECKED.incrementAndGet();
        }
    }

    /**
     * For tests: while on, every closure skipped (by the memo of failed closures, or as hopeless) is tried all the
     * same, and must fail (an {@link IllegalStateException} otherwise). A closure that fails leaves the flows as they
     * were, so the plans are the same either way.
     */
    public static void checkSkips(boolean on) {
        checkingSkips = on;
    }

    /** For tests: how many skipped closures were tried and failed while {@link #checkSkips} was on. */
    public static long skipsChecked() {
        return SKIPS_CHECKED.get();
    }

    /**
     * The {@value #MAX_CLOSURE_TRIES} running arcs of highest cost times a random factor of 0.75 to 1.25, highest
     * first. The arcs are read dearest first and only as far as one could still rank: once that many are read, an arc
     * costing less than 0.6 times the last of them cannot (its highest key, 1.25 times its cost, is below their lowest,
     * 0.75 times theirs), so only the running arcs above that floor draw a random factor.
     */
    private int[] dearest(Random random) {
        int m = MAX_CLOSURE_TRIES;
        int[] top = new int[m];
        double[] topKey = new double[m];
        int size = 0;
        int read = 0;
        double floor = 0;
        for (int arc : byCost) {
            if (arcLoad[arc] == 0) {
                continue;
            }
            if (++read == m) {
                floor = 0.6 * arcCost[arc];
            } else if (read > m && arcCost[arc] < floor) {
                break;
            }
            double key = arcCost[arc] * (0.75 + 0.5 * random.nextDouble());
            if (size == m && key <= topKey[m - 1]) {
                continue;
            }
            int i = size < m ? size++ : m - 1;
            while (i > 0 && topKey[i - 1] < key) {
                topKey[i] = topKey[i - 1];
                top[i] = top[i - 1];
                i--;
            }
            topKey[i] = key;
            top[i] = arc;
        }
        return size == m ? top : Arrays.copyOf(top, size);
    }

    /**
     * The flows of the working solution: units per (need, lot) and per arc, units taken per lot. Only the slots the
     * steps since the last load may have changed ({@link LotUse#takeChanged()}) are read again, each against what it
     * was read as; all of them on the first load, or when the steps changed too many.
     */
    private void load() {
        int[] changed = use.takeChanged();
        if (changed == null || !readOnce) {
            loadAll();
            readOnce = true;
            return;
        }
        List<NeedChunk> movable = index.movable();
        for (int slot : changed) {
            NeedChunk c = movable.get(slot);
            int lot = c.isDelivering() ? c.getLot().getIndex() : -1;
            int units = lot < 0 ? 0 : c.getQuantity();
            if (lot == readLot[slot] && units == readUnits[slot]) {
                continue;
            }
            int n = needOfSlot[slot];
            if (readLot[slot] >= 0) {
                int k = pos(n, readLot[slot]);
                setFlowRaw(n, k, flow[n][k] - readUnits[slot]);
            }
            if (lot >= 0) {
                int k = pos(n, lot);
                setFlowRaw(n, k, flow[n][k] + units);
            }
            readLot[slot] = lot;
            readUnits[slot] = units;
        }
    }

    private void loadAll() {
        for (int[] f : flow) {
            Arrays.fill(f, 0);
        }
        Arrays.fill(taken, 0);
        Arrays.fill(arcLoad, 0);
        Arrays.fill(arcGrams, 0);
        Arrays.fill(arcCm3, 0);
        Arrays.fill(delivered, 0);
        for (NeedChunk c : index.movable()) {
            readLot[c.getIndex()] = -1;
            readUnits[c.getIndex()] = 0;
            if (c.isDelivering()) {
                readLot[c.getIndex()] = c.getLot().getIndex();
                readUnits[c.getIndex()] = c.getQuantity();
                int n = needOfSlot[c.getIndex()];
                // a line's lot is always in its need's range
                int k = pos(n, c.getLot().getIndex());
                if (flow[n][k] == 0) {
                    arcLoad[arcOf[n][k]]++;
                }
                flow[n][k] += c.getQuantity();
                delivered[n] += c.getQuantity();
                taken[c.getLot().getIndex()] += c.getQuantity();
            }
        }
        for (int n = 0; n < needs.length; n++) {
            for (int k = 0; k < flow[n].length; k++) {
                if (flow[n][k] > 0) {
                    Lot lot = index.lot(lotsOf[n][k]);
                    arcGrams[arcOf[n][k]] += Supply.grams(lot, flow[n][k]);
                    arcCm3[arcOf[n][k]] += Supply.cubicCentimetres(lot, flow[n][k]);
                }
            }
        }
        running = 0;
        for (int arc = 0; arc < arcLoad.length; arc++) {
            arcRun[arc] = runCost(arc);
            running += arcRun[arc];
        }
        Arrays.fill(itemHash, 0);
        for (int arc = 0; arc < arcState.length; arc++) {
            Arrays.fill(itemLoad[arc], 0);
            Arrays.fill(arcState[arc], (byte) 0);
        }
        for (int n = 0; n < needs.length; n++) {
            for (int k = 0; k < flow[n].length; k++) {
                itemHash[itemOf[n]] += flow[n][k] * edgeKey(n, k);
                if (flow[n][k] > 0) {
                    itemLoad[arcOf[n][k]][itemSlot[n][k]]++;
                }
            }
        }
        for (int arc = 0; arc < arcState.length; arc++) {
            refreshEnabled(arc);
        }
    }

    /**
     * Closes the arc if every unit it carries can be re-routed (onto running arcs, or with {@code anyArc} onto any arc
     * not closed); otherwise leaves the flows as they were.
     */
    private boolean close(int arc, boolean anyArc) {
        int mark = undoCount;
        closed[arc] = true;
        refreshEnabled(arc);
        this.anyArc = anyArc;
        int[] items = itemsOfArc[arc];
        if (!anyArc) {
            if (startHash.length < items.length) {
                startHash = new long[items.length];
                startChanges = new int[items.length];
            }
            for (int j = 0; j < items.length; j++) {
                startHash[j] = itemHash[items[j]];
                startChanges[j] = stateChanges[items[j]];
            }
        }
        int[] e = arcEdges[arc];
        for (int j = 0; j < e.length; j += 2) {
            int n = e[j];
            int k = e[j + 1];
            if (flow[n][k] > 0) {
                deficit[n] += flow[n][k];
                setFlow(n, k, 0);
            }
        }
        boolean ok = true;
        for (int j = 0; j < e.length && ok; j += 2) {
            int n = e[j];
            while (deficit[n] > 0 && ok) {
                ok = augment(n);
            }
            if (!ok && !anyArc) {
                int slot = itemSlot[n][e[j + 1]];
                if (stateChanges[items[slot]] == startChanges[slot]) {
                    // no other item changed its arcs: it failed on its own, and fails again while its hash is the same
                    rememberFailure(arc, slot, startHash[slot]);
                }
            }
        }
        this.anyArc = false;
        if (!ok) {
            for (int u = undoCount - 3; u >= mark; u -= 3) {
                setFlowRaw(undo[u], undo[u + 1], undo[u + 2]);
            }
            undoCount = mark;
            for (int j = 0; j < e.length; j += 2) {
                deficit[e[j]] = 0;
            }
            closed[arc] = false;
            refreshEnabled(arc);
        } else {
            if (closedCount == closedArcs.length) {
                closedArcs = Arrays.copyOf(closedArcs, 2 * closedCount);
                closedAt = Arrays.copyOf(closedAt, 2 * closedCount);
            }
            closedArcs[closedCount] = arc;
            closedAt[closedCount++] = mark;
        }
        return ok;
    }

    /**
     * One augmenting path to need {@code target}: it takes from a lot with room on an enabled arc, or from a lot
     * another need of its item gives up, that need taking from elsewhere in turn; false when there is none.
     */
    private boolean augment(int target) {
        if (!anyArc && !roomOnRunning(itemOf[target], -1)) {
            // most closures fail here: the item's lots with room are all on routes not running
            return false;
        }
        int[] itemNeeds = needsOfItem[itemOf[target]];
        for (int m : itemNeeds) {
            parentNeed[m] = -2;
        }
        // a full lot is searched once per path: whoever takes from it is in the queue after its first visit
        if (visitStamp == Integer.MAX_VALUE) {
            Arrays.fill(lotVisit, 0);
            visitStamp = 0;
        }
        int visit = ++visitStamp;
        int head = 0;
        int tail = 0;
        queue[tail++] = target;
        parentNeed[target] = -1;
        while (head < tail) {
            int n = queue[head++];
            int[] lots = lotsOf[n];
            for (int k = 0; k < lots.length; k++) {
                int li = lots[k];
                if (lotVisit[li] == visit || !enabled(arcOf[n][k])) {
                    continue;
                }
                long room = capacity[li] - taken[li];
                if (room > 0) {
                    apply(target, n, k, room);
                    return true;
                }
                lotVisit[li] = visit;
                // who else takes from this lot: they may give it up
                int[] takers = needsOfLot[li];
                for (int j = 0; j < takers.length; j += 2) {
                    int m = takers[j];
                    if (parentNeed[m] == -2 && flow[m][takers[j + 1]] > 0) {
                        parentNeed[m] = n;
                        parentPos[m] = k;
                        queue[tail++] = m;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Applies the path ending with need {@code last} taking from its lot at position {@code k} (room {@code room}):
     * each need on the way takes from the lot the next one gives up.
     */
    private void apply(int target, int last, int k, long room) {
        long units = Math.min(room, deficit[target]);
        for (int m = last; parentNeed[m] >= 0; m = parentNeed[m]) {
            int give = pos(m, lotsOf[parentNeed[m]][parentPos[m]]);
            units = Math.min(units, flow[m][give]);
        }
        int n = last;
        int pos = k;
        while (true) {
            setFlow(n, pos, flow[n][pos] + (int) units);
            if (parentNeed[n] < 0) {
                break;
            }
            // n gave up units of the lot its parent takes
            int parent = parentNeed[n];
            int parentK = parentPos[n];
            int give = pos(n, lotsOf[parent][parentK]);
            setFlow(n, give, flow[n][give] - (int) units);
            n = parent;
            pos = parentK;
        }
        deficit[target] -= units;
    }

    /**
     * Whether some lot of the item has room on an arc other than {@code except} (-1: none) that a path over running
     * routes may use, from any need of the item: where none has, no augmenting path over running routes can end
     * anywhere.
     */
    private boolean roomOnRunning(int item, int except) {
        for (int li : lotsOfItem[item]) {
            if (taken[li] < capacity[li] && usableWithout(li, except)) {
                return true;
            }
        }
        return false;
    }

    /** Position of lot index {@code li} among need n's candidates; -1 when it is not one. */
    private int pos(int n, int li) {
        return posOf[n][lotLocal[li]];
    }

    /** Back to the flows when the undo log was {@code mark} long, opening again the arcs closed since. */
    private void revert(int mark) {
        for (int u = undoCount - 3; u >= mark; u -= 3) {
            setFlowRaw(undo[u], undo[u + 1], undo[u + 2]);
        }
        undoCount = mark;
        while (closedCount > 0 && closedAt[closedCount - 1] >= mark) {
            int arc = closedArcs[--closedCount];
            closed[arc] = false;
            refreshEnabled(arc);
        }
    }

    private boolean enabled(int arc) {
        return !closed[arc] && (anyArc || arcLoad[arc] > 0 || arc == opened);
    }

    private void setFlow(int n, int k, int value) {
        if (undoCount + 3 > undo.length) {
            undo = Arrays.copyOf(undo, 2 * undo.length);
        }
        undo[undoCount++] = n;
        undo[undoCount++] = k;
        undo[undoCount++] = flow[n][k];
        setFlowRaw(n, k, value);
    }

    /** What the arc's flows cost: the whole vehicles their weight and volume need; 0 when it carries nothing. */
    private long runCost(int arc) {
        return arcLoad[arc] == 0 ? 0 : arcs.get(arc).costFor(arcGrams[arc], arcCm3[arc]);
    }

    private void setFlowRaw(int n, int k, int value) {
        int before = flow[n][k];
        int arc = arcOf[n][k];
        taken[lotsOf[n][k]] += value - before;
        delivered[n] += value - before;
        flow[n][k] = value;
        itemHash[itemOf[n]] += (value - before) * edgeKey(n, k);
        Lot lot = index.lot(lotsOf[n][k]);
        arcGrams[arc] += Supply.grams(lot, value) - Supply.grams(lot, before);
        arcCm3[arc] += Supply.cubicCentimetres(lot, value) - Supply.cubicCentimetres(lot, before);
        if (before == 0 && value > 0) {
            arcLoad[arc]++;
            // other items' states change only when this item's first edge joins the arc
            if (itemLoad[arc][itemSlot[n][k]]++ == 0) {
                refreshEnabled(arc);
            }
        } else if (before > 0 && value == 0) {
            --arcLoad[arc];
            // ... or its last edge leaves it
            if (--itemLoad[arc][itemSlot[n][k]] == 0) {
                refreshEnabled(arc);
            }
        }
        running -= arcRun[arc];
        arcRun[arc] = runCost(arc);
        running += arcRun[arc];
    }

    private void setOpened(int arc) {
        opened = arc;
        if (arc >= 0) {
            openedStamp++;
            for (int item : itemsOfArc[arc]) {
                openedItem[item] = openedStamp;
            }
        }
    }

    /**
     * Whether an item the arc carries would find no lot with room on a route a path over running routes may use once
     * the arc is closed (its own units on the arc back on their lots, the arc not usable): its first path search would
     * fail, and so would the closure, whatever the items before it do (they can only empty routes). Such an item fails
     * the closure alone, and is remembered as for {@link #failsAgain}.
     */
    private boolean hopeless(int arc) {
        int[] items = itemsOfArc[arc];
        for (int j = 0; j < items.length; j++) {
            if (itemLoad[arc][j] > 0 && !roomOnRunningWithout(items[j], arc)) {
                rememberFailure(arc, j, hashClosed(arc, j));
                return true;
            }
        }
        return false;
    }

    /**
     * {@link #roomOnRunning(int, int)} as it will be once the arc is closed and the item's units on it are back on
     * their lots.
     */
    private boolean roomOnRunningWithout(int item, int arc) {
        if (roomOnRunning(item, arc)) {
            return true;
        }
        // the lots the item's units on the arc go back to
        int[] e = arcEdges[arc];
        for (int j = 0; j < e.length; j += 2) {
            int n = e[j];
            if (itemOf[n] != item || flow[n][e[j + 1]] == 0) {
                continue;
            }
            int li = lotsOf[n][e[j + 1]];
            long room = capacity[li] - taken[li];
            for (int i = 0; i < e.length; i += 2) {
                if (lotsOf[e[i]][e[i + 1]] == li) {
                    room += flow[e[i]][e[i + 1]];
                }
            }
            if (room > 0 && usableWithout(li, arc)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a need may take from the lot on an arc other than {@code arc} that a path over running routes may use.
     */
    private boolean usableWithout(int li, int arc) {
        int[] takers = needsOfLot[li];
        for (int j = 0; j < takers.length; j += 2) {
            int a = arcOf[takers[j]][takers[j + 1]];
            if (a != arc && enabled(a)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the item that alone failed the arc's closure last is in the same state: the closure would fail again. */
    private boolean failsAgain(int arc) {
        int slot = failedItemSlot[arc];
        if (slot < 0) {
            return false;
        }
        int item = itemsOfArc[arc][slot];
        return hashClosed(arc, slot) == failedItemHash[arc]
                && (openedCarries(item) ? opened : -1) == failedItemOpened[arc];
    }

    /** The hash of the item at {@code slot} of the arc as it will be once the arc is closed (state 1). */
    private long hashClosed(int arc, int slot) {
        return itemHash[itemsOfArc[arc][slot]] + (1 - arcState[arc][slot]) * arcKey(arc);
    }

    /**
     * The item at {@code slot} failed the arc's closure alone, with this hash (and the arc opened now, if it carries
     * it).
     */
    private void rememberFailure(int arc, int slot, long hash) {
        failedItemSlot[arc] = slot;
        failedItemHash[arc] = hash;
        failedItemOpened[arc] = openedCarries(itemsOfArc[arc][slot]) ? opened : -1;
    }

    private boolean openedCarries(int item) {
        return opened >= 0 && openedItem[item] == openedStamp;
    }

    /**
     * Brings the hashes of the arc's items up to date with its state for each: closed (1), running for other items (2),
     * or neither (0: it runs only while this item's own units, hashed with its flows, are on it).
     */
    private void refreshEnabled(int arc) {
        int[] items = itemsOfArc[arc];
        byte[] state = arcState[arc];
        int[] load = itemLoad[arc];
        for (int j = 0; j < items.length; j++) {
            byte now = closed[arc] ? (byte) 1 : arcLoad[arc] > load[j] ? (byte) 2 : (byte) 0;
            if (now != state[j]) {
                itemHash[items[j]] += (now - state[j]) * arcKey(arc);
                stateChanges[items[j]]++;
                state[j] = now;
            }
        }
    }

    private static long edgeKey(int n, int k) {
        return mix(((long) n << 32) + k + 0x5DEECE66DL);
    }

    private static long arcKey(int arc) {
        return mix(arc + 0x9E3779B97F4A7C15L);
    }

    /** A 64-bit mix (splitmix64's finaliser). */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * The move: every need whose flows changed gets its lines again from the new flows; a need that has more units on
     * lots than its lines (covering) takes them off its unmet part first.
     */
    private Move<AllocationSolution> build() {
        boolean[] touched = new boolean[needs.length];
        for (int u = 0; u < undoCount; u += 3) {
            touched[undo[u]] = true;
        }
        try {
            for (int n = 0; n < needs.length; n++) {
                if (!touched[n] || !changed(n)) {
                    continue;
                }
                MaterialNeed need = needs[n];
                int covered = delivered[n];
                for (NeedChunk c : index.slotsOf(need)) {
                    if (c.isDelivering()) {
                        covered -= c.getQuantity();
                        edit.release(c);
                    }
                }
                for (NeedChunk c : index.slotsOf(need)) {
                    if (covered > 0 && !c.isDelivering() && c.getQuantity() > 0) {
                        int take = Math.min(covered, c.getQuantity());
                        edit.unmet(c, c.getQuantity() - take);
                        covered -= take;
                    }
                }
                for (int k = 0; k < flow[n].length; k++) {
                    if (flow[n][k] > 0 && !edit.place(need, lotsOf[n][k], flow[n][k])) {
                        return null;
                    }
                }
            }
            return edit.move();
        } finally {
            edit.clear();
        }
    }

    /** Whether need n's flows differ from its lines in the working solution. */
    private boolean changed(int n) {
        int[] lots = lotsOf[n];
        long[] now = new long[lots.length];
        for (NeedChunk c : index.slotsOf(needs[n])) {
            if (c.isDelivering()) {
                now[pos(n, c.getLot().getIndex())] += c.getQuantity();
            }
        }
        for (int k = 0; k < lots.length; k++) {
            if (now[k] != flow[n][k]) {
                return true;
            }
        }
        return false;
    }
}
