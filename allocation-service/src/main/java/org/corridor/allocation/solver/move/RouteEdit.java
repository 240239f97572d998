package org.corridor.allocation.solver.move;

import java.util.ArrayList;
import java.util.List;
import org.corridor.allocation.solver.Lot;
import org.corridor.allocation.solver.MaterialNeed;
import org.corridor.allocation.solver.NeedChunk;
import org.corridor.allocation.solver.Route;

/**
 * The move a route closure or rebuild is building: the slots it changes ({@link PlannedEdit}) and the units it puts
 * back on (+) or takes from (-) each lot, so that the room of a lot is what the step's working solution leaves plus
 * what the move has changed. One instance per phase, shared by both families; {@link #clear()} after every move built,
 * whether it was given or abandoned.
 */
final class RouteEdit {

    private final MoveIndex index;
    private final LotUse use;
    private final PlannedEdit plan;
    /** By lot index: units put back (+) or taken (-) by the move being built. */
    private final long[] delta;
    /** Lot indexes whose {@link #delta} may be non-zero. */
    private final List<Integer> touched = new ArrayList<>();

    RouteEdit(MoveIndex index, LotUse use) {
        this.index = index;
        this.use = use;
        plan = new PlannedEdit(index.movable().size());
        delta = new long[index.lotCount()];
    }

    /** Units of lot index {@code li} free in the working solution with this move's changes (may be negative). */
    long room(int li) {
        return index.available(li) - use.used(li) + delta[li];
    }

    /** Takes a line off (its slot planned empty); its units go back to its lot's room only with {@link #release}. */
    void takeOff(NeedChunk line) {
        plan.set(line, null, 0);
    }

    /** Plans {@code quantity} units as the unmet part held by slot {@code c} (not on a lot). */
    void unmet(NeedChunk c, int quantity) {
        plan.set(c, null, quantity);
    }

    /** Takes a line off and gives its units back to its lot's room. */
    void release(NeedChunk line) {
        plan.set(line, null, 0);
        int li = line.getLot().getIndex();
        delta[li] += line.getQuantity();
        touched.add(li);
    }

    /**
     * Plans {@code units} more of {@code need} from lot index {@code li}, on the need's line there or in an empty slot,
     * and takes them from the lot's room; false when every slot of the need is in use.
     */
    boolean place(MaterialNeed need, int li, int units) {
        Lot lot = index.lot(li);
        NeedChunk to = plan.slotOn(index.slotsOf(need), lot);
        if (to == null) {
            return false;
        }
        plan.set(to, lot, plan.quantity(to) + units);
        delta[li] -= units;
        touched.add(li);
        return true;
    }

    /** Cost of one vehicle along a route. */
    static double vehicleCost(Route r) {
        return r.getDistanceKm() * r.getCostPerVehicleKm();
    }

    ChunkEditMove move() {
        return plan.move();
    }

    /** Forgets the move built, for the next one. */
    void clear() {
        for (int li : touched) {
            delta[li] = 0;
        }
        touched.clear();
        plan.clear();
    }
}
