package org.corridor.allocation.solver.move;

import java.util.ArrayList;
import java.util.List;
import org.corridor.allocation.solver.AllocationSolution;
import org.corridor.allocation.solver.Lot;
import org.corridor.allocation.solver.NeedChunk;
import org.corridor.allocation.solver.api.TransportMode;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.AbstractMove;

/**
 * Gives slots new lots and quantities at once, keeping the sum of each need's quantities (the {@link NeedChunk}
 * invariant): units move from one line of a need to another, to a lot not yet serving the need (a new line in an empty
 * slot), or back to unmet; two needs can trade units of a full lot (one gives back to its unmet part what the other
 * takes). This is what splits a line to fit the room left in a small lot, merges two lines, or shifts part of a load to
 * a route whose vehicle still has room: the steps fixed-size chunks could not take.
 * <p>
 * A slot put on a lot of another depot, or an emptied slot that takes a lot again, travels by its new lot's default
 * mode: a mode chosen for the route it left (say AIR, where the line was urgent) says nothing about the new one, whose
 * units the move meant for the route that lot's default mode runs. A slot moved to another lot of the same depot keeps
 * its mode (the same route: a ship chosen for it stays chosen). The undo move puts every mode back.
 */
public class ChunkEditMove extends AbstractMove<AllocationSolution> {

    private final List<NeedChunk> chunks;
    private final List<Lot> lots;
    private final List<Integer> quantities;
    /** The modes to set (an undo move's); null: as {@link #departsElsewhere} says, per slot. */
    private final List<TransportMode> modes;

    public ChunkEditMove(List<NeedChunk> chunks, List<Lot> lots, List<Integer> quantities) {
        this(chunks, lots, quantities, null);
    }

    private ChunkEditMove(List<NeedChunk> chunks, List<Lot> lots, List<Integer> quantities,
            List<TransportMode> modes) {
        this.chunks = chunks;
        this.lots = lots;
        this.quantities = quantities;
        this.modes = modes;
    }

    /**
     * Moves {@code units} from slot {@code from} to slot {@code to} (same need), which is put on {@code lot}; a slot
     * left empty is taken off its lot.
     */
    public static ChunkEditMove transfer(NeedChunk from, NeedChunk to, Lot lot, int units) {
        int left = from.getQuantity() - units;
        List<Lot> lots = new ArrayList<>(2);
        lots.add(left == 0 ? null : from.getLot());
        lots.add(lot);
        return new ChunkEditMove(List.of(from, to), lots, List.of(left, to.getQuantity() + units));
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<AllocationSolution> scoreDirector) {
        for (int i = 0; i < chunks.size(); i++) {
            NeedChunk c = chunks.get(i);
            if (c.getLot() != lots.get(i) || c.getQuantity() != quantities.get(i)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected ChunkEditMove createUndoMove(ScoreDirector<AllocationSolution> scoreDirector) {
        List<Lot> oldLots = new ArrayList<>(chunks.size());
        List<Integer> oldQuantities = new ArrayList<>(chunks.size());
        List<TransportMode> oldModes = new ArrayList<>(chunks.size());
        for (NeedChunk c : chunks) {
            oldLots.add(c.getLot());
            oldQuantities.add(c.getQuantity());
            oldModes.add(c.getMode());
        }
        return new ChunkEditMove(chunks, oldLots, oldQuantities, oldModes);
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<AllocationSolution> scoreDirector) {
        for (int i = 0; i < chunks.size(); i++) {
            NeedChunk c = chunks.get(i);
            Lot lot = lots.get(i);
            TransportMode mode = modes != null ? modes.get(i) : departsElsewhere(c, lot) ? null : c.getMode();
            if (c.getMode() != mode) {
                VariableChange.mode(scoreDirector, c, mode);
            }
            set(scoreDirector, c, lot, quantities.get(i));
        }
    }

    /**
     * Whether the slot, put on {@code lot}, sends units from another depot than the one its mode was chosen for: it
     * held no lot (an emptied slot keeps the mode of the last lot it held), or a lot of another depot.
     */
    private static boolean departsElsewhere(NeedChunk c, Lot lot) {
        return lot != null && (c.getLot() == null || !c.getLot().getDepotId().equals(lot.getDepotId()));
    }

    /** Sets a slot's lot and quantity, telling the score director about each variable that changes. */
    static void set(ScoreDirector<AllocationSolution> scoreDirector, NeedChunk c, Lot lot, int quantity) {
        if (c.getLot() != lot) {
            VariableChange.lot(scoreDirector, c, lot);
        }
        if (c.getQuantity() != quantity) {
            VariableChange.quantity(scoreDirector, c, quantity);
        }
    }

    @Override
    public ChunkEditMove rebase(ScoreDirector<AllocationSolution> destination) {
        return new ChunkEditMove(rebaseList(chunks, destination), rebaseList(lots, destination), quantities, modes);
    }

    @Override
    public List<NeedChunk> getPlanningEntities() {
        return chunks;
    }

    @Override
    public List<Object> getPlanningValues() {
        List<Object> values = new ArrayList<>(lots);
        values.addAll(quantities);
        return values;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Edit[");
        for (int i = 0; i < chunks.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(chunks.get(i).getId()).append(": ").append(chunks.get(i).getQuantity())
                    .append('@').append(chunks.get(i).getLot()).append(" -> ").append(quantities.get(i)).append('@')
                    .append(lots.get(i));
        }
        return b.append(']').toString();
    }
}
