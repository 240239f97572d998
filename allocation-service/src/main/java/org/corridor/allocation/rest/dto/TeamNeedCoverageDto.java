package org.corridor.allocation.rest.dto;

import org.corridor.allocation.service.coverage.TeamNeedCoverage;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TeamNeedCoverage", description = "How many teams approved plans assign to a team need; "
        + "uncovered = requested - assigned")
public record TeamNeedCoverageDto(
        @Schema(description = "Teams the need asks for", example = "2") long requested,
        @Schema(description = "Assigned in APPROVED (or APPROVING) plans", example = "1") long assigned,
        @Schema(description = "Still to be found", example = "1") long uncovered) {

    public static TeamNeedCoverageDto from(TeamNeedCoverage c) {
        return new TeamNeedCoverageDto(c.requested(), c.assigned(), c.uncovered());
    }
}
