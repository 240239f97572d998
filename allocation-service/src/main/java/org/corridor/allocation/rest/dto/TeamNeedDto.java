package org.corridor.allocation.rest.dto;

import java.time.Instant;
import java.util.UUID;
import org.corridor.allocation.domain.TeamType;
import org.corridor.allocation.service.TeamNeedView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TeamNeed", description = "A need for teams at a site")
public record TeamNeedDto(
        @Schema(description = "Team need id", example = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d") UUID id,
        @Schema(description = "Incident id", example = "0b6f1f8e-3c1a-4d0e-8a43-5c6c0d3c9e11") UUID incidentId,
        @Schema(description = "Site id", example = "5b0c7c1e-6a6f-4f50-9d59-1f1c4d1e2a10") UUID siteId,
        @Schema(description = "Team type", example = "USAR_HEAVY") TeamType teamType,
        @Schema(description = "How many teams", example = "2") int count,
        @Schema(description = "Latest useful arrival time", example = "2023-02-07T12:00:00Z") Instant neededBy,
        @Schema(description = "How many teams approved plans assign (read-only)") TeamNeedCoverageDto coverage) {

    public static TeamNeedDto from(TeamNeedView t) {
        return new TeamNeedDto(t.id(), t.incidentId(), t.siteId(), t.teamType(), t.count(), t.neededBy(),
                TeamNeedCoverageDto.from(t.coverage()));
    }
}
