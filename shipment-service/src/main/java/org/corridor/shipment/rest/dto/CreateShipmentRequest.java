package org.corridor.shipment.rest.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.corridor.shipment.domain.TransportMode;
import org.corridor.shipment.service.ShipmentService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CreateShipmentRequest",
        description = "A shipment of an approved plan: lots held by the plan's reservation, from one depot to one "
                + "site")
public record CreateShipmentRequest(
        @Schema(description = "The approved allocation plan the shipment comes from",
                example = "6f1c2a1e-4b7d-4f4e-9a7b-1d2c3e4f5a6b") @NotNull UUID planId,
        @Schema(description = "Depot the goods leave from (inventory-service)",
                example = "0b8f6f5e-2c1d-4e3f-8a9b-7c6d5e4f3a2b") @NotNull UUID originDepotId,
        @Schema(description = "ISO 3166-1 alpha-3 country of the origin depot, for display", example = "ARE") @Pattern(
                regexp = "^[A-Z]{3}$", message = "must be an ISO 3166-1 alpha-3 code") String originCountryCode,
        @Schema(description = "Destination site of the incident (allocation-service)",
                example = "a3d4e5f6-1b2c-4d3e-8f9a-0b1c2d3e4f5a") @NotNull UUID siteId,
        @Schema(description = "Name of the destination site, for display",
                example = "Antakya stadium camp") @Size(max = 200) String siteName,
        @Schema(description = "ISO 3166-1 alpha-3 country of the destination site, for display",
                example = "TUR") @Pattern(regexp = "^[A-Z]{3}$",
                        message = "must be an ISO 3166-1 alpha-3 code") String destinationCountryCode,
        @Schema(description = "Incident the site belongs to (allocation-service)",
                example = "c1d2e3f4-5a6b-4c7d-8e9f-0a1b2c3d4e5f") @NotNull UUID incidentId,
        @Schema(description = "Transport mode: ROAD, AIR or SEA (a ship between two ports)",
                example = "ROAD") @NotNull TransportMode mode,
        @Schema(description = "Number of trucks or aircraft, if known", example = "3") @Min(value = 1,
                message = "must be between 1 and 1000") @Max(value = 1000,
                        message = "must be between 1 and 1000") Integer vehicles,
        @Schema(description = "Lots carried, 1 to 5,000; each (itemCode, lotId) at most once. Dispatch and "
                + "cancellation settle all of them with inventory-service in one settlement",
                minItems = 1, maxItems = MAX_LINES) @NotNull @Size(min = 1, max = MAX_LINES,
                        message = "must have between 1 and 5000 lines") @Valid List<@NotNull ShipmentLineRequest> lines,
        @Schema(description = "Planned departure from the depot (UTC)",
                example = "2026-11-23T06:00:00Z") @NotNull Instant plannedDeparture,
        @Schema(description = "Estimated arrival at the site (UTC); after plannedDeparture",
                example = "2026-11-24T18:00:00Z") @NotNull Instant estimatedArrival,
        @Schema(description = "The plan's inventory reservation holding this shipment's lots: one reservation per "
                + "plan, shared by the plan's shipments, each settling only its own lines of it",
                example = "9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b") @NotNull UUID reservationId) {

    /** The most lines one shipment may carry (inventory settles up to 10,000 lines at once). */
    public static final int MAX_LINES = 5000;

    public ShipmentService.NewShipment toCommand() {
        return new ShipmentService.NewShipment(planId, originDepotId, originCountryCode, siteId, siteName,
                destinationCountryCode, incidentId, mode, vehicles,
                lines.stream().map(ShipmentLineRequest::toCommand).toList(), plannedDeparture, estimatedArrival,
                reservationId);
    }
}
