package org.corridor.allocation.solver.move;

import java.util.List;
import org.corridor.allocation.solver.AllocationSolution;
import org.corridor.allocation.solver.Lot;
import org.corridor.allocation.solver.NeedChunk;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.AbstractMove;

/** Two chunks of the same item exchange their lots (either may be null = unmet). */
public class ChunkSwapMove extends AbstractMove<AllocationSolution> {

    private final NeedChunk a;
    private final NeedChunk b;

    public ChunkSwapMove(NeedChunk a, NeedChunk b) {
        this.a = a;
        this.b = b;
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<AllocationSolution> scoreDirector) {
        return a.getLot() != b.getLot();
    }

    @Override
    protected ChunkSwapMove createUndoMove(ScoreDirector<AllocationSolution> scoreDirector) {
        return new ChunkSwapMove(a, b);
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<AllocationSolution> scoreDirector) {
        Lot la = a.getLot();
        Lot lb = b.getLot();
        VariableChange.lot(scoreDirector, a, lb);
        VariableChange.lot(scoreDirector, b, la);
    }

    @Override
    public ChunkSwapMove rebase(ScoreDirector<AllocationSolution> destination) {
        return new ChunkSwapMove(destination.lookUpWorkingObject(a), destination.lookUpWorkingObject(b));
    }

    @Override
    public List<NeedChunk> getPlanningEntities() {
        return List.of(a, b);
    }

    @Override
    public List<Lot> getPlanningValues() {
        return java.util.Arrays.asList(a.getLot(), b.getLot());
    }

    @Override
    public String toString() {
        return a + " <-> " + b;
    }
}
