package org.corridor.allocation.rest.dto;

import java.util.UUID;
import org.corridor.allocation.service.SiteView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Site", description = "An affected site")
public record SiteDto(
        @Schema(description = "Site id", example = "5b0c7c1e-6a6f-4f50-9d59-1f1c4d1e2a10") UUID id,
        @Schema(description = "Name", example = "Kahramanmaras city centre") String name,
        @Schema(description = "Country the site lies in (ISO 3166-1 alpha-3); the incident's unless the site lies "
                + "across a border", example = "TUR") String countryCode,
        @Schema(description = "Latitude in degrees", example = "37.58") double latitude,
        @Schema(description = "Longitude in degrees", example = "36.94") double longitude,
        @Schema(description = "People affected", example = "12000") int affectedPopulation,
        @Schema(description = "The site has a port ships can unload at (SEA deliveries possible)",
                example = "false") boolean seaport) {

    public static SiteDto from(SiteView s) {
        return new SiteDto(s.id(), s.name(), s.countryCode(), s.latitude(), s.longitude(), s.affectedPopulation(),
                s.seaport());
    }
}
