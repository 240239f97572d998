package org.corridor.allocation.solver.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a solved (or partly solved) plan says, extracted from the planning solution.
 *
 * @param score the OptaPlanner score as text, e.g. {@code 0hard/-1200medium/-53420soft}
 * @param feasible true when the hard score is 0
 */
public record PlanOutcome(String score, boolean feasible, long hardScore, long mediumScore, long softScore,
        List<Line> lines, List<TeamAssignment> teamAssignments, List<Unmet> unmet) {

    /** Quantity of one lot sent to one need, by one mode. */
    public record Line(UUID needId, UUID siteId, String itemCode, UUID lotId, UUID depotId, String originCountryCode,
            int quantity, TransportMode mode, Instant departsAt, Instant arrivesAt) {
    }

    /** One team sent to one team need. */
    public record TeamAssignment(UUID teamNeedId, UUID teamId, Instant arrivesAt) {
    }

    /** What could not be met and why, in plain words. Exactly one of needId / teamNeedId is set. */
    public record Unmet(UUID needId, UUID teamNeedId, int quantity, String reason) {
    }
}
