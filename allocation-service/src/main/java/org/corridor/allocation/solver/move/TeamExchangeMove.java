package org.corridor.allocation.solver.move;

import java.util.ArrayList;
import java.util.List;
import org.corridor.allocation.solver.AllocationSolution;
import org.corridor.allocation.solver.TeamOption;
import org.corridor.allocation.solver.TeamSlot;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.AbstractMove;

/**
 * Team slots take new options at once: two slots at different sites exchange their teams, each team taking its option
 * (journey) to its new site, or a slot takes a team from another slot that takes a free team instead. A generic change
 * move cannot do either without double-booking a team in between, and a generic swap cannot move an option to another
 * site's slot.
 */
public class TeamExchangeMove extends AbstractMove<AllocationSolution> {

    private final List<TeamSlot> slots;
    private final List<TeamOption> options;

    public TeamExchangeMove(List<TeamSlot> slots, List<TeamOption> options) {
        this.slots = slots;
        this.options = options;
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<AllocationSolution> scoreDirector) {
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).getOption() != options.get(i)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected TeamExchangeMove createUndoMove(ScoreDirector<AllocationSolution> scoreDirector) {
        List<TeamOption> old = new ArrayList<>(slots.size());
        for (TeamSlot s : slots) {
            old.add(s.getOption());
        }
        return new TeamExchangeMove(slots, old);
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<AllocationSolution> scoreDirector) {
        for (int i = 0; i < slots.size(); i++) {
            TeamSlot s = slots.get(i);
            if (s.getOption() != options.get(i)) {
                VariableChange.option(scoreDirector, s, options.get(i));
            }
        }
    }

    @Override
    public TeamExchangeMove rebase(ScoreDirector<AllocationSolution> destination) {
        return new TeamExchangeMove(rebaseList(slots, destination), rebaseList(options, destination));
    }

    @Override
    public List<TeamSlot> getPlanningEntities() {
        return slots;
    }

    @Override
    public List<TeamOption> getPlanningValues() {
        return options;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("TeamExchange[");
        for (int i = 0; i < slots.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(slots.get(i).getId()).append(": ").append(slots.get(i).getOption())
                    .append(" -> ").append(options.get(i));
        }
        return b.append(']').toString();
    }
}
