package org.corridor.allocation.solver.move;

import org.corridor.allocation.solver.Lot;
import org.corridor.allocation.solver.NeedChunk;

/**
 * Units taken from each lot by all lines in the working solution (movable slots, plus the fixed units of pinned slots)
 * of the current step, counted once per step for all lots of an item when a move of the step first asks: OptaPlanner
 * asks for a new move iterator at every step ({@link #nextStep()}) and does and undoes each move it evaluates, so the
 * working solution the moves of one iterator are built from does not change. Most steps need the lots of one or two
 * items, not all.
 */
final class LotUse {

    private final MoveIndex index;
    /** Units taken per lot index, valid for the items counted in this step. */
    private final long[] used;
    /** Per item, the step it was last counted in. */
    private final int[] itemCounted;
    private int step = 1;

    LotUse(MoveIndex index) {
        this.index = index;
        used = new long[index.lotCount()];
        itemCounted = new int[index.itemCount()];
    }

    /** A new step: the working solution may have changed since the last count. */
    void nextStep() {
        step++;
    }

    /** The current step's number: what was counted from the working solution in this step is still valid. */
    int step() {
        return step;
    }

    /** Units of a lot taken by all lines (of every need of its item). */
    long used(Lot lot) {
        return used(lot.getIndex());
    }

    /** Units taken from the lot with index {@code li}. */
    long used(int li) {
        int item = index.itemOf(li);
        if (itemCounted[item] != step) {
            itemCounted[item] = step;
            count(item);
        }
        return used[li];
    }

    private void count(int item) {
        for (int l : index.lotsOfItem(item)) {
            used[l] = index.pinnedUse(l);
        }
        for (NeedChunk c : index.slotsOfItem(item)) {
            if (c.isDelivering()) {
                used[c.getLot().getIndex()] += c.getQuantity();
            }
        }
    }
}
