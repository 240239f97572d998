package org.corridor.inventory.rest.dto;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.corridor.inventory.domain.TeamStatus;
import org.corridor.inventory.domain.TeamType;
import org.corridor.inventory.rest.Examples;
import org.corridor.inventory.service.TeamService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TeamRequest", description = "A team to register")
public record TeamRequest(
        @NotBlank @Size(max = 200) @Schema(description = "Name", example = "USAR Italy Heavy Team",
                maxLength = 200) String name,
        @NotNull @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 3166-1 alpha-3 code in capitals") @Schema(
                description = "ISO 3166-1 alpha-3 code of its home country", example = "ITA") String countryCode,
        @NotNull @Schema(description = "Organisation fielding it",
                example = Examples.ORGANISATION_ID) UUID organisationId,
        @NotNull @Schema(description = "INSARAG class, WHO EMT type, or support team type",
                example = "USAR_HEAVY") TeamType type,
        @NotNull @Min(1) @Max(10_000) @Schema(
                description = "Number of members, 1 to 10,000 (INSARAG minimum: light 17, medium 40, heavy 59)",
                example = "59") Integer members,
        @NotNull @DecimalMin("-90") @DecimalMax("90") @Schema(description = "Latitude of its base, -90 to 90",
                example = "41.8") Double baseLatitude,
        @NotNull @DecimalMin("-180") @DecimalMax("180") @Schema(description = "Longitude of its base, -180 to 180",
                example = "12.25") Double baseLongitude,
        @NotNull @Min(0) @Max(720) @Schema(
                description = "Hours from request to departure, 0 to 720 (INSARAG: about 10)",
                example = "10") Integer mobilisationHours,
        @NotNull @Min(0) @Max(365) @Schema(
                description = "Days it can work without resupply, 0 to 365 (WHO EMT: 14 to 42)",
                example = "10") Integer selfSufficiencyDays,
        @Schema(description = "Initial status: AVAILABLE (default), DEPLOYED or STOOD_DOWN; ASSIGNED only through an "
                + "assignment", example = "AVAILABLE") TeamStatus status) {

    public TeamService.NewTeam toCommand() {
        return new TeamService.NewTeam(name.trim(), countryCode, organisationId, type, members, baseLatitude,
                baseLongitude, mobilisationHours, selfSufficiencyDays, status);
    }
}
