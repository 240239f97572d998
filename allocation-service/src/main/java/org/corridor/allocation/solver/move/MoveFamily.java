package org.corridor.allocation.solver.move;

import java.util.Random;
import org.corridor.allocation.solver.AllocationSolution;
import org.optaplanner.core.impl.heuristic.move.Move;

/**
 * One kind of material move, built from the phase's {@link MoveIndex}. {@link ChunkMoveIteratorFactory} draws which
 * family builds the next move by the shares configured in {@code solverConfig.xml}.
 */
interface MoveFamily {

    /** A random move of this family in the step's working solution, or null when this try found none. */
    Move<AllocationSolution> next(Random random);
}
