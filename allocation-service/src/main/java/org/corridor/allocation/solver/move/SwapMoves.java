package org.corridor.allocation.solver.move;

import java.util.List;
import java.util.Random;
import org.corridor.allocation.solver.AllocationSolution;
import org.corridor.allocation.solver.NeedChunk;
import org.optaplanner.core.impl.heuristic.move.Move;

/**
 * Swaps ({@link ChunkSwapMove}): two lines of the <b>same item</b> exchange their lots, when each lot is in the other
 * need's value range (either may be unmet).
 */
final class SwapMoves implements MoveFamily {

    private final MoveIndex index;

    SwapMoves(MoveIndex index) {
        this.index = index;
    }

    @Override
    public Move<AllocationSolution> next(Random random) {
        NeedChunk a = index.nonEmpty(random);
        if (a.getQuantity() == 0) {
            return null;
        }
        List<NeedChunk> same = index.slotsOfItem(a.getNeed().getItemCode());
        NeedChunk b = same.get(random.nextInt(same.size()));
        if (a.getLot() == b.getLot() || b.getQuantity() == 0
                || (a.getNeed() == b.getNeed() && a.getQuantity() == b.getQuantity())) {
            return null;
        }
        if ((b.getLot() != null && !index.inRange(a.getNeed(), b.getLot()))
                || (a.getLot() != null && !index.inRange(b.getNeed(), a.getLot()))) {
            return null;
        }
        return new ChunkSwapMove(a, b);
    }
}
