package org.corridor.inventory.rest.dto;

import org.corridor.inventory.service.CountryView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Country", description = "A country with its centroid")
public record CountryDto(
        @Schema(description = "ISO 3166-1 alpha-3 code", example = "TUR") String code,
        @Schema(description = "ISO 3166-1 short name", example = "Türkiye") String name,
        @Schema(description = "UN M49 region: Africa, Americas, Asia, Europe or Oceania (Antarctica for ATA)",
                example = "Asia") String region,
        @Schema(description = "Centroid latitude", example = "39.0") double latitude,
        @Schema(description = "Centroid longitude", example = "35.0") double longitude) {

    public static CountryDto from(CountryView c) {
        return new CountryDto(c.code(), c.name(), c.region(), c.latitude(), c.longitude());
    }
}
