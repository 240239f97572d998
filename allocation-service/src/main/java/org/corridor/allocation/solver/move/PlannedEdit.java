package org.corridor.allocation.solver.move;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.corridor.allocation.solver.Lot;
import org.corridor.allocation.solver.NeedChunk;

/**
 * The slots a move being built changes, in order, with their planned lots and quantities. One instance per phase,
 * reused by every move built ({@link #clear()} after each): the position of a slot in the edit is kept by slot index.
 */
final class PlannedEdit {

    private final List<NeedChunk> chunks = new ArrayList<>();
    private final List<Lot> lots = new ArrayList<>();
    private final List<Integer> quantities = new ArrayList<>();
    /** By slot index: position in the lists above, -1 when the slot is not in the edit. */
    private final int[] position;

    PlannedEdit(int slots) {
        position = new int[slots];
        Arrays.fill(position, -1);
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
     * Like {@link MoveIndex#slotOn} on the planned state: the slot of {@code slots} (one need's) planned on
     * {@code lot}, else one planned empty, preferably the one that is on {@code lot} now (a line taken off and put back
     * where it was is then no change at all, or a change of quantity, instead of a line moving between two slots); null
     * when every slot is in use.
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
