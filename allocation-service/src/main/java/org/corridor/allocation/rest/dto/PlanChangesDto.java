package org.corridor.allocation.rest.dto;

import java.util.UUID;
import org.corridor.allocation.service.replan.PlanChanges;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PlanChanges", description = "What a re-plan changes against its base plan, for an officer to read "
        + "before approving; approving applies exactly this difference. For a plan without a base, everything is "
        + "added")
public record PlanChangesDto(
        @Schema(description = "The re-plan", example = "4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e7f") UUID planId,
        @Schema(description = "Its base plan (null for a plan from scratch)",
                example = "3f2b8c1d-9a7e-4b6c-8d5f-1e2a3b4c5d6e") UUID basePlanId,
        @Schema(description = "Line changes") LineChangesDto lines,
        @Schema(description = "Team assignment changes") TeamChangesDto teamAssignments) {

    public static PlanChangesDto from(PlanChanges c) {
        return new PlanChangesDto(c.planId(), c.basePlanId(),
                new LineChangesDto(c.added().stream().map(LineChangeDto::from).toList(),
                        c.removed().stream().map(LineChangeDto::from).toList(),
                        c.changed().stream().map(LineChangeDto::from).toList()),
                new TeamChangesDto(c.teamsAdded().stream().map(TeamChangeDto::from).toList(),
                        c.teamsRemoved().stream().map(TeamChangeDto::from).toList()));
    }
}
