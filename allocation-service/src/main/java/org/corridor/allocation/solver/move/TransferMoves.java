package org.corridor.allocation.solver.move;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.corridor.allocation.solver.AllocationSolution;
import org.corridor.allocation.solver.Lot;
import org.corridor.allocation.solver.MaterialNeed;
import org.corridor.allocation.solver.NeedChunk;
import org.optaplanner.core.impl.heuristic.move.Move;

/**
 * Transfers ({@link ChunkEditMove}): units of a need move from one of its lines (or from what is unmet) to a lot with
 * room, as much as fits or a random part of it, onto the need's line on that lot or a new line in an empty slot; or
 * back to unmet (1 in {@value #UNMET_ONE_IN}). This is how a need fills exactly the room left in small lots and shifts
 * part of a load to a route whose vehicle still has room. When the target lot is full, two needs trade instead: a unit
 * swap between their lines on two lots ({@link #unitSwap}), or the other need gives units back ({@link #exchange}).
 */
final class TransferMoves implements MoveFamily {

    /** A transfer from a line goes back to unmet once in this many. */
    static final int UNMET_ONE_IN = 10;

    private final MoveIndex index;
    private final LotUse use;

    TransferMoves(MoveIndex index, LotUse use) {
        this.index = index;
        this.use = use;
    }

    /** Units of one need move from a line (or its unmet part) to a lot with room, or back to unmet. */
    @Override
    public Move<AllocationSolution> next(Random random) {
        NeedChunk a = index.nonEmpty(random);
        int q = a.getQuantity();
        if (q == 0) {
            return null;
        }
        MaterialNeed need = a.getNeed();
        if (a.getLot() != null && random.nextInt(UNMET_ONE_IN) == 0) {
            NeedChunk unmet = index.slotOn(need, null);
            if (unmet == null) {
                return null;
            }
            int units = random.nextBoolean() ? q : 1 + random.nextInt(q);
            return ChunkEditMove.transfer(a, unmet, null, units);
        }
        Lot x = index.pick(need, random);
        if (x == a.getLot()) {
            return null;
        }
        long room = x.getAvailable() - use.used(x);
        if (room <= 0) {
            return a.getLot() != null && random.nextBoolean() ? unitSwap(a, x, random) : exchange(a, x, random);
        }
        NeedChunk to = index.slotOn(need, x);
        if (to == null) {
            return null;
        }
        int most = (int) Math.min(q, room);
        int units = random.nextBoolean() ? most : 1 + random.nextInt(most);
        return ChunkEditMove.transfer(a, to, x, units);
    }

    /**
     * Lot x is full: a line b of another need on x that may take a's lot trades units with line a: k units of a's need
     * move from a's lot to x, k units of b's need from x to a's lot. Every lot keeps its load, so on instances where
     * every lot is taken this still moves stock to nearer sites.
     */
    private Move<AllocationSolution> unitSwap(NeedChunk a, Lot x, Random random) {
        Lot y = a.getLot();
        NeedChunk b = null;
        int seen = 0;
        for (NeedChunk e : index.slotsOfItem(x.getItemCode())) {
            if (e.getLot() == x && e.getQuantity() > 0 && e.getNeed() != a.getNeed()
                    && index.inRange(e.getNeed(), y) && random.nextInt(++seen) == 0) {
                b = e;
            }
        }
        if (b == null) {
            return null;
        }
        NeedChunk aTo = index.slotOn(a.getNeed(), x);
        NeedChunk bTo = index.slotOn(b.getNeed(), y);
        if (aTo == null || bTo == null) {
            return null;
        }
        int most = Math.min(a.getQuantity(), b.getQuantity());
        int units = random.nextBoolean() ? most : 1 + random.nextInt(most);
        int aLeft = a.getQuantity() - units;
        int bLeft = b.getQuantity() - units;
        return new ChunkEditMove(List.of(a, aTo, b, bTo),
                Arrays.asList(aLeft == 0 ? null : y, x, bLeft == 0 ? null : x, y),
                List.of(aLeft, aTo.getQuantity() + units, bLeft, bTo.getQuantity() + units));
    }

    /**
     * Lot x is full: another need's line on x gives units back to its own unmet part or moves them to another of its
     * lots with room, and they go to a's need instead (taken from a). Shares a scarce lot between needs, or lets a
     * higher priority take it over, one step at a time.
     */
    private Move<AllocationSolution> exchange(NeedChunk a, Lot x, Random random) {
        NeedChunk d = index.randomLineOn(x, a.getNeed(), random);
        if (d == null) {
            return null;
        }
        NeedChunk to = index.slotOn(a.getNeed(), x);
        // half of the time d's units move on to another lot of d's with room (an ejection chain), else to
        // d's unmet part
        Lot y = random.nextBoolean() ? index.pick(d.getNeed(), random) : null;
        long yRoom = Long.MAX_VALUE;
        if (y != null) {
            yRoom = y == x ? 0 : y.getAvailable() - use.used(y);
            if (yRoom <= 0) {
                return null;
            }
        }
        NeedChunk back = index.slotOn(d.getNeed(), y);
        if (to == null || back == null || back == d) {
            return null;
        }
        int most = (int) Math.min(Math.min(a.getQuantity(), d.getQuantity()), yRoom);
        int units = random.nextBoolean() ? most : 1 + random.nextInt(most);
        int aLeft = a.getQuantity() - units;
        int dLeft = d.getQuantity() - units;
        return new ChunkEditMove(List.of(a, to, d, back),
                Arrays.asList(aLeft == 0 ? null : a.getLot(), x, dLeft == 0 ? null : x, y),
                List.of(aLeft, to.getQuantity() + units, dLeft, back.getQuantity() + units));
    }
}
