package org.corridor.allocation.rest.dto;

import java.util.List;
import java.util.UUID;
import org.corridor.allocation.domain.PlanStatus;
import org.corridor.allocation.service.PlanAnalysisView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PlanAnalysis", description = "Score per constraint and, per unmet need, the reason in plain words")
public record PlanAnalysisDto(
        @Schema(description = "Plan id", example = "c0ffee00-1234-4abc-8def-0123456789ab") UUID planId,
        @Schema(description = "Plan status", example = "SOLVED") PlanStatus status,
        @Schema(description = "Total score", example = "0hard/-1200medium/-53420soft") String score,
        @Schema(description = "Score per constraint") List<ConstraintScoreDto> constraints,
        @Schema(description = "Unmet needs with reasons") List<UnmetDto> unmet) {

    public static PlanAnalysisDto from(PlanAnalysisView a) {
        return new PlanAnalysisDto(a.planId(), a.status(), a.score(),
                a.constraints().stream().map(ConstraintScoreDto::from).toList(),
                a.unmet().stream().map(UnmetDto::from).toList());
    }
}
