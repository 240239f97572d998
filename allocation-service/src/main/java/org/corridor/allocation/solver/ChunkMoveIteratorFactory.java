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
 * already serving that site, or on one cheaper route opened instead, so its vehicles no longer
 * run;</li>
 * <li>a route rebuild (ruin and recreate): the lines of one to {@value #REBUILD_MAX_ROUTES} routes of
 * each of two sites are taken off and placed again, greedily, on the routes cheapest per unit they can
 * take. Which depots serve a site is a fixed-charge choice (a route costs whole vehicles, mostly one),
 * and this is the move that changes it several routes at a time.</li>
 * </ul>
 * When the target lot of a transfer is full, two needs trade instead: a unit swap between their lines
 * on two lots, or the other need gives units back (to its unmet part or another of its lots).
 * Shares: {@link #TRANSFER_SHARE} transfers, {@link #SWAP_SHARE} swaps, {@link #EJECT_SHARE}
 * ejections, {@link #CLOSE_SHARE} route closures, {@link #REBUILD_SHARE} route rebuilds, the rest line
 * changes. Units taken per lot are counted once per step and item, when a move first needs them ({@link #used(int)}).
 */
public class ChunkMoveIteratorFactory implements MoveIteratorFactory<AllocationSolution, Move<AllocationSolution>> {

    static final double TRANSFER_SHARE = 0.4;
    static final double SWAP_SHARE = 0.15;
    static final double EJECT_SHARE = 0.15;
    static final double CLOSE_SHARE = 0.05;
    static final double REBUILD_SHARE = 0.02;
    /** A rebuild takes off the lines of one to this many routes of a site. */
    static final int REBUILD_MAX_ROUTES = 4;
    /** A route with more lines than this is not closed in one move. */
    static final int CLOSE_MAX_LINES = 8;

    private List<NeedChunk> movable;
    private Map<String, List<NeedChunk>> byItem;
    private Map<MaterialNeed, List<NeedChunk>> byNeed;
    private Map<MaterialNeed, Set<Lot>> ranges;
    private Map<MaterialNeed, List<Lot>> nearest;
    private Map<Site, List<NeedChunk>> bySite;
    private Map<Site, List<MaterialNeed>> needsBySite;
    /** Dense indexes for the rebuild and the units taken per lot. */
    private int[] available;
    private Map<Site, Route[]> siteRoutes;
    /** Scratch for a rebuild: units put back on (+) or taken from (-) each lot by the move being built. */
    private long[] delta;
    private Lot[] lotsByIndex;
    private Map<MaterialNeed, NeedRoutes> needRoutes;
    /** Units taken per lot (by lot index) in the working solution of the current step, for the items counted ({@link #used(int)}). */
    private long[] stepUsed;
    /** Dense item index of each lot; per item its lots and its movable slots; the step each item was last counted in. */
    private int[] lotItem;
    private int[][] itemLots;
    private NeedChunk[][] itemSlots;
    private int[] itemCounted;
    /** Steps (move iterators) started in this phase. */
    private int step;
    /** Scratch for the route closures and rebuilds: the move being built. */
    private PlannedEdit edit;

    /**
     * A need's candidate lots grouped by route: {@code lots[i]} are the lot indexes on the route with
     * index {@code routes[i]}; {@code position[r]} is the i of route index r (-1: none of its lots).
     */
    private record NeedRoutes(int[] routes, int[][] lots, int[] position) {
    }

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
        // needs in the order of the solution's slots (not of an identity map), so that lot and route
        // indexes, and with them the moves of a seeded run, are the same from one run to the next
        List<MaterialNeed> needs = new ArrayList<>();
        for (NeedChunk c : s.getChunks()) {
            if (c.isPinned()) {
                continue;
            }
            c.setIndex(movable.size());
            movable.add(c);
            byItem.computeIfAbsent(c.getNeed().getItemCode(), k -> new ArrayList<>()).add(c);
            byNeed.computeIfAbsent(c.getNeed(), k -> {
                needs.add(k);
                return new ArrayList<>();
            }).add(c);
            bySite.computeIfAbsent(c.getNeed().getSite(), k -> new ArrayList<>()).add(c);
            ranges.computeIfAbsent(c.getNeed(), k -> java.util.Collections.newSetFromMap(new IdentityHashMap<>()))
                    .addAll(c.getCandidates());
        }
        nearest = new IdentityHashMap<>();
        needsBySite = new IdentityHashMap<>();
        Map<Lot, Integer> lotIndex = new IdentityHashMap<>();
        Map<Route, Integer> routeIndex = new IdentityHashMap<>();
        Map<Site, Integer> routeCount = new IdentityHashMap<>();
        needRoutes = new IdentityHashMap<>();
        List<Lot> allLots = new ArrayList<>();
        for (MaterialNeed need : needs) {
            needsBySite.computeIfAbsent(need.getSite(), k -> new ArrayList<>()).add(need);
            Map<Route, List<Integer>> perRoute = new java.util.LinkedHashMap<>();
            for (Lot l : byNeed.get(need).get(0).getCandidates()) {
                Integer li = lotIndex.get(l);
                if (li == null) {
                    li = allLots.size();
                    lotIndex.put(l, li);
                    l.setIndex(li);
                    allLots.add(l);
                }
                Route r = need.supplyFor(l).getRoute();
                if (!routeIndex.containsKey(r)) {
                    int n = routeCount.getOrDefault(need.getSite(), 0);
                    routeIndex.put(r, n);
                    r.setIndex(n);
                    routeCount.put(need.getSite(), n + 1);
                }
                perRoute.computeIfAbsent(r, k -> new ArrayList<>()).add(li);
            }
            int[] routes = new int[perRoute.size()];
            int[][] lots = new int[perRoute.size()][];
            int i = 0;
            for (var e : perRoute.entrySet()) {
                routes[i] = routeIndex.get(e.getKey());
                lots[i++] = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            }
            needRoutes.put(need, new NeedRoutes(routes, lots, null));
            List<Lot> byDistance = new ArrayList<>(byNeed.get(need).get(0).getCandidates());
            byDistance.sort(java.util.Comparator.comparingDouble(l -> need.supplyFor(l).getRoute().getDistanceKm()));
            nearest.put(need, List.copyOf(byDistance.subList(0, Math.min(NEAR, byDistance.size()))));
        }
        available = allLots.stream().mapToInt(Lot::getAvailable).toArray();
        lotsByIndex = allLots.toArray(new Lot[0]);
        delta = new long[available.length];
        edit = new PlannedEdit(movable.size());
        stepUsed = new long[available.length];
        List<String> items = new ArrayList<>(byItem.keySet());
        Map<String, Integer> itemIndex = new HashMap<>();
        itemSlots = new NeedChunk[items.size()][];
        for (int i = 0; i < items.size(); i++) {
            itemIndex.put(items.get(i), i);
            itemSlots[i] = byItem.get(items.get(i)).toArray(new NeedChunk[0]);
        }
        lotItem = new int[available.length];
        List<List<Integer>> lotsOfItem = new ArrayList<>();
        items.forEach(i -> lotsOfItem.add(new ArrayList<>()));
        for (int li = 0; li < lotsByIndex.length; li++) {
            lotItem[li] = itemIndex.get(lotsByIndex[li].getItemCode());
            lotsOfItem.get(lotItem[li]).add(li);
        }
        itemLots = lotsOfItem.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        itemCounted = new int[items.size()];
        step = 1;
        siteRoutes = new IdentityHashMap<>();
        routeIndex.forEach((r, i) -> siteRoutes.computeIfAbsent(r.getSite(), k -> new Route[routeCount.get(k)])[i] = r);
        needRoutes.replaceAll((need, nr) -> {
            int[] position = new int[routeCount.get(need.getSite())];
            java.util.Arrays.fill(position, -1);
            for (int i = 0; i < nr.routes().length; i++) {
                position[nr.routes()[i]] = i;
            }
            return new NeedRoutes(nr.routes(), nr.lots(), position);
        });
    }

    @Override
    public void phaseEnded(ScoreDirector<AllocationSolution> scoreDirector) {
        movable = null;
        byItem = null;
        byNeed = null;
        ranges = null;
        nearest = null;
        bySite = null;
        needsBySite = null;
        available = null;
        siteRoutes = null;
        needRoutes = null;
        delta = null;
        lotsByIndex = null;
        stepUsed = null;
        lotItem = null;
        itemLots = null;
        itemSlots = null;
        itemCounted = null;
        edit = null;
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
        step++;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !movable.isEmpty();
            }

            @Override
            public Move<AllocationSolution> next() {
                for (int attempt = 0; attempt < TeamMoveIteratorFactory.MAX_ATTEMPTS; attempt++) {
                    double r = random.nextDouble();
                    Move<AllocationSolution> m = r < TRANSFER_SHARE ? transfer(random)
                            : r < TRANSFER_SHARE + SWAP_SHARE ? swap(random)
                            : r < TRANSFER_SHARE + SWAP_SHARE + EJECT_SHARE ? eject(random)
                            : r < TRANSFER_SHARE + SWAP_SHARE + EJECT_SHARE + CLOSE_SHARE ? closeRoute(random)
                            : r < TRANSFER_SHARE + SWAP_SHARE + EJECT_SHARE + CLOSE_SHARE + REBUILD_SHARE ? rebuildRoutes(random)
                            : line(random);
                    if (m != null) {
                        return m;
                    }
                }
                // nothing found in as many tries: a move that is not doable, which OptaPlanner skips, so
                // that the solver keeps checking its termination instead of waiting here
                NeedChunk any = movable.get(random.nextInt(movable.size()));
                return new ChunkEditMove(List.of(any), java.util.Collections.singletonList(any.getLot()),
                        List.of(any.getQuantity()));
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
     * Closes a route: every line going from one depot to one site moves to lots of its need with room
     * on other routes serving that site, and half of the time (always when no other route serves it) on
     * one route opened instead, from a depot one of these lines may take from whose vehicles cost less.
     * A line may be split over several lots. Its vehicles no longer run and the loads join vehicles
     * already going, or a cheaper route replaces it: the consolidation the whole-vehicle transport cost
     * rewards, which moving one line at a time rarely reaches because the route's last vehicle only
     * disappears with its last line. Deciding which depots serve a site is a fixed-charge choice;
     * without the replacement a route could only ever be closed into the ones already open.
     */
    private Move<AllocationSolution> closeRoute(Random random) {
        NeedChunk a = nonEmpty(random);
        if (a.getLot() == null) {
            return null;
        }
        Route route = a.getSupply().getRoute();
        List<NeedChunk> lines = new ArrayList<>();
        boolean[] active = new boolean[siteRoutes.get(route.getSite()).length];
        boolean anyActive = false;
        for (NeedChunk c : bySite.get(a.getNeed().getSite())) {
            if (c.isDelivering()) {
                Route r = c.getSupply().getRoute();
                if (r == route) {
                    lines.add(c);
                } else {
                    active[r.getIndex()] = true;
                    anyActive = true;
                }
            }
        }
        if (lines.size() > CLOSE_MAX_LINES) {
            return null;
        }
        Route opened = null;
        if (!anyActive || random.nextBoolean()) {
            NeedChunk l = lines.get(random.nextInt(lines.size()));
            Route r = l.getNeed().supplyFor(pick(l.getNeed(), random)).getRoute();
            if (r != route && !active[r.getIndex()] && vehicleCost(r) < vehicleCost(route)) {
                opened = r;
            }
        }
        if (!anyActive && opened == null) {
            return null;
        }
        List<Integer> touched = new ArrayList<>();
        try {
            PlannedEdit plan = edit;
            for (NeedChunk line : lines) {
                MaterialNeed need = line.getNeed();
                plan.set(line, null, 0);
                List<Lot> first = new ArrayList<>();
                List<Lot> then = new ArrayList<>();
                for (Lot l : line.getCandidates()) {
                    Route r = need.supplyFor(l).getRoute();
                    if (r == opened) {
                        first.add(l);
                    } else if (r != route && active[r.getIndex()]) {
                        then.add(l);
                    }
                }
                java.util.Collections.shuffle(first, random);
                java.util.Collections.shuffle(then, random);
                first.addAll(then);
                int rest = line.getQuantity();
                for (int i = 0; i < first.size() && rest > 0; i++) {
                    Lot target = first.get(i);
                    int li = target.getIndex();
                    long room = available[li] - used(li) + delta[li];
                    if (room <= 0) {
                        continue;
                    }
                    int units = (int) Math.min(rest, room);
                    if (!place(plan, need, li, units, touched)) {
                        return null;
                    }
                    rest -= units;
                }
                if (rest > 0) {
                    return null;
                }
            }
            return plan.move();
        } finally {
            for (int li : touched) {
                delta[li] = 0;
            }
            edit.clear();
        }
    }

    /**
     * Ruin and recreate of routes: the lines of one to {@value #REBUILD_MAX_ROUTES} routes serving a
     * site and of one to as many routes serving another site (sites compete for the same lots: the
     * stock one site gives up may make another's routes cheaper) are taken off and their units placed again, route by route, on the route that is cheapest
     * per unit it can take (routes still serving the site cost nothing more, others one vehicle;
     * slightly randomised so that repeated tries explore other choices), the greedy of set covering.
     * Each need gets back exactly the units it had, so only the soft level can change: which depots
     * serve which site.
     */
    private Move<AllocationSolution> rebuildRoutes(Random random) {
        NeedChunk a = nonEmpty(random);
        if (a.getLot() == null) {
            return null;
        }
        List<SiteRebuild> sites = new ArrayList<>(2);
        sites.add(new SiteRebuild(a.getNeed().getSite()));
        if (needsBySite.size() > 1) {
            NeedChunk b = nonEmpty(random);
            if (b.getLot() != null && b.getNeed().getSite() != a.getNeed().getSite()) {
                SiteRebuild other = new SiteRebuild(b.getNeed().getSite());
                if (other.activeCount > 0) {
                    sites.add(other);
                }
            }
        }
        List<Integer> touched = new ArrayList<>();
        try {
            PlannedEdit plan = edit;
            int lines = 0;
            for (int k = 0; k < sites.size(); k++) {
                SiteRebuild site = sites.get(k);
                int first = k == 0 ? a.getSupply().getRoute().getIndex()
                        : site.active[random.nextInt(site.activeCount)];
                site.ruin(first);
                int extra = random.nextInt(REBUILD_MAX_ROUTES);
                for (int i = 0; i < extra && site.activeCount > site.ruined.size(); i++) {
                    int r = site.active[random.nextInt(site.activeCount)];
                    if (site.open[r]) {
                        site.ruin(r);
                    }
                }
                for (int r : site.ruined) {
                    for (NeedChunk c : site.byRoute[r]) {
                        plan.set(c, null, 0);
                        site.takeOff(c.getNeed(), c.getQuantity());
                        int li = c.getLot().getIndex();
                        delta[li] += c.getQuantity();
                        touched.add(li);
                        lines++;
                    }
                }
            }
            if (lines > 4 * CLOSE_MAX_LINES * sites.size()) {
                return null;
            }
            for (SiteRebuild site : sites) {
                site.startCoverage();
            }
            List<String> placedItems = new ArrayList<>(4);
            while (true) {
                SiteRebuild bestSite = null;
                int best = -1;
                double bestRatio = Double.MAX_VALUE;
                for (SiteRebuild site : sites) {
                    if (site.restCount == 0) {
                        continue;
                    }
                    long[] coverage = site.coverage;
                    for (int r = 0; r < coverage.length; r++) {
                        if (coverage[r] > 0) {
                            // vehicles this route would add by taking all it can (an open route may have room)
                            Route route = site.routes[r];
                            long vehicles = route.vehiclesFor(site.grams[r] + Math.round(site.addGrams[r]),
                                    site.cm3[r] + Math.round(site.addCm3[r]))
                                    - (site.open[r] ? route.vehiclesFor(site.grams[r], site.cm3[r]) : 0);
                            double fixed = vehicles * vehicleCost(route);
                            double ratio = fixed * (0.75 + 0.5 * random.nextDouble()) / coverage[r];
                            if (ratio < bestRatio) {
                                bestRatio = ratio;
                                best = r;
                                bestSite = site;
                            }
                        }
                    }
                }
                if (bestSite == null) {
                    for (SiteRebuild site : sites) {
                        if (site.restCount > 0) {
                            return null;
                        }
                    }
                    return plan.move();
                }
                bestSite.open[best] = true;
                placedItems.clear();
                int kept = 0;
                for (int n = 0; n < bestSite.restCount; n++) {
                    MaterialNeed need = bestSite.restNeeds[n];
                    NeedRoutes nr = bestSite.restRoutes[n];
                    int left = bestSite.restLeft[n];
                    int i = nr.position()[best];
                    if (i < 0) {
                        bestSite.keep(kept++, n);
                        continue;
                    }
                    // the rooms of its lots on this route change: its coverage is computed again
                    bestSite.contribute(n, -1);
                    for (int li : nr.lots()[i]) {
                        long room = available[li] - used(li) + delta[li];
                        if (left == 0 || room <= 0) {
                            continue;
                        }
                        int units = (int) Math.min(left, room);
                        if (!place(plan, need, li, units, touched)) {
                            return null;
                        }
                        left -= units;
                        bestSite.grams[best] += Supply.grams(lotsByIndex[li], units);
                        bestSite.cm3[best] += Supply.cubicCentimetres(lotsByIndex[li], units);
                        if (!placedItems.contains(need.getItemCode())) {
                            placedItems.add(need.getItemCode());
                        }
                    }
                    if (left > 0) {
                        bestSite.restLeft[n] = left;
                        bestSite.keep(kept, n);
                        bestSite.cover(kept++);
                    }
                }
                bestSite.restCount = kept;
                // the other site's needs of the items placed: the same lots, on that site's route from this depot
                for (SiteRebuild site : sites) {
                    if (site != bestSite) {
                        for (int n = 0; n < site.restCount; n++) {
                            if (placedItems.contains(site.restNeeds[n].getItemCode())) {
                                site.contribute(n, -1);
                                site.cover(n);
                            }
                        }
                    }
                }
            }
        } finally {
            for (int li : touched) {
                delta[li] = 0;
            }
            edit.clear();
        }
    }

    /** One site's state in a {@link #rebuildRoutes} move: its lines by route, open and ruined routes, units to place. */
    private final class SiteRebuild {
        final Route[] routes;
        final List<NeedChunk>[] byRoute;
        final int[] active;
        int activeCount;
        final boolean[] open;
        final List<Integer> ruined = new ArrayList<>(REBUILD_MAX_ROUTES);
        /** Needs with units taken off and not placed again yet, in the order they were taken off. */
        MaterialNeed[] restNeeds = new MaterialNeed[8];
        NeedRoutes[] restRoutes = new NeedRoutes[8];
        int[] restLeft = new int[8];
        int restCount;
        final long[] coverage;
        /** Load per route: of the lines kept and placed so far; and what the route could take now. */
        final long[] grams;
        final long[] cm3;
        final double[] addGrams;
        final double[] addCm3;

        @SuppressWarnings("unchecked")
        SiteRebuild(Site site) {
            routes = siteRoutes.get(site);
            byRoute = new List[routes.length];
            active = new int[routes.length];
            open = new boolean[routes.length];
            coverage = new long[routes.length];
            grams = new long[routes.length];
            cm3 = new long[routes.length];
            addGrams = new double[routes.length];
            addCm3 = new double[routes.length];
            for (NeedChunk c : bySite.get(site)) {
                if (c.isDelivering()) {
                    int r = c.getSupply().getRoute().getIndex();
                    if (byRoute[r] == null) {
                        byRoute[r] = new ArrayList<>();
                        active[activeCount++] = r;
                        open[r] = true;
                    }
                    byRoute[r].add(c);
                    grams[r] += c.getGrams();
                    cm3[r] += c.getCubicCentimetres();
                }
            }
        }

        /**
         * Units each route could take of what is left, per need still to place: {@code takes[n][i]} are
         * the units of need n its route i (of {@link NeedRoutes}) could take; {@link #coverage},
         * {@link #addGrams} and {@link #addCm3} are their sums by route, kept up to date need by need
         * as lots fill (only the needs whose lots changed are computed again).
         */
        long[][] takes = new long[8][];

        /** Coverage of every need taken off. */
        void startCoverage() {
            for (int n = 0; n < restCount; n++) {
                cover(n);
            }
        }

        /** Computes what need n's routes can take now and adds it to the sums. */
        void cover(int n) {
            NeedRoutes nr = restRoutes[n];
            long[] u = takes[n];
            if (u == null || u.length < nr.routes().length) {
                u = new long[nr.routes().length];
                takes[n] = u;
            }
            int left = restLeft[n];
            for (int i = 0; i < nr.routes().length; i++) {
                long room = 0;
                for (int li : nr.lots()[i]) {
                    room += Math.max(0, available[li] - used(li) + delta[li]);
                }
                u[i] = Math.min(room, left);
            }
            contribute(n, 1);
        }

        /** Adds (sign 1) or takes off (-1) need n's units from the sums by route. */
        void contribute(int n, int sign) {
            NeedRoutes nr = restRoutes[n];
            long[] u = takes[n];
            for (int i = 0; i < nr.routes().length; i++) {
                int q = (int) u[i];
                if (q > 0) {
                    int r = nr.routes()[i];
                    Lot unit = lotsByIndex[nr.lots()[i][0]];
                    coverage[r] += sign * q;
                    // unrounded (rounded once per route when routes are compared)
                    addGrams[r] += sign * (q * unit.getUnitWeightKg() * 1000.0);
                    addCm3[r] += sign * (q * unit.getUnitVolumeM3() * 1_000_000.0);
                }
            }
        }

        /** Moves need n to position k (k <= n) of the needs still to place. */
        void keep(int k, int n) {
            if (k != n) {
                restNeeds[k] = restNeeds[n];
                restRoutes[k] = restRoutes[n];
                restLeft[k] = restLeft[n];
                long[] u = takes[k];
                takes[k] = takes[n];
                takes[n] = u;
            }
        }

        /** Units of {@code need} taken off one of its lines, to place again. */
        void takeOff(MaterialNeed need, int units) {
            for (int n = 0; n < restCount; n++) {
                if (restNeeds[n] == need) {
                    restLeft[n] += units;
                    return;
                }
            }
            if (restCount == restNeeds.length) {
                restNeeds = java.util.Arrays.copyOf(restNeeds, 2 * restCount);
                restRoutes = java.util.Arrays.copyOf(restRoutes, 2 * restCount);
                restLeft = java.util.Arrays.copyOf(restLeft, 2 * restCount);
                takes = java.util.Arrays.copyOf(takes, 2 * restCount);
            }
            restNeeds[restCount] = need;
            restRoutes[restCount] = needRoutes.get(need);
            restLeft[restCount++] = units;
        }

        void ruin(int r) {
            open[r] = false;
            ruined.add(r);
            grams[r] = 0;
            cm3[r] = 0;
        }
    }

    /**
     * Plans {@code units} more of {@code need} from lot index {@code li}, on the need's line there or
     * in an empty slot, and takes them from the lot's room ({@link #delta}); false when every slot of
     * the need is in use.
     */
    private boolean place(PlannedEdit plan, MaterialNeed need, int li, int units, List<Integer> touched) {
        Lot lot = lotsByIndex[li];
        NeedChunk to = plan.slotOn(byNeed.get(need), lot);
        if (to == null) {
            return false;
        }
        plan.set(to, lot, plan.quantity(to) + units);
        delta[li] -= units;
        touched.add(li);
        return true;
    }

    /** Cost of one vehicle along a route. */
    private static double vehicleCost(Route r) {
        return r.getDistanceKm() * r.getCostPerVehicleKm();
    }

    /**
     * The slots a move being built changes, in order, with their planned lots and quantities. One
     * instance per phase, reused by every move built ({@link #clear()} after each): the position of a
     * slot in the edit is kept by slot index.
     */
    private static final class PlannedEdit {
        private final List<NeedChunk> chunks = new ArrayList<>();
        private final List<Lot> lots = new ArrayList<>();
        private final List<Integer> quantities = new ArrayList<>();
        /** By slot index: position in the lists above, -1 when the slot is not in the edit. */
        private final int[] position;

        PlannedEdit(int slots) {
            position = new int[slots];
            java.util.Arrays.fill(position, -1);
        }

        int quantity(NeedChunk c) {
            int i = position[c.getIndex()];
            return i < 0 ? c.getQuantity() : quantities.get(i);
        }

        void set(NeedChunk c, Lot lot, int quantity) {
            int i = position[c.getIndex()];
            if (i < 0) {
                position[c.getIndex()] = chunks.size();
                chunks.add(c);
                lots.add(lot);
                quantities.add(quantity);
            } else {
                lots.set(i, lot);
                quantities.set(i, quantity);
            }
        }

        /**
         * Like {@link ChunkMoveIteratorFactory#slotOn} on the planned state: the slot of {@code slots}
         * (one need's) planned on {@code lot}, else one planned empty, preferably the one that is on
         * {@code lot} now (a line taken off and put back where it was is then no change at all, or a
         * change of quantity, instead of a line moving between two slots); null when every slot is in use.
         */
        NeedChunk slotOn(List<NeedChunk> slots, Lot lot) {
            NeedChunk empty = null;
            boolean emptyWasOnLot = false;
            for (NeedChunk c : slots) {
                int i = position[c.getIndex()];
                int q = i < 0 ? c.getQuantity() : quantities.get(i);
                if (q > 0 && (i < 0 ? c.getLot() : lots.get(i)) == lot) {
                    return c;
                }
                if (q == 0 && !emptyWasOnLot) {
                    boolean wasOnLot = c.getLot() == lot && c.getQuantity() > 0;
                    if (empty == null || wasOnLot) {
                        empty = c;
                        emptyWasOnLot = wasOnLot;
                    }
                }
            }
            return empty;
        }

        ChunkEditMove move() {
            return new ChunkEditMove(List.copyOf(chunks), new ArrayList<>(lots), List.copyOf(quantities));
        }

        /** Empties the edit for the next move. */
        void clear() {
            for (NeedChunk c : chunks) {
                position[c.getIndex()] = -1;
            }
            chunks.clear();
            lots.clear();
            quantities.clear();
        }
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

    /** Units of a lot taken by all lines (of every need of its item) in the step's working solution. */
    private long used(Lot lot) {
        return used(lot.getIndex());
    }

    /**
     * Units taken from the lot with index {@code li}, counted once per step for all lots of its item
     * when a move of the step first asks: OptaPlanner asks for a new move iterator at every step and
     * does and undoes each move it evaluates, so the working solution the moves of one iterator are
     * built from does not change. Most steps need the lots of one or two items, not all.
     */
    private long used(int li) {
        int item = lotItem[li];
        if (itemCounted[item] != step) {
            itemCounted[item] = step;
            for (int l : itemLots[item]) {
                stepUsed[l] = 0;
            }
            for (NeedChunk c : itemSlots[item]) {
                if (c.isDelivering()) {
                    stepUsed[c.getLot().getIndex()] += c.getQuantity();
                }
            }
        }
        return stepUsed[li];
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
