package org.corridor.allocation.rest.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corridor.allocation.service.PlanService.NewPlan;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewPlan", description = "Plan the needs of one or several incidents")
public record PlanRequest(
        @Schema(description = "Incidents to plan together, at least one") @NotEmpty @Size(
                max = 50) List<@NotNull UUID> incidentIds,
        @Schema(description = "Departures, arrivals and expiry are computed from this time; default now",
                example = "2023-02-06T06:00:00Z") Instant planFrom,
        @Schema(description = "Solving time limits; default from configuration") @Valid TerminationRequest termination,
        @Schema(description = "Constraint name to weight (0 or more), overriding the configured defaults",
                example = "{\"Transport cost\": 2}") Map<String, @NotNull @PositiveOrZero Long> weights) {

    public NewPlan toCommand() {
        return new NewPlan(incidentIds, planFrom, termination == null ? null : termination.spentLimit(),
                termination == null ? null : termination.unimprovedSpentLimit(), weights);
    }
}
