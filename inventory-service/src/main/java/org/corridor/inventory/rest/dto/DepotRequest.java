package org.corridor.inventory.rest.dto;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.corridor.inventory.domain.DepotKind;
import org.corridor.inventory.rest.Examples;
import org.corridor.inventory.service.CatalogueService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DepotRequest", description = "A depot to register")
public record DepotRequest(
        @NotNull @Pattern(regexp = "^[A-Z0-9][A-Z0-9_-]{1,39}$",
                message = "must be 2 to 40 capital letters, digits, '-' or '_'") @Schema(
                        description = "Unique code: 2 to 40 capital letters, digits, '-' or '_'", example = "UNHRD-BRI",
                        maxLength = 40) String code,
        @NotBlank @Size(max = 200) @Schema(description = "Name", example = "UNHRD Brindisi",
                maxLength = 200) String name,
        @NotNull @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 3166-1 alpha-3 code in capitals") @Schema(
                description = "ISO 3166-1 alpha-3 code of its country", example = "ITA") String countryCode,
        @NotNull @DecimalMin("-90") @DecimalMax("90") @Schema(description = "Latitude, -90 to 90",
                example = "40.6327") Double latitude,
        @NotNull @DecimalMin("-180") @DecimalMax("180") @Schema(description = "Longitude, -180 to 180",
                example = "17.9418") Double longitude,
        @NotNull @Schema(description = "Organisation that runs it",
                example = Examples.ORGANISATION_ID) UUID organisationId,
        @NotNull @Schema(description = "Kind of depot", example = "UN_HUB") DepotKind kind,
        @Schema(description = "The depot has a port ships can load at, so allocation-service may plan SEA "
                + "shipments from it to sites with a port. Absent means no port (in a landlocked country there "
                + "never is one). True is refused (422) in a country the coastline data (world-countries) says "
                + "is landlocked", example = "true") Boolean seaport) {

    public CatalogueService.NewDepot toCommand() {
        return new CatalogueService.NewDepot(code, name.trim(), countryCode, latitude, longitude, organisationId,
                kind, Boolean.TRUE.equals(seaport));
    }
}
