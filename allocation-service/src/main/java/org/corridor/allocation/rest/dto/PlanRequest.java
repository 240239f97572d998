package org.corridor.allocation.rest.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corridor.allocation.service.ConstraintCatalogue.ValidWeights;
import org.corridor.allocation.service.PlanService.NewPlan;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewPlan", description = "Plan the needs of one or several incidents")
public record PlanRequest(
        @Schema(description = "Incidents to plan together, at least one") @NotEmpty @Size(
                max = 50) List<@NotNull UUID> incidentIds,
        @Schema(description = "Departures, arrivals and expiry are computed from this time; default now",
                example = "2023-02-06T06:00:00Z") Instant planFrom,
        @Schema(description = "Solving time limits; default from configuration") @Valid TerminationRequest termination,
        @Schema(description = "Constraint name (GET /api/v1/constraints) to weight, overriding the configured "
                + "defaults. A HARD constraint's weight is 1 to 1,000,000 (it cannot be switched off); a MEDIUM or "
                + "SOFT one's is 0 (off) to 1,000,000. The bound keeps every score exact.",
                example = "{\"Transport cost\": 2}") @ValidWeights Map<String, @NotNull Long> weights,
        @Schema(description = "Re-plan this APPROVED plan of the same incidents: its lines already dispatched (or "
                + "later) are facts that never change; its approved, undispatched lines stay as they are unless "
                + "releaseUndispatched is true; the new plan also covers what is uncovered now (new needs, lost, "
                + "cancelled and rejected units, lines a new rule or an expiry forbids). Approving the re-plan "
                + "applies only the difference and makes the base SUPERSEDED",
                example = "3f2b8c1d-9a7e-4b6c-8d5f-1e2a3b4c5d6e") UUID basePlanId,
        @Schema(description = "With basePlanId: let the solver change the base's approved, undispatched lines too. "
                + "Each unit moved off its lot costs (the \"Plan stability\" weight), so only a real gain changes a "
                + "truck. Default false", example = "false") Boolean releaseUndispatched) {

    public NewPlan toCommand() {
        return new NewPlan(incidentIds, planFrom, termination == null ? null : termination.spentLimit(),
                termination == null ? null : termination.unimprovedSpentLimit(), weights, basePlanId,
                Boolean.TRUE.equals(releaseUndispatched));
    }
}
