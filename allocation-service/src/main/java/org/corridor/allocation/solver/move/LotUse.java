package org.corridor.allocation.solver.move;

import java.util.Arrays;
import org.corridor.allocation.solver.AllocationSolution;
import org.corridor.allocation.solver.Lot;
import org.corridor.allocation.solver.NeedChunk;
import org.optaplanner.core.impl.heuristic.move.Move;

/**
 * Units taken from each lot by all lines in the working solution (movable slots, plus the fixed units of pinned slots)
 * of the current step, counted once per step for all lots of an item when a move of the step first asks: OptaPlanner
 * asks for a new move iterator at every step ({@link #nextStep()}) and does and undoes each move it evaluates, so the
 * working solution the moves of one iterator are built from does not change. Most steps need the lots of one or two
 * items, not all.
 * <p>
 * It also keeps which movable slots the steps since a reader last asked may have changed: every material move the
 * factory builds says which slots it touches ({@link #touched}), and only a step's own moves change the working
 * solution's lines (the other selectors of the local search change modes and team slots). A step's moves count once the
 * step is over ({@link #nextStep()}), so a move built before a read and done at the end of that step is not missed.
 */
final class LotUse {

    private final MoveIndex index;
    /** Units taken per lot index, valid for the items counted in this step. */
    private final long[] used;
    /** Per item, the step it was last counted in. */
    private final int[] itemCounted;
    private int step = 1;
    /** Slots touched by the moves of the current step, possibly repeated. */
    private int[] stepTouched = new int[64];
    private int stepTouchedCount;
    /** Slots touched by the steps over since the last {@link #takeChanged()}, once each; null: too many to list. */
    private int[] changed;
    private int changedCount;
    private final boolean[] listed;

    LotUse(MoveIndex index) {
        this.index = index;
        used = new long[index.lotCount()];
        itemCounted = new int[index.itemCount()];
        listed = new boolean[index.movable().size()];
        changed = new int[Math.max(64, listed.length / 4)];
    }

    /** A new step: the working solution may have changed since the last count, in the slots the last step touched. */
    void nextStep() {
        step++;
        for (int i = 0; i < stepTouchedCount && changed != null; i++) {
            int slot = stepTouched[i];
            if (!listed[slot]) {
                if (changedCount == changed.length) {
                    changed = null;
                    break;
                }
                listed[slot] = true;
                changed[changedCount++] = slot;
            }
        }
        stepTouchedCount = 0;
    }

    /** A material move built in this step: the slots it would change. */
    void touched(Move<AllocationSolution> move) {
        for (Object entity : move.getPlanningEntities()) {
            int slot = entity instanceof NeedChunk c ? c.getIndex() : -1;
            if (slot < 0 || slot >= listed.length) {
                // not a movable slot: nothing can be said of what changed
                changed = null;
                continue;
            }
            if (stepTouchedCount == stepTouched.length) {
                stepTouched = Arrays.copyOf(stepTouched, 2 * stepTouchedCount);
            }
            stepTouched[stepTouchedCount++] = slot;
        }
    }

    /**
     * The movable slots that may have changed in the steps over since the last call (each once), or null when they are
     * too many to list (or unknown): then every slot must be read again. The list starts again empty.
     */
    int[] takeChanged() {
        int[] out = changed == null ? null : Arrays.copyOf(changed, changedCount);
        if (changed == null) {
            changed = new int[Math.max(64, listed.length / 4)];
            Arrays.fill(listed, false);
        } else {
            for (int i = 0; i < changedCount; i++) {
                listed[changed[i]] = false;
            }
        }
        changedCount = 0;
        return out;
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
