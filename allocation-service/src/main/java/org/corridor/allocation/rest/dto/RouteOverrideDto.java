package org.corridor.allocation.rest.dto;

import java.time.Duration;
import java.util.UUID;
import org.corridor.allocation.domain.TransportMode;
import org.corridor.allocation.service.RouteOverrideView;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RouteOverride", description = "An override of the transport model for one route and mode")
public record RouteOverrideDto(
        @Schema(description = "Override id", example = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d") UUID id,
        @Schema(description = "Origin country", example = "ARE") String originCountryCode,
        @Schema(description = "Destination country", example = "TUR") String destinationCountryCode,
        @Schema(description = "ROAD, AIR or SEA", example = "AIR") TransportMode mode,
        @Schema(description = "Lead time replacing the model's, ISO-8601 duration", type = SchemaType.STRING,
                format = "duration", example = "PT36H") Duration leadTime,
        @Schema(description = "Cost per vehicle-km replacing the model's", example = "15.5") Double costPerVehicleKm,
        @Schema(description = "Why the override exists",
                example = "Charter agreement with the national carrier") String note) {

    public static RouteOverrideDto from(RouteOverrideView r) {
        return new RouteOverrideDto(r.id(), r.originCountryCode(), r.destinationCountryCode(), r.mode(),
                r.leadTime(), r.costPerVehicleKm(), r.note());
    }
}
