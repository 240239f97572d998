package org.corridor.allocation.rest.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TeamAssignmentChanges", description = "Team assignments added and removed against the base plan")
public record TeamChangesDto(
        @Schema(description = "Assigned at approval") List<TeamChangeDto> added,
        @Schema(description = "Released at approval") List<TeamChangeDto> removed) {
}
