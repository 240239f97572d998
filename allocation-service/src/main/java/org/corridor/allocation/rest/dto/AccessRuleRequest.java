package org.corridor.allocation.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import org.corridor.allocation.domain.AccessRuleKind;
import org.corridor.allocation.domain.AppliesTo;
import org.corridor.allocation.domain.TransportMode;
import org.corridor.allocation.service.AccessRuleService.NewAccessRule;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewAccessRule",
        description = "An embargo or closed border from an origin country to a destination country")
public record AccessRuleRequest(
        @Schema(description = "Country the materials or teams would leave, ISO 3166-1 alpha-3",
                example = "USA") @NotNull @Pattern(regexp = IncidentRequest.ISO3,
                        message = IncidentRequest.ISO3_MESSAGE) String originCountryCode,
        @Schema(description = "Country they would enter, ISO 3166-1 alpha-3", example = "SYR") @NotNull @Pattern(
                regexp = IncidentRequest.ISO3, message = IncidentRequest.ISO3_MESSAGE) String destinationCountryCode,
        @Schema(description = "EMBARGO or BORDER_CLOSED", example = "EMBARGO") @NotNull AccessRuleKind kind,
        @Schema(description = "What the rule blocks: MATERIALS, TEAMS or ALL",
                example = "MATERIALS") @NotNull AppliesTo appliesTo,
        @Schema(description = "Why, in words",
                example = "Sanctions regime in force") @NotBlank @Size(max = 500) String reason,
        @Schema(description = "In force from", example = "2011-05-18T00:00:00Z") @NotNull Instant validFrom,
        @Schema(description = "In force until (exclusive); absent means open-ended; must be after validFrom",
                example = "2030-01-01T00:00:00Z") Instant validUntil,
        @Schema(description = "Transport modes the rule stops (ROAD, AIR, SEA): a closed land border is [\"ROAD\"] "
                + "and lets aircraft and ships through. Absent or empty means every mode. The rule stops a "
                + "movement by one of these modes when it is in force at any moment between departure and arrival",
                example = "[\"ROAD\"]") @Size(max = 3) Set<@NotNull TransportMode> modes) {

    public NewAccessRule toCommand() {
        return new NewAccessRule(originCountryCode, destinationCountryCode, kind, appliesTo, reason, validFrom,
                validUntil, modes);
    }
}
