package org.corridor.allocation.solver.move;

import org.corridor.allocation.solver.AllocationSolution;
import org.corridor.allocation.solver.NeedChunk;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.selector.common.decorator.SelectionFilter;

/**
 * Selects the line slots that deliver something (on a lot, with units) for the mode change moves: most slots are empty,
 * and the mode of an empty slot changes nothing.
 */
public final class DeliveringLineFilter implements SelectionFilter<AllocationSolution, NeedChunk> {

    @Override
    public boolean accept(ScoreDirector<AllocationSolution> scoreDirector, NeedChunk chunk) {
        return chunk.isDelivering();
    }
}
