package org.corridor.allocation.rest.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Instant;
import java.util.UUID;
import org.corridor.allocation.domain.TeamType;
import org.corridor.allocation.service.IncidentService.NewTeamNeed;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewTeamNeed", description = "A number of teams of one type asked for at one site")
public record TeamNeedRequest(
        @Schema(description = "Site of the incident",
                example = "5b0c7c1e-6a6f-4f50-9d59-1f1c4d1e2a10") @NotNull UUID siteId,
        @Schema(description = "Team type", example = "USAR_HEAVY") @NotNull TeamType teamType,
        @Schema(description = "How many teams, more than 0", example = "2") @NotNull @Positive @Max(1000) Integer count,
        @Schema(description = "Latest useful arrival time",
                example = "2023-02-07T12:00:00Z") @NotNull Instant neededBy) {

    public NewTeamNeed toCommand() {
        return new NewTeamNeed(siteId, teamType, count, neededBy);
    }
}
