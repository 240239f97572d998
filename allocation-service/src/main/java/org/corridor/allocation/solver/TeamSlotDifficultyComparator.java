package org.corridor.allocation.solver;

import java.util.Comparator;

/** Construction order: USAR slots first (first 72 h), then slots with fewer candidate teams. */
public class TeamSlotDifficultyComparator implements Comparator<TeamSlot> {

    private static final Comparator<TeamSlot> ORDER = Comparator
            .comparing((TeamSlot s) -> s.getTeamNeed().isUsar())
            .thenComparingInt(s -> -s.getCandidates().size())
            .thenComparing(TeamSlot::getId, Comparator.reverseOrder());

    @Override
    public int compare(TeamSlot a, TeamSlot b) {
        return ORDER.compare(a, b);
    }
}
