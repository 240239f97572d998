package org.corridor.allocation.rest.dto;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.corridor.allocation.domain.TransportMode;
import org.corridor.allocation.service.RouteOverrideService.NewRouteOverride;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewRouteOverride",
        description = "An officer's lead time and/or cost for one route and mode, replacing the transport model's")
public record RouteOverrideRequest(
        @Schema(description = "Origin country (the depot's)", example = "ARE") @NotNull @Pattern(
                regexp = IncidentRequest.ISO3, message = IncidentRequest.ISO3_MESSAGE) String originCountryCode,
        @Schema(description = "Destination country (the site's)", example = "TUR") @NotNull @Pattern(
                regexp = IncidentRequest.ISO3, message = IncidentRequest.ISO3_MESSAGE) String destinationCountryCode,
        @Schema(description = "ROAD, AIR or SEA", example = "AIR") @NotNull TransportMode mode,
        @Schema(description = "Door-to-door lead time, ISO-8601 duration, more than 0", type = SchemaType.STRING,
                format = "duration", example = "PT36H") Duration leadTime,
        @Schema(description = "Cost per vehicle-km in units of account, more than 0 and at most 1,000 (50 times the "
                + "aircraft default): a larger one would overflow the plan's transport cost", example = "15.5",
                maximum = "1000") @Positive @DecimalMax(value = "1000",
                        message = "must be at most 1000 units of account per vehicle-km") Double costPerVehicleKm,
        @Schema(description = "Why the override exists",
                example = "Charter agreement with the national carrier") @Size(max = 500) String note) {

    public NewRouteOverride toCommand() {
        return new NewRouteOverride(originCountryCode, destinationCountryCode, mode, leadTime, costPerVehicleKm, note);
    }
}
