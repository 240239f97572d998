package org.corridor.allocation.rest.dto;

import java.util.UUID;
import org.corridor.allocation.service.PlanView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PlanUnmet",
        description = "What a plan could not meet and why; exactly one of needId and teamNeedId is set")
public record UnmetDto(
        @Schema(description = "Material need not (fully) met",
                example = "7f3b2a10-1c2d-4e5f-8a9b-0c1d2e3f4a5b") UUID needId,
        @Schema(description = "Team need not (fully) met",
                example = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d") UUID teamNeedId,
        @Schema(description = "Quantity (or team slots) not met", example = "320") int quantity,
        @Schema(description = "Why, in plain words",
                example = "320 of 500 family tents unmet: the only stock in range is blocked by an embargo") String reason) {

    public static UnmetDto from(PlanView.Unmet u) {
        return new UnmetDto(u.needId(), u.teamNeedId(), u.quantity(), u.reason());
    }
}
