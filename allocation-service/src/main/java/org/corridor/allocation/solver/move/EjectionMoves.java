package org.corridor.allocation.solver.move;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.corridor.allocation.solver.AllocationSolution;
import org.corridor.allocation.solver.Lot;
import org.corridor.allocation.solver.NeedChunk;
import org.optaplanner.core.impl.heuristic.move.Move;

/**
 * Ejection chains ({@link ChunkReassignMove}): a line c takes a lot x, and a line d of another need on x moves to a lot
 * y of its own range (or, 1 in {@value TransferMoves#UNMET_ONE_IN}, to unmet).
 */
final class EjectionMoves implements MoveFamily {

    private final MoveIndex index;

    EjectionMoves(MoveIndex index) {
        this.index = index;
    }

    @Override
    public Move<AllocationSolution> next(Random random) {
        NeedChunk c = index.nonEmpty(random);
        if (c.getQuantity() == 0) {
            return null;
        }
        Lot x = index.pick(c.getNeed(), random);
        if (x == c.getLot()) {
            return null;
        }
        NeedChunk d = index.randomLineOn(x, c.getNeed(), random);
        if (d == null) {
            return new ChunkReassignMove(List.of(c), Collections.singletonList(x));
        }
        Lot y = random.nextInt(TransferMoves.UNMET_ONE_IN) == 0 ? null : index.pick(d.getNeed(), random);
        if (y == x) {
            return null;
        }
        return new ChunkReassignMove(List.of(c, d), Arrays.asList(x, y));
    }
}
