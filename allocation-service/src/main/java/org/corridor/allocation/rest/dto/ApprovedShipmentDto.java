package org.corridor.allocation.rest.dto;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.corridor.allocation.domain.TransportMode;
import org.corridor.allocation.service.approval.PlanApproval;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ApprovedShipment",
        description = "A shipment created in shipment-service by the approval: one per (origin depot, site, mode)")
public record ApprovedShipmentDto(
        @Schema(description = "Shipment id (shipment-service)",
                example = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d") UUID id,
        @Schema(description = "Depot the goods leave from",
                example = "6e5d4c3b-2a19-4f8e-9d7c-6b5a4f3e2d1c") UUID originDepotId,
        @Schema(description = "Destination site", example = "5b0c7c1e-6a6f-4f50-9d59-1f1c4d1e2a10") UUID siteId,
        @Schema(description = "Incident of the site", example = "c1d2e3f4-5a6b-4c7d-8e9f-0a1b2c3d4e5f") UUID incidentId,
        @Schema(description = "ROAD, AIR or SEA", example = "ROAD") TransportMode mode,
        @Schema(description = "Whole trucks or aircraft needed for the load's weight and volume",
                example = "2") int vehicles,
        @Schema(description = "Earliest departure of its lines",
                example = "2023-02-06T06:00:00Z") Instant plannedDeparture,
        @Schema(description = "Latest arrival of its lines", example = "2023-02-07T10:00:00Z") Instant estimatedArrival,
        @Schema(description = "Lots carried") List<ApprovedShipmentLineDto> lines) {

    public static ApprovedShipmentDto from(PlanApproval.Shipment s) {
        return new ApprovedShipmentDto(s.id(), s.originDepotId(), s.siteId(), s.incidentId(), s.mode(),
                s.vehicles(), s.plannedDeparture(), s.estimatedArrival(),
                s.lines().stream().map(ApprovedShipmentLineDto::from).toList());
    }
}
