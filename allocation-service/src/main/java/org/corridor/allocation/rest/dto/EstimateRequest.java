package org.corridor.allocation.rest.dto;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EstimateRequest", description = "Population and duration to estimate a site's needs for")
public record EstimateRequest(
        @Schema(description = "Site of the incident",
                example = "5b0c7c1e-6a6f-4f50-9d59-1f1c4d1e2a10") @NotNull UUID siteId,
        @Schema(description = "People to cover; default the site's affected population",
                example = "12000") @Min(1) @Max(100_000_000) Integer population,
        @Schema(description = "Number of days to cover, 1 to 365",
                example = "14") @NotNull @Min(1) @Max(365) Integer days) {
}
