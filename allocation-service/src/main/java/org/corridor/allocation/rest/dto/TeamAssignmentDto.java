package org.corridor.allocation.rest.dto;

import java.time.Instant;
import java.util.UUID;
import org.corridor.allocation.service.PlanView;
import org.corridor.allocation.service.approval.PlanApproval;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PlanTeamAssignment", description = "One team sent to one team need")
public record TeamAssignmentDto(
        @Schema(description = "Team need served", example = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d") UUID teamNeedId,
        @Schema(description = "Team (inventory-service id)",
                example = "4b3a2918-7f6e-4d5c-8b4a-3f2e1d0c9b8a") UUID teamId,
        @Schema(description = "Estimated arrival", example = "2023-02-06T20:00:00Z") Instant arrivesAt) {

    public static TeamAssignmentDto from(PlanView.TeamAssignment a) {
        return new TeamAssignmentDto(a.teamNeedId(), a.teamId(), a.arrivesAt());
    }

    public static TeamAssignmentDto from(PlanApproval.TeamAssignment a) {
        return new TeamAssignmentDto(a.teamNeedId(), a.teamId(), a.arrivesAt());
    }
}
