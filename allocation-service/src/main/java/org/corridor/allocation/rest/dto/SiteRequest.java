package org.corridor.allocation.rest.dto;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.corridor.allocation.service.IncidentService.NewSite;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewSite", description = "An affected site of a new incident")
public record SiteRequest(
        @Schema(description = "Name of the site",
                example = "Kahramanmaras city centre") @NotBlank @Size(max = 200) String name,
        @Schema(description = "Latitude in degrees",
                example = "37.58") @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @Schema(description = "Longitude in degrees",
                example = "36.94") @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @Schema(description = "Number of people affected at the site",
                example = "12000") @NotNull @Min(0) @Max(100_000_000) Integer affectedPopulation,
        @Schema(description = "Country the site lies in (ISO 3166-1 alpha-3), when it is not the incident's: "
                + "a response across a border. Default: the incident's country. Must be known to inventory-service",
                example = "SYR") @Pattern(regexp = IncidentRequest.ISO3,
                        message = IncidentRequest.ISO3_MESSAGE) String countryCode,
        @Schema(description = "The site has a port ships can unload at, so materials may come by SEA from depots "
                + "with a port. Absent means no port. True is refused (422) in a country the coastline data "
                + "(world-countries) says is landlocked", example = "false") Boolean seaport) {

    public NewSite toCommand() {
        return new NewSite(name, latitude, longitude, affectedPopulation, countryCode, seaport);
    }
}
