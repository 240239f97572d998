package org.corridor.allocation.solver.api;

import java.util.List;

/** Score per constraint and, for every unmet need, the reason in plain words. */
public record PlanAnalysis(String score, List<ConstraintScore> constraints, List<PlanOutcome.Unmet> unmet) {

    /** One constraint's total contribution and how many times it matched. */
    public record ConstraintScore(String name, String level, String score, int matchCount) {
    }
}
