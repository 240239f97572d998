package org.corridor.allocation.solver;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.entity.PlanningPin;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.domain.variable.PlanningVariable;

/** Planning entity: one of the {@code count} places of a team need; {@code null} option = unfilled. */
@PlanningEntity(difficultyComparatorClass = TeamSlotDifficultyComparator.class)
public class TeamSlot {

    @PlanningId
    private Long id;
    private TeamNeedFact teamNeed;
    private int index;
    private Instant planFrom;
    private List<TeamOption> candidates;
    @PlanningPin
    private boolean pinned;

    @PlanningVariable(valueRangeProviderRefs = "teamOptionRange", nullable = true)
    private TeamOption option;

    public TeamSlot() {
    }

    public TeamSlot(long id, TeamNeedFact teamNeed, int index, Instant planFrom, List<TeamOption> candidates) {
        this(id, teamNeed, index, planFrom, candidates, null);
    }

    public TeamSlot(long id, TeamNeedFact teamNeed, int index, Instant planFrom, List<TeamOption> candidates,
            TeamOption option) {
        this(id, teamNeed, index, planFrom, candidates, option, false);
    }

    /**
     * @param pinned no move ever changes this slot (a pinned base assignment of a re-plan); a slot without candidates
     *     is pinned anyway
     */
    public TeamSlot(long id, TeamNeedFact teamNeed, int index, Instant planFrom, List<TeamOption> candidates,
            TeamOption option, boolean pinned) {
        this.id = id;
        this.teamNeed = teamNeed;
        this.index = index;
        this.planFrom = planFrom;
        this.candidates = candidates;
        this.option = option;
        this.pinned = pinned || candidates.isEmpty();
    }

    /** A copy with the same variable (for {@link AllocationSolutionCloner}). */
    TeamSlot copy() {
        TeamSlot s = new TeamSlot();
        s.id = id;
        s.teamNeed = teamNeed;
        s.index = index;
        s.planFrom = planFrom;
        s.candidates = candidates;
        s.pinned = pinned;
        s.option = option;
        return s;
    }

    @ValueRangeProvider(id = "teamOptionRange")
    public List<TeamOption> getCandidates() {
        return candidates;
    }

    /** Basis points of all slots of this team type in the problem (see {@link NeedChunk#normalise}). */
    public long getNormalisedUnits() {
        return NeedChunk.normalise(1, teamNeed.getTypeDemand());
    }

    public Team getTeam() {
        return option == null ? null : option.getTeam();
    }

    /** Hours from plan start to arrival on site. */
    public long getHoursToArrival() {
        return option == null ? 0 : option.hoursToArrival(planFrom);
    }

    /** Whole hours after needed-by (0 when on time or no deadline). */
    public long getHoursLate() {
        if (option == null || teamNeed.getNeededBy() == null) {
            return 0;
        }
        long minutes = Duration.between(teamNeed.getNeededBy(), option.getArrivesAt()).toMinutes();
        return minutes <= 0 ? 0 : (minutes + 59) / 60;
    }

    public Long getId() {
        return id;
    }
    public TeamNeedFact getTeamNeed() {
        return teamNeed;
    }
    public int getIndex() {
        return index;
    }
    public Instant getPlanFrom() {
        return planFrom;
    }
    public boolean isPinned() {
        return pinned;
    }
    public TeamOption getOption() {
        return option;
    }

    public void setOption(TeamOption option) {
        this.option = option;
    }

    @Override
    public String toString() {
        return "Slot[" + teamNeed + " #" + index + " <- " + option + "]";
    }
}
