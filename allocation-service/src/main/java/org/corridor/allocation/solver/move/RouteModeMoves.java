package org.corridor.allocation.solver.move;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.corridor.allocation.solver.AllocationSolution;
import org.corridor.allocation.solver.NeedChunk;
import org.corridor.allocation.solver.Route;
import org.corridor.allocation.solver.Supply;
import org.corridor.allocation.solver.api.TransportMode;
import org.optaplanner.core.impl.heuristic.move.Move;

/**
 * Route mode changes ({@link RouteModeMove}): every line travelling one (depot, site) route by one mode switches to
 * another mode that depot and site share, so the route's vehicles of the old mode stop running and the loads join (or
 * start) the vehicles of the new one. Whole vehicles are paid per (depot, site, mode): the generic change move, one
 * line at a time, leaves the old mode's vehicle running until its last line leaves and adds one on the new mode, a step
 * that rarely pays. A line the new mode cannot carry without breaking a hard constraint (an access rule that stops that
 * mode on the journey, a lot that would expire before the slower arrival) keeps its mode, so this move never makes a
 * plan infeasible.
 */
public final class RouteModeMoves implements MoveFamily {

    private final MoveIndex index;

    RouteModeMoves(MoveIndex index) {
        this.index = index;
    }

    @Override
    public Move<AllocationSolution> next(Random random) {
        NeedChunk a = index.nonEmpty(random);
        if (!a.isDelivering()) {
            return null;
        }
        Route route = a.getSupply().getRoute();
        TransportMode to = otherMode(a, route.getMode(), random);
        if (to == null) {
            return null;
        }
        return onRoute(index.slotsAt(a.getNeed().getSite()), route, to);
    }

    /**
     * The move switching every line among {@code slotsAtSite} that travels {@code route} to {@code to}, leaving out the
     * lines {@code to} cannot carry without breaking a hard constraint; null when none can switch.
     */
    public static RouteModeMove onRoute(List<NeedChunk> slotsAtSite, Route route, TransportMode to) {
        List<NeedChunk> lines = new ArrayList<>();
        for (NeedChunk c : slotsAtSite) {
            if (c.isDelivering() && c.getSupply().getRoute() == route && carries(c, to)) {
                lines.add(c);
            }
        }
        if (lines.isEmpty()) {
            return null;
        }
        List<TransportMode> modes = new ArrayList<>(lines.size());
        lines.forEach(c -> modes.add(to));
        return new RouteModeMove(lines, modes);
    }

    /** A random mode other than {@code current} that joins the line's depot and site; null when there is none. */
    private static TransportMode otherMode(NeedChunk line, TransportMode current, Random random) {
        List<Supply> supplies = line.getNeed().suppliesFor(line.getLot());
        int others = supplies.size() - 1;
        if (others <= 0) {
            return null;
        }
        int pick = random.nextInt(others);
        for (Supply s : supplies) {
            TransportMode m = s.getRoute().getMode();
            if (m != current && pick-- == 0) {
                return m;
            }
        }
        return null;
    }

    /** True when the line can travel by {@code mode} without breaking a hard constraint. */
    static boolean carries(NeedChunk line, TransportMode mode) {
        Supply s = line.getNeed().supplyFor(line.getLot(), mode);
        return s.getRoute().getMode() == mode && s.getBlockingRules() == 0 && !s.expiresBeforeArrival();
    }
}
