package org.corridor.benchmark;

import java.util.List;
import java.util.UUID;

/**
 * A plan as any planner outputs it: material lines (need, lot, quantity) and team assignments (team need, team).
 * Nothing else: the evaluator recomputes routes, times and costs itself.
 */
public record Plan(List<Line> lines, List<TeamAssignment> teams) {

    public record Line(UUID needId, UUID lotId, int quantity) {
    }

    public record TeamAssignment(UUID teamNeedId, UUID teamId) {
    }
}
