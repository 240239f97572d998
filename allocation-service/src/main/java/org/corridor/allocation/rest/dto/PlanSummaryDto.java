package org.corridor.allocation.rest.dto;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.corridor.allocation.domain.PlanStatus;
import org.corridor.allocation.service.PlanSummary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PlanSummary", description = "A plan in a list, without its lines")
public record PlanSummaryDto(
        @Schema(description = "Plan id", example = "c0ffee00-1234-4abc-8def-0123456789ab") UUID id,
        @Schema(description = "Status", example = "SOLVED") PlanStatus status,
        @Schema(description = "Incidents planned") List<UUID> incidentIds,
        @Schema(description = "Time departures are computed from", example = "2023-02-06T06:00:00Z") Instant planFrom,
        @Schema(description = "Score", example = "0hard/-1200medium/-53420soft") String score,
        @Schema(description = "True when no hard constraint is broken", example = "true") Boolean feasible,
        @Schema(description = "Why the plan FAILED or was CANCELLED",
                example = "the best plan found breaks a hard constraint (score -1hard/0medium/0soft)") String failureReason,
        @Schema(description = "When the plan was asked for", example = "2023-02-06T06:00:02Z") Instant createdAt,
        @Schema(description = "When solving ended", example = "2023-02-06T06:00:32Z") Instant finishedAt) {

    public static PlanSummaryDto from(PlanSummary p) {
        return new PlanSummaryDto(p.id(), p.status(), p.incidentIds(), p.planFrom(), p.score(), p.feasible(),
                p.failureReason(), p.createdAt(), p.finishedAt());
    }
}
