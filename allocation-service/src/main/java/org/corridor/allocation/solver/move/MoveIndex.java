package org.corridor.allocation.solver.move;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.corridor.allocation.solver.AllocationSolution;
import org.corridor.allocation.solver.Lot;
import org.corridor.allocation.solver.MaterialNeed;
import org.corridor.allocation.solver.NeedChunk;
import org.corridor.allocation.solver.Route;
import org.corridor.allocation.solver.SiteFact;

/**
 * What every material move family looks up, built once when the local search phase starts (the problem facts and the
 * slots do not change during a phase, only the slots' variables do): the movable slots numbered densely
 * ({@link NeedChunk#getIndex()}), grouped by item, need and site; each need's value range as a set and its
 * {@value #NEAR} nearest lots; the lots numbered densely ({@link Lot#getIndex()}, with their available units by index
 * and their item's index); the routes numbered per site ({@link Route#getIndex()}) and each need's lots grouped by
 * route ({@link NeedRoutes}); the units pinned slots (the pinned base lines of a re-plan) take from each lot, which
 * {@link LotUse} counts as taken so that no move plans on them.
 * <p>
 * Numbers follow the order of the solution's slots (never an identity map's order), so that the moves of a seeded run
 * are the same from one run to the next.
 */
final class MoveIndex {

    /** Line changes and lot picks choose among the need's {@value #NEAR} nearest lots half of the time. */
    static final int NEAR = 8;

    /**
     * A need's candidate lots grouped by route: {@code lots[i]} are the lot indexes on the route with index
     * {@code routes[i]}; {@code position[r]} is the i of route index r (-1: none of its lots).
     */
    record NeedRoutes(int[] routes, int[][] lots, int[] position) {
    }

    private final List<NeedChunk> movable = new ArrayList<>();
    private final Map<String, List<NeedChunk>> byItem = new HashMap<>();
    private final Map<MaterialNeed, List<NeedChunk>> byNeed = new IdentityHashMap<>();
    private final Map<MaterialNeed, Set<Lot>> ranges = new IdentityHashMap<>();
    private final Map<SiteFact, List<NeedChunk>> bySite = new IdentityHashMap<>();
    /** Needs with movable slots, in the order of their first slot. */
    private final List<MaterialNeed> needs = new ArrayList<>();
    private final Map<MaterialNeed, List<Lot>> nearest = new IdentityHashMap<>();
    private final Map<MaterialNeed, NeedRoutes> needRoutes = new IdentityHashMap<>();
    private final Map<SiteFact, Route[]> siteRoutes = new IdentityHashMap<>();
    private final Lot[] lots;
    private final int[] available;
    /** Units pinned slots (pinned base lines of a re-plan) take from each lot index: never free for moves. */
    private final long[] pinnedUse;
    /** Dense item index of each lot; per item its lot indexes and its movable slots. */
    private final int[] lotItem;
    private final int[][] itemLots;
    private final NeedChunk[][] itemSlots;

    MoveIndex(AllocationSolution solution) {
        indexSlots(solution);
        Numbering numbering = new Numbering();
        for (MaterialNeed need : needs) {
            needRoutes.put(need, groupByRoute(need, numbering));
            nearest.put(need, nearestLots(need));
        }
        lots = numbering.lots.toArray(new Lot[0]);
        available = numbering.lots.stream().mapToInt(Lot::getAvailable).toArray();
        List<String> items = new ArrayList<>(byItem.keySet());
        itemSlots = new NeedChunk[items.size()][];
        lotItem = new int[lots.length];
        itemLots = indexItems(items);
        numbering.routeIndex.forEach((r, i) -> siteRoutes
                .computeIfAbsent(r.getSite(), k -> new Route[numbering.routeCount.get(k)])[i] = r);
        needRoutes.replaceAll((need, nr) -> withPositions(nr, numbering.routeCount.get(need.getSite())));
        pinnedUse = new long[lots.length];
        for (NeedChunk c : solution.getChunks()) {
            if (c.isPinned() && c.isDelivering()) {
                int li = c.getLot().getIndex();
                if (li >= 0 && li < lots.length && lots[li] == c.getLot()) {
                    pinnedUse[li] += c.getQuantity();
                }
            }
        }
    }

    /** Lots numbered across the problem and routes per site, in the order they are first seen. */
    private static final class Numbering {
        final Map<Lot, Integer> lotIndex = new IdentityHashMap<>();
        final List<Lot> lots = new ArrayList<>();
        final Map<Route, Integer> routeIndex = new IdentityHashMap<>();
        final Map<SiteFact, Integer> routeCount = new IdentityHashMap<>();

        int lot(Lot l) {
            Integer li = lotIndex.get(l);
            if (li == null) {
                li = lots.size();
                lotIndex.put(l, li);
                l.setIndex(li);
                lots.add(l);
            }
            return li;
        }

        void route(Route r, SiteFact site) {
            if (!routeIndex.containsKey(r)) {
                int n = routeCount.getOrDefault(site, 0);
                routeIndex.put(r, n);
                r.setIndex(n);
                routeCount.put(site, n + 1);
            }
        }
    }

    /** Numbers the movable slots and groups them; collects the needs in the order of their first slot. */
    private void indexSlots(AllocationSolution solution) {
        for (NeedChunk c : solution.getChunks()) {
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
            ranges.computeIfAbsent(c.getNeed(), k -> Collections.newSetFromMap(new IdentityHashMap<>()))
                    .addAll(c.getCandidates());
        }
    }

    /**
     * Numbers the need's lots and routes (of every mode) not seen yet and groups its lots by their default route (the
     * route a line on the lot takes until the solver chooses its mode).
     */
    private NeedRoutes groupByRoute(MaterialNeed need, Numbering numbering) {
        Map<Route, List<Integer>> perRoute = new LinkedHashMap<>();
        for (Lot l : candidates(need)) {
            int li = numbering.lot(l);
            Route r = need.supplyFor(l).getRoute();
            numbering.route(r, need.getSite());
            // the routes of the lot's other modes too: a line whose mode the solver chose travels on one of them
            for (var other : need.suppliesFor(l)) {
                numbering.route(other.getRoute(), need.getSite());
            }
            perRoute.computeIfAbsent(r, k -> new ArrayList<>()).add(li);
        }
        int[] routes = new int[perRoute.size()];
        int[][] routeLots = new int[perRoute.size()][];
        int i = 0;
        for (var e : perRoute.entrySet()) {
            routes[i] = numbering.routeIndex.get(e.getKey());
            routeLots[i++] = e.getValue().stream().mapToInt(Integer::intValue).toArray();
        }
        return new NeedRoutes(routes, routeLots, null);
    }

    /** The need's {@value #NEAR} nearest candidate lots (by route distance; equal distances in range order). */
    private List<Lot> nearestLots(MaterialNeed need) {
        List<Lot> byDistance = new ArrayList<>(candidates(need));
        byDistance.sort(Comparator.comparingDouble(l -> need.supplyFor(l).getRoute().getDistanceKm()));
        return List.copyOf(byDistance.subList(0, Math.min(NEAR, byDistance.size())));
    }

    /** Fills {@link #itemSlots} and {@link #lotItem}; answers the lot indexes of each item. */
    private int[][] indexItems(List<String> items) {
        Map<String, Integer> itemIndex = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            itemIndex.put(items.get(i), i);
            itemSlots[i] = byItem.get(items.get(i)).toArray(new NeedChunk[0]);
        }
        List<List<Integer>> lotsOfItem = new ArrayList<>();
        items.forEach(i -> lotsOfItem.add(new ArrayList<>()));
        for (int li = 0; li < lots.length; li++) {
            lotItem[li] = itemIndex.get(lots[li].getItemCode());
            lotsOfItem.get(lotItem[li]).add(li);
        }
        return lotsOfItem.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    private static NeedRoutes withPositions(NeedRoutes nr, int siteRouteCount) {
        int[] position = new int[siteRouteCount];
        Arrays.fill(position, -1);
        for (int i = 0; i < nr.routes().length; i++) {
            position[nr.routes()[i]] = i;
        }
        return new NeedRoutes(nr.routes(), nr.lots(), position);
    }

    /** The movable slots, numbered by {@link NeedChunk#getIndex()}. */
    List<NeedChunk> movable() {
        return movable;
    }

    boolean isEmpty() {
        return movable.isEmpty();
    }

    /** The movable slots of every need of an item. */
    List<NeedChunk> slotsOfItem(String itemCode) {
        return byItem.get(itemCode);
    }

    /** The needs with movable slots, in the order of their first slot. */
    List<MaterialNeed> needs() {
        return needs;
    }

    /** The movable slots of a need. */
    List<NeedChunk> slotsOf(MaterialNeed need) {
        return byNeed.get(need);
    }

    /** The lots a need may take (its value range, the same for each of its slots). */
    List<Lot> candidates(MaterialNeed need) {
        return byNeed.get(need).get(0).getCandidates();
    }

    boolean inRange(MaterialNeed need, Lot lot) {
        return ranges.get(need).contains(lot);
    }

    List<Lot> nearest(MaterialNeed need) {
        return nearest.get(need);
    }

    /** The movable slots of the needs of a site. */
    List<NeedChunk> slotsAt(SiteFact site) {
        return bySite.get(site);
    }

    /** How many sites have movable slots. */
    int siteCount() {
        return bySite.size();
    }

    /** The routes to a site, by {@link Route#getIndex()}. */
    Route[] routesTo(SiteFact site) {
        return siteRoutes.get(site);
    }

    NeedRoutes routesOf(MaterialNeed need) {
        return needRoutes.get(need);
    }

    int lotCount() {
        return lots.length;
    }

    Lot lot(int li) {
        return lots[li];
    }

    /** Units available in lot index {@code li} (before any plan takes from it). */
    int available(int li) {
        return available[li];
    }

    /** Units the pinned slots take from lot index {@code li} (counted in {@link LotUse} as taken). */
    long pinnedUse(int li) {
        return pinnedUse[li];
    }

    int itemCount() {
        return itemSlots.length;
    }

    int itemOf(int li) {
        return lotItem[li];
    }

    int[] lotsOfItem(int item) {
        return itemLots[item];
    }

    NeedChunk[] slotsOfItem(int item) {
        return itemSlots[item];
    }

    /**
     * A random slot with a positive quantity (a line, or what is unmet of a need); a few tries, then any movable slot
     * (moves on it are then refused as not doable or not useful).
     */
    NeedChunk nonEmpty(Random random) {
        NeedChunk c = movable.get(random.nextInt(movable.size()));
        for (int i = 0; i < 16 && c.getQuantity() == 0; i++) {
            c = movable.get(random.nextInt(movable.size()));
        }
        return c;
    }

    /** A random lot of the need's range: half of the time one of its nearest. */
    Lot pick(MaterialNeed need, Random random) {
        List<Lot> from = random.nextBoolean() ? nearest.get(need) : candidates(need);
        return from.get(random.nextInt(from.size()));
    }

    /**
     * The need's slot that already holds a line on {@code lot} (for null: its unmet part), else an empty slot to start
     * one; null when every slot is in use.
     */
    NeedChunk slotOn(MaterialNeed need, Lot lot) {
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

    /**
     * A line on lot {@code x} of another need than {@code notOf}, each such line equally likely (one draw per line,
     * reservoir sampling); null when there is none.
     */
    NeedChunk randomLineOn(Lot x, MaterialNeed notOf, Random random) {
        NeedChunk d = null;
        int seen = 0;
        for (NeedChunk e : byItem.get(x.getItemCode())) {
            if (e.getLot() == x && e.getQuantity() > 0 && e.getNeed() != notOf && random.nextInt(++seen) == 0) {
                d = e;
            }
        }
        return d;
    }
}
