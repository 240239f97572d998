package org.corridor.allocation.solver.move;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.corridor.allocation.solver.AllocationSolution;
import org.corridor.allocation.solver.Lot;
import org.corridor.allocation.solver.NeedChunk;
import org.optaplanner.core.impl.heuristic.move.Move;

/**
 * Line changes ({@link LineChangeMove}): the need's line on one lot moves to another eligible lot (half of the time one
 * of the need's {@value MoveIndex#NEAR} nearest lots, else any), or, 1 in {@value TransferMoves#UNMET_ONE_IN}, to
 * unmet.
 */
final class LineChangeMoves implements MoveFamily {

    private final MoveIndex index;

    LineChangeMoves(MoveIndex index) {
        this.index = index;
    }

    @Override
    public Move<AllocationSolution> next(Random random) {
        NeedChunk a = index.nonEmpty(random);
        Lot from = a.getLot();
        List<Lot> candidates = random.nextBoolean() ? index.nearest(a.getNeed()) : a.getCandidates();
        Lot to = random.nextInt(TransferMoves.UNMET_ONE_IN) == 0
                ? null
                : candidates.get(random.nextInt(candidates.size()));
        if (from == to) {
            return null;
        }
        List<NeedChunk> line = new ArrayList<>();
        for (NeedChunk c : index.slotsOf(a.getNeed())) {
            if (c.getLot() == from && c.getQuantity() > 0) {
                line.add(c);
            }
        }
        return line.isEmpty() ? null : new LineChangeMove(line, from, to);
    }
}
