package org.corridor.allocation.rest.dto;

import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Termination", description = "When to stop solving; each limit is capped by the server's maximum")
public record TerminationRequest(
        @Schema(description = "Total solving time, ISO-8601 duration", type = SchemaType.STRING, format = "duration",
                example = "PT30S") Duration spentLimit,
        @Schema(description = "Stop when the best score has not improved for this long, ISO-8601 duration",
                type = SchemaType.STRING, format = "duration", example = "PT10S") Duration unimprovedSpentLimit) {
}
