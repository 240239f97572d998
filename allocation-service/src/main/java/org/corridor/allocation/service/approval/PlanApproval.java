package org.corridor.allocation.service.approval;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.corridor.allocation.domain.PlanStatus;
import org.corridor.allocation.domain.TransportMode;

/**
 * What an approved plan holds in the other services: its reservation, the shipments created (one per origin depot, site
 * and mode) and the teams assigned. Stored with the plan as JSON and answered again to every later approval of it, so
 * its shape is the approval answer's.
 */
public record PlanApproval(UUID planId, PlanStatus status, UUID reservationId, Instant approvedAt,
        List<Shipment> shipments, List<TeamAssignment> teamAssignments) {

    /** A shipment created in shipment-service. */
    public record Shipment(UUID id, UUID originDepotId, UUID siteId, UUID incidentId, TransportMode mode,
            int vehicles, Instant plannedDeparture, Instant estimatedArrival, List<ShipmentLine> lines) {
    }

    /** One lot carried by a shipment: the plan's lines of that lot for the shipment's site and mode, summed. */
    public record ShipmentLine(String itemCode, UUID lotId, int quantity, double weightKg) {
    }

    /** A team assigned in inventory-service to a team need. */
    public record TeamAssignment(UUID teamNeedId, UUID teamId, Instant arrivesAt) {
    }
}
