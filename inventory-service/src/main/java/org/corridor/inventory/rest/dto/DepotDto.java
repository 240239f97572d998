package org.corridor.inventory.rest.dto;

import java.time.Instant;
import java.util.UUID;
import org.corridor.inventory.domain.DepotKind;
import org.corridor.inventory.rest.Examples;
import org.corridor.inventory.service.DepotView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Depot", description = "A registered depot")
public record DepotDto(
        @Schema(description = "Id", example = Examples.DEPOT_ID) UUID id,
        @Schema(description = "Unique code", example = "UNHRD-BRI") String code,
        @Schema(description = "Name", example = "UNHRD Brindisi") String name,
        @Schema(description = "ISO 3166-1 alpha-3 code of its country", example = "ITA") String countryCode,
        @Schema(description = "Latitude", example = "40.6327") double latitude,
        @Schema(description = "Longitude", example = "17.9418") double longitude,
        @Schema(description = "Organisation that runs it", example = Examples.ORGANISATION_ID) UUID organisationId,
        @Schema(description = "Kind of depot", example = "UN_HUB") DepotKind kind,
        @Schema(description = "When it was registered", example = Examples.INSTANT) Instant createdAt,
        @Schema(description = "The depot has a port ships can load at (SEA shipments possible)",
                example = "true") boolean seaport) {

    public static DepotDto from(DepotView d) {
        return new DepotDto(d.id(), d.code(), d.name(), d.countryCode(), d.latitude(), d.longitude(),
                d.organisationId(), d.kind(), d.createdAt(), d.seaport());
    }
}
