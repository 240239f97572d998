package org.corridor.allocation.solver.move;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.corridor.allocation.solver.Lot;
import org.corridor.allocation.solver.MaterialNeed;
import org.corridor.allocation.solver.NeedChunk;
import org.corridor.allocation.solver.Route;
import org.corridor.allocation.solver.SiteFact;
import org.corridor.allocation.solver.Supply;
import org.corridor.allocation.solver.move.MoveIndex.NeedRoutes;

/**
 * One site's state in a route rebuild ({@link RouteRebuildMoves}): its lines by route, its open and ruined routes, the
 * units of each need still to place, and what each route could take of them.
 */
final class SiteRebuild {

    private final MoveIndex index;
    private final RouteEdit edit;
    private final Route[] routes;
    private final List<NeedChunk>[] byRoute;
    /** Route indexes with lines, {@link #activeCount} of them. */
    final int[] active;
    int activeCount;
    final boolean[] open;
    final List<Integer> ruined = new ArrayList<>(RouteRebuildMoves.REBUILD_MAX_ROUTES);
    /** Needs with units taken off and not placed again yet, in the order they were taken off. */
    private MaterialNeed[] restNeeds = new MaterialNeed[8];
    private NeedRoutes[] restRoutes = new NeedRoutes[8];
    private int[] restLeft = new int[8];
    int restCount;
    /**
     * Units each route could take of what is left, per need still to place: {@code takes[n][i]} are the units of need n
     * its route i (of {@link NeedRoutes}) could take; {@link #coverage}, {@link #addGrams} and {@link #addCm3} are
     * their sums by route, kept up to date need by need as lots fill (only the needs whose lots changed are computed
     * again).
     */
    private long[][] takes = new long[8][];
    final long[] coverage;
    /** Load per route: of the lines kept and placed so far; and what the route could take now. */
    private final long[] grams;
    private final long[] cm3;
    private final double[] addGrams;
    private final double[] addCm3;

    @SuppressWarnings("unchecked")
    SiteRebuild(MoveIndex index, RouteEdit edit, SiteFact site) {
        this.index = index;
        this.edit = edit;
        routes = index.routesTo(site);
        byRoute = new List[routes.length];
        active = new int[routes.length];
        open = new boolean[routes.length];
        coverage = new long[routes.length];
        grams = new long[routes.length];
        cm3 = new long[routes.length];
        addGrams = new double[routes.length];
        addCm3 = new double[routes.length];
        for (NeedChunk c : index.slotsAt(site)) {
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

    Route route(int r) {
        return routes[r];
    }

    /** The lines on route r before the move. */
    List<NeedChunk> linesOn(int r) {
        return byRoute[r];
    }

    void ruin(int r) {
        open[r] = false;
        ruined.add(r);
        grams[r] = 0;
        cm3[r] = 0;
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
            restNeeds = Arrays.copyOf(restNeeds, 2 * restCount);
            restRoutes = Arrays.copyOf(restRoutes, 2 * restCount);
            restLeft = Arrays.copyOf(restLeft, 2 * restCount);
            takes = Arrays.copyOf(takes, 2 * restCount);
        }
        restNeeds[restCount] = need;
        restRoutes[restCount] = index.routesOf(need);
        restLeft[restCount++] = units;
    }

    /** Coverage of every need taken off. */
    void startCoverage() {
        for (int n = 0; n < restCount; n++) {
            cover(n);
        }
    }

    /** Vehicles route r would add by taking all it can (an open route may still have room). */
    long addedVehicles(int r) {
        Route route = routes[r];
        return route.vehiclesFor(grams[r] + Math.round(addGrams[r]), cm3[r] + Math.round(addCm3[r]))
                - (open[r] ? route.vehiclesFor(grams[r], cm3[r]) : 0);
    }

    /**
     * Opens route r and places on it, need by need, as much as its lots have room for; the needs with units left stay
     * to place, with their coverage computed again. Collects the items placed. False when a need has no slot left for a
     * new line.
     */
    boolean placeOn(int r, List<String> placedItems) {
        open[r] = true;
        placedItems.clear();
        int kept = 0;
        for (int n = 0; n < restCount; n++) {
            int i = restRoutes[n].position()[r];
            if (i < 0) {
                keep(kept++, n);
                continue;
            }
            // the rooms of its lots on this route change: its coverage is computed again
            contribute(n, -1);
            int left = placeOnLots(restNeeds[n], restRoutes[n].lots()[i], restLeft[n], r, placedItems);
            if (left < 0) {
                return false;
            }
            if (left > 0) {
                restLeft[n] = left;
                keep(kept, n);
                cover(kept++);
            }
        }
        restCount = kept;
        return true;
    }

    /** Places up to {@code left} units of a need on the given lots of route r; the units left, -1 on failure. */
    private int placeOnLots(MaterialNeed need, int[] lots, int left, int r, List<String> placedItems) {
        for (int li : lots) {
            long room = edit.room(li);
            if (left == 0 || room <= 0) {
                continue;
            }
            int units = (int) Math.min(left, room);
            if (!edit.place(need, li, units)) {
                return -1;
            }
            left -= units;
            Lot lot = index.lot(li);
            grams[r] += Supply.grams(lot, units);
            cm3[r] += Supply.cubicCentimetres(lot, units);
            if (!placedItems.contains(need.getItemCode())) {
                placedItems.add(need.getItemCode());
            }
        }
        return left;
    }

    /** Another site placed these items: the same lots, on this site's route from that depot. */
    void refresh(List<String> placedItems) {
        for (int n = 0; n < restCount; n++) {
            if (placedItems.contains(restNeeds[n].getItemCode())) {
                contribute(n, -1);
                cover(n);
            }
        }
    }

    /** Computes what need n's routes can take now and adds it to the sums. */
    private void cover(int n) {
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
                room += Math.max(0, edit.room(li));
            }
            u[i] = Math.min(room, left);
        }
        contribute(n, 1);
    }

    /** Adds (sign 1) or takes off (-1) need n's units from the sums by route. */
    private void contribute(int n, int sign) {
        NeedRoutes nr = restRoutes[n];
        long[] u = takes[n];
        for (int i = 0; i < nr.routes().length; i++) {
            int q = (int) u[i];
            if (q > 0) {
                int r = nr.routes()[i];
                Lot unit = index.lot(nr.lots()[i][0]);
                coverage[r] += sign * q;
                // unrounded (rounded once per route when routes are compared)
                addGrams[r] += sign * (q * unit.getUnitWeightKg() * 1000.0);
                addCm3[r] += sign * (q * unit.getUnitVolumeM3() * 1_000_000.0);
            }
        }
    }

    /** Moves need n to position k (k <= n) of the needs still to place. */
    private void keep(int k, int n) {
        if (k != n) {
            restNeeds[k] = restNeeds[n];
            restRoutes[k] = restRoutes[n];
            restLeft[k] = restLeft[n];
            long[] u = takes[k];
            takes[k] = takes[n];
            takes[n] = u;
        }
    }
}
