package org.corridor.allocation.solver.move;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.corridor.allocation.solver.AllocationSolution;
import org.corridor.allocation.solver.TeamOption;
import org.corridor.allocation.solver.TeamSlot;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

/**
 * Random {@link TeamExchangeMove}s: two filled slots exchange their teams (each team going to the other site, when it
 * may), or a slot takes the team of another slot, which takes a free team that may go there. Pinned slots and slots
 * without candidates are left alone.
 */
public class TeamMoveIteratorFactory implements MoveIteratorFactory<AllocationSolution, TeamExchangeMove> {

    /** Random tries for one move before giving a move that is not doable. */
    static final int MAX_ATTEMPTS = 64;

    private List<TeamSlot> movable;
    private Map<TeamSlot, Map<UUID, TeamOption>> optionsByTeam;

    @Override
    public void phaseStarted(ScoreDirector<AllocationSolution> scoreDirector) {
        movable = new ArrayList<>();
        optionsByTeam = new IdentityHashMap<>();
        for (TeamSlot s : scoreDirector.getWorkingSolution().getSlots()) {
            if (s.isPinned()) {
                continue;
            }
            movable.add(s);
            Map<UUID, TeamOption> byTeam = new HashMap<>();
            for (TeamOption o : s.getCandidates()) {
                byTeam.put(o.getTeam().getId(), o);
            }
            optionsByTeam.put(s, byTeam);
        }
    }

    @Override
    public void phaseEnded(ScoreDirector<AllocationSolution> scoreDirector) {
        movable = null;
        optionsByTeam = null;
    }

    @Override
    public long getSize(ScoreDirector<AllocationSolution> scoreDirector) {
        long n = scoreDirector.getWorkingSolution().getSlots().size();
        return n * n;
    }

    @Override
    public Iterator<TeamExchangeMove> createOriginalMoveIterator(ScoreDirector<AllocationSolution> scoreDirector) {
        throw new UnsupportedOperationException("TeamMoveIteratorFactory only supports random selection");
    }

    @Override
    public Iterator<TeamExchangeMove> createRandomMoveIterator(ScoreDirector<AllocationSolution> scoreDirector,
            Random random) {
        if (movable == null) {
            phaseStarted(scoreDirector);
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return movable.size() > 1;
            }

            @Override
            public TeamExchangeMove next() {
                for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                    TeamExchangeMove m = randomMove(random);
                    if (m != null) {
                        return m;
                    }
                }
                // no exchange found (e.g. no two filled slots whose teams may swap): a move that is not
                // doable, which OptaPlanner skips, so that the solver keeps checking its termination
                TeamSlot any = movable.get(random.nextInt(movable.size()));
                return new TeamExchangeMove(List.of(any), java.util.Collections.singletonList(any.getOption()));
            }
        };
    }

    private TeamExchangeMove randomMove(Random random) {
        TeamSlot a = movable.get(random.nextInt(movable.size()));
        TeamSlot b = movable.get(random.nextInt(movable.size()));
        if (a == b || b.getOption() == null) {
            return null;
        }
        TeamOption aTakes = optionsByTeam.get(a).get(b.getTeam().getId());
        if (aTakes == null) {
            return null;
        }
        TeamOption bTakes;
        if (a.getOption() != null && random.nextBoolean()) {
            bTakes = optionsByTeam.get(b).get(a.getTeam().getId());
        } else {
            // b takes a random candidate; if it is busy the hard level refuses it
            List<TeamOption> candidates = b.getCandidates();
            bTakes = candidates.get(random.nextInt(candidates.size()));
            if (bTakes.getTeam() == b.getTeam() || (a.getOption() != null && bTakes.getTeam() == a.getTeam())) {
                return null;
            }
        }
        if (bTakes == null) {
            return null;
        }
        return new TeamExchangeMove(List.of(a, b), List.of(aTakes, bTakes));
    }
}
