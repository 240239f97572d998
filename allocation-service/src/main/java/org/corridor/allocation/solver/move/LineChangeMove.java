package org.corridor.allocation.solver.move;

import java.util.List;
import org.corridor.allocation.solver.AllocationSolution;
import org.corridor.allocation.solver.Lot;
import org.corridor.allocation.solver.NeedChunk;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.AbstractMove;

/**
 * Moves a whole plan line, every chunk of one need that takes the same lot, to another lot (or to unmet): one step for
 * what would otherwise be many chunk moves, each alone blocked by the vehicle staircase of the transport cost.
 */
public class LineChangeMove extends AbstractMove<AllocationSolution> {

    private final List<NeedChunk> chunks;
    private final Lot from;
    private final Lot to;

    public LineChangeMove(List<NeedChunk> chunks, Lot from, Lot to) {
        this.chunks = chunks;
        this.from = from;
        this.to = to;
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<AllocationSolution> scoreDirector) {
        return from != to && !chunks.isEmpty();
    }

    @Override
    protected LineChangeMove createUndoMove(ScoreDirector<AllocationSolution> scoreDirector) {
        return new LineChangeMove(chunks, to, from);
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<AllocationSolution> scoreDirector) {
        for (NeedChunk c : chunks) {
            VariableChange.lot(scoreDirector, c, to);
        }
    }

    @Override
    public LineChangeMove rebase(ScoreDirector<AllocationSolution> destination) {
        return new LineChangeMove(rebaseList(chunks, destination), destination.lookUpWorkingObject(from),
                destination.lookUpWorkingObject(to));
    }

    @Override
    public List<NeedChunk> getPlanningEntities() {
        return chunks;
    }

    @Override
    public List<Lot> getPlanningValues() {
        return java.util.Arrays.asList(from, to);
    }

    @Override
    public String toString() {
        return chunks.size() + " lines " + chunks + " " + from + " -> " + to;
    }
}
