package org.corridor.allocation.rest.dto;

import org.corridor.allocation.service.PlanAnalysisView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ConstraintScore", description = "One constraint's contribution to the score")
public record ConstraintScoreDto(
        @Schema(description = "Constraint name", example = "unmet need") String name,
        @Schema(description = "Score level: HARD, MEDIUM or SOFT", example = "MEDIUM") String level,
        @Schema(description = "Contribution as a score", example = "0hard/-320medium/0soft") String score,
        @Schema(description = "How many times the constraint matched", example = "1") int matchCount) {

    public static ConstraintScoreDto from(PlanAnalysisView.ConstraintScore c) {
        return new ConstraintScoreDto(c.name(), c.level(), c.score(), c.matchCount());
    }
}
