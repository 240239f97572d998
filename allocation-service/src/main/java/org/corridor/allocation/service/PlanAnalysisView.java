package org.corridor.allocation.service;

import java.util.List;
import java.util.UUID;
import org.corridor.allocation.domain.PlanStatus;

/** A plan's score per constraint and, for every unmet need, the reason in plain words. */
public record PlanAnalysisView(UUID planId, PlanStatus status, String score, List<ConstraintScore> constraints,
        List<PlanView.Unmet> unmet) {

    /** One constraint's contribution to the score and how many times it matched. */
    public record ConstraintScore(String name, String level, String score, int matchCount) {
    }
}
