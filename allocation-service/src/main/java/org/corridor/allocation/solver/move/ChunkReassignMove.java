package org.corridor.allocation.solver.move;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.corridor.allocation.solver.AllocationSolution;
import org.corridor.allocation.solver.Lot;
import org.corridor.allocation.solver.NeedChunk;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.AbstractMove;

/**
 * Gives several chunks new lots at once (null = unmet). Used for ejection chains: a chunk takes a lot and the chunk of
 * another need it displaces moves on to a lot of its own range, so stock moves to the needs that can only be served
 * from it (e.g. a Turkish site leaves a lot to a Syrian site and is served from Dubai, which the embargo closes to
 * Syria) in one step.
 */
public class ChunkReassignMove extends AbstractMove<AllocationSolution> {

    private final List<NeedChunk> chunks;
    private final List<Lot> lots;

    public ChunkReassignMove(List<NeedChunk> chunks, List<Lot> lots) {
        this.chunks = chunks;
        this.lots = lots;
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<AllocationSolution> scoreDirector) {
        for (int i = 0; i < chunks.size(); i++) {
            if (chunks.get(i).getLot() != lots.get(i)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected ChunkReassignMove createUndoMove(ScoreDirector<AllocationSolution> scoreDirector) {
        List<Lot> old = new ArrayList<>(chunks.size());
        chunks.forEach(c -> old.add(c.getLot()));
        return new ChunkReassignMove(chunks, old);
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<AllocationSolution> scoreDirector) {
        for (int i = 0; i < chunks.size(); i++) {
            NeedChunk c = chunks.get(i);
            VariableChange.lot(scoreDirector, c, lots.get(i));
        }
    }

    @Override
    public ChunkReassignMove rebase(ScoreDirector<AllocationSolution> destination) {
        return new ChunkReassignMove(rebaseList(chunks, destination), rebaseList(lots, destination));
    }

    @Override
    public List<NeedChunk> getPlanningEntities() {
        return chunks;
    }

    @Override
    public List<Lot> getPlanningValues() {
        return lots;
    }

    @Override
    public String toString() {
        return "Reassign" + chunks + " -> " + Arrays.toString(lots.toArray());
    }
}
