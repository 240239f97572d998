package org.corridor.allocation.rest.dto;

import java.util.UUID;
import org.corridor.allocation.service.replan.PlanChanges;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TeamAssignmentChange", description = "One team for one team need")
public record TeamChangeDto(
        @Schema(description = "Team need", example = "2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d") UUID teamNeedId,
        @Schema(description = "Team (inventory-service)",
                example = "3b4c5d6e-7f8a-4b9c-8d1e-2f3a4b5c6d7e") UUID teamId) {

    public static TeamChangeDto from(PlanChanges.TeamChange c) {
        return new TeamChangeDto(c.teamNeedId(), c.teamId());
    }
}
