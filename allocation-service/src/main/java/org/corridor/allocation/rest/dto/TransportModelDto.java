package org.corridor.allocation.rest.dto;

import java.time.Duration;
import org.corridor.allocation.service.TransportModelView;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TransportModel", description = "The transport model in force (configuration corridor.transport.*)")
public record TransportModelDto(
        @Schema(description = "Road is used up to this great-circle distance, between places joined by land",
                example = "1500") double maxRoadKm,
        @Schema(description = "Average road speed", example = "50") double roadSpeedKmh,
        @Schema(description = "Handling time added to road legs", type = SchemaType.STRING, format = "duration",
                example = "PT12H") Duration roadHandling,
        @Schema(description = "Average air speed", example = "700") double airSpeedKmh,
        @Schema(description = "Handling time added to air legs (customs, loading, last mile)", type = SchemaType.STRING,
                format = "duration", example = "PT24H") Duration airHandling,
        @Schema(description = "Truck capacity in kg", example = "20000") double truckCapacityKg,
        @Schema(description = "Truck capacity in m3", example = "80") double truckCapacityM3,
        @Schema(description = "Cargo aircraft capacity in kg", example = "40000") double aircraftCapacityKg,
        @Schema(description = "Cargo aircraft capacity in m3", example = "300") double aircraftCapacityM3,
        @Schema(description = "Cost per truck-km, units of account", example = "2") double truckCostPerKm,
        @Schema(description = "Cost per aircraft-km, units of account", example = "20") double aircraftCostPerKm,
        @Schema(description = "Average ship speed (about 14.5 knots), between ports of coastal countries",
                example = "27") double seaSpeedKmh,
        @Schema(description = "Port handling added to sea legs (loading and unloading)", type = SchemaType.STRING,
                format = "duration", example = "PT60H") Duration seaHandling,
        @Schema(description = "Sea distance = great-circle distance times this factor (coasts, straits)",
                example = "1.3") double seaDetourFactor,
        @Schema(description = "Ship capacity in kg", example = "5000000") double shipCapacityKg,
        @Schema(description = "Ship capacity in m3", example = "15000") double shipCapacityM3,
        @Schema(description = "Cost per ship-km, units of account", example = "50") double shipCostPerKm,
        @Schema(description = "USAR team needs are not planned for arrivals later than this after the incident "
                + "started", type = SchemaType.STRING, format = "duration", example = "P10D") Duration usarStandDown) {

    public static TransportModelDto from(TransportModelView t) {
        return new TransportModelDto(t.maxRoadKm(), t.roadSpeedKmh(), t.roadHandling(), t.airSpeedKmh(),
                t.airHandling(), t.truckCapacityKg(), t.truckCapacityM3(), t.aircraftCapacityKg(),
                t.aircraftCapacityM3(), t.truckCostPerKm(), t.aircraftCostPerKm(), t.seaSpeedKmh(),
                t.seaHandling(), t.seaDetourFactor(), t.shipCapacityKg(), t.shipCapacityM3(), t.shipCostPerKm(),
                t.usarStandDown());
    }
}
