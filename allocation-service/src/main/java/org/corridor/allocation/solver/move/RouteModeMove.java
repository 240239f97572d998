package org.corridor.allocation.solver.move;

import java.util.ArrayList;
import java.util.List;
import org.corridor.allocation.solver.AllocationSolution;
import org.corridor.allocation.solver.NeedChunk;
import org.corridor.allocation.solver.api.TransportMode;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.AbstractMove;

/**
 * Gives several plan lines new transport modes at once: built by {@link RouteModeMoves} for every line of one (depot,
 * site) route, so that their loads leave that route's vehicles together and fill the vehicles of another mode. Vehicles
 * are paid whole per (depot, site, mode), so changing the mode of one line of a shared route alone mostly adds a
 * vehicle on the new mode while the old one still runs: a step the acceptor refuses although moving them all pays.
 */
public class RouteModeMove extends AbstractMove<AllocationSolution> {

    private final List<NeedChunk> lines;
    private final List<TransportMode> modes;

    /** @param modes the new mode of each line, in the order of {@code lines} (null = the need's default) */
    public RouteModeMove(List<NeedChunk> lines, List<TransportMode> modes) {
        this.lines = lines;
        this.modes = modes;
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<AllocationSolution> scoreDirector) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).getMode() != modes.get(i)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected RouteModeMove createUndoMove(ScoreDirector<AllocationSolution> scoreDirector) {
        List<TransportMode> old = new ArrayList<>(lines.size());
        for (NeedChunk c : lines) {
            old.add(c.getMode());
        }
        return new RouteModeMove(lines, old);
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<AllocationSolution> scoreDirector) {
        for (int i = 0; i < lines.size(); i++) {
            NeedChunk c = lines.get(i);
            if (c.getMode() != modes.get(i)) {
                VariableChange.mode(scoreDirector, c, modes.get(i));
            }
        }
    }

    @Override
    public RouteModeMove rebase(ScoreDirector<AllocationSolution> destination) {
        return new RouteModeMove(rebaseList(lines, destination), modes);
    }

    @Override
    public List<NeedChunk> getPlanningEntities() {
        return lines;
    }

    @Override
    public List<TransportMode> getPlanningValues() {
        return modes;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Modes[");
        for (int i = 0; i < lines.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(lines.get(i).getId()).append(": ").append(lines.get(i).getMode())
                    .append(" -> ").append(modes.get(i));
        }
        return b.append(']').toString();
    }
}
