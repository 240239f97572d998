package org.corridor.allocation.rest.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PlanLineChanges", description = "Lines added, removed and changed (another quantity of the same lot "
        + "for the same need by the same mode) against the base plan's approved, undispatched lines")
public record LineChangesDto(
        @Schema(description = "In the re-plan only") List<LineChangeDto> added,
        @Schema(description = "In the base only: released at approval") List<LineChangeDto> removed,
        @Schema(description = "In both, with another quantity") List<LineChangeDto> changed) {
}
