package org.corridor.benchmark;

import java.util.List;
import java.util.UUID;
import org.corridor.allocation.solver.api.TransportMode;

/**
 * A plan as any planner outputs it: material lines (need, lot, quantity, transport mode) and team assignments (team
 * need, team). Nothing else: the evaluator recomputes routes, times and costs itself.
 */
public record Plan(List<Line> lines, List<TeamAssignment> teams) {

    public record Line(UUID needId, UUID lotId, int quantity, TransportMode mode) {
    }

    public record TeamAssignment(UUID teamNeedId, UUID teamId) {
    }
}
