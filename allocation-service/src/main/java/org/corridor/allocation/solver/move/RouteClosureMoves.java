package org.corridor.allocation.solver.move;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.corridor.allocation.solver.AllocationSolution;
import org.corridor.allocation.solver.Lot;
import org.corridor.allocation.solver.MaterialNeed;
import org.corridor.allocation.solver.NeedChunk;
import org.corridor.allocation.solver.Route;
import org.optaplanner.core.impl.heuristic.move.Move;

/**
 * Route closures ({@link ChunkEditMove}): every line going from one depot to one site moves to lots of its need with
 * room on other routes serving that site, and half of the time (always when no other route serves it) on one route
 * opened instead, from a depot one of these lines may take from whose vehicles cost less. A line may be split over
 * several lots. Its vehicles no longer run and the loads join vehicles already going, or a cheaper route replaces it:
 * the consolidation the whole-vehicle transport cost rewards, which moving one line at a time rarely reaches because
 * the route's last vehicle only disappears with its last line. Deciding which depots serve a site is a fixed-charge
 * choice; without the replacement a route could only ever be closed into the ones already open.
 */
final class RouteClosureMoves implements MoveFamily {

    /** A route with more lines than this is not closed in one move. */
    static final int CLOSE_MAX_LINES = 8;

    private final MoveIndex index;
    private final RouteEdit edit;

    /**
     * The route to close, its lines, and which other routes serve its site ({@code active} by route index).
     */
    private record Closing(Route route, List<NeedChunk> lines, boolean[] active, boolean anyActive) {
    }

    RouteClosureMoves(MoveIndex index, RouteEdit edit) {
        this.index = index;
        this.edit = edit;
    }

    @Override
    public Move<AllocationSolution> next(Random random) {
        NeedChunk a = index.nonEmpty(random);
        if (a.getLot() == null) {
            return null;
        }
        Closing closing = closing(a);
        if (closing.lines().size() > CLOSE_MAX_LINES) {
            return null;
        }
        Route opened = (!closing.anyActive() || random.nextBoolean()) ? cheaperRoute(closing, random) : null;
        if (!closing.anyActive() && opened == null) {
            return null;
        }
        try {
            // every line off first: a line of a need may land on the lot of another closing line of that need (on a
            // route of another mode), whose slot must then not be taken off after it received them
            for (NeedChunk line : closing.lines()) {
                edit.takeOff(line);
            }
            for (NeedChunk line : closing.lines()) {
                if (!moveLine(line, closing, opened, random)) {
                    return null;
                }
            }
            return edit.move();
        } finally {
            edit.clear();
        }
    }

    /** The lines on a's route, and the other routes delivering to a's site. */
    private Closing closing(NeedChunk a) {
        Route route = a.getSupply().getRoute();
        List<NeedChunk> lines = new ArrayList<>();
        boolean[] active = new boolean[index.routesTo(route.getSite()).length];
        boolean anyActive = false;
        for (NeedChunk c : index.slotsAt(a.getNeed().getSite())) {
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
        return new Closing(route, lines, active, anyActive);
    }

    /** The route of a random lot of a random line, if it does not serve the site yet and costs less. */
    private Route cheaperRoute(Closing closing, Random random) {
        List<NeedChunk> lines = closing.lines();
        NeedChunk l = lines.get(random.nextInt(lines.size()));
        Route r = l.getNeed().supplyFor(index.pick(l.getNeed(), random)).getRoute();
        Route route = closing.route();
        if (r != route && !closing.active()[r.getIndex()]
                && RouteEdit.vehicleCost(r) < RouteEdit.vehicleCost(route)) {
            return r;
        }
        return null;
    }

    /**
     * Plans the units of a line taken off on lots with room on the opened route first, then on the active ones.
     */
    private boolean moveLine(NeedChunk line, Closing closing, Route opened, Random random) {
        MaterialNeed need = line.getNeed();
        int rest = line.getQuantity();
        for (Lot target : targets(line, closing, opened, random)) {
            if (rest == 0) {
                break;
            }
            int li = target.getIndex();
            long room = edit.room(li);
            if (room <= 0) {
                continue;
            }
            int units = (int) Math.min(rest, room);
            if (!edit.place(need, li, units)) {
                return false;
            }
            rest -= units;
        }
        return rest == 0;
    }

    /** The line's lots on the opened route, shuffled, then those on the other active routes, shuffled. */
    private List<Lot> targets(NeedChunk line, Closing closing, Route opened, Random random) {
        List<Lot> first = new ArrayList<>();
        List<Lot> then = new ArrayList<>();
        for (Lot l : line.getCandidates()) {
            Route r = line.getNeed().supplyFor(l).getRoute();
            if (r == opened) {
                first.add(l);
            } else if (r != closing.route() && closing.active()[r.getIndex()]) {
                then.add(l);
            }
        }
        Collections.shuffle(first, random);
        Collections.shuffle(then, random);
        first.addAll(then);
        return first;
    }
}
