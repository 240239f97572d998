package org.corridor.shipment.rest;

import java.util.List;
import java.util.UUID;
import org.corridor.shipment.service.DeliverySummaryService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DeliverySummary", description = "Per site and item of an incident: requested, allocated, dispatched, in transit, delivered, rejected")
public record DeliverySummaryDto(
        @Schema(description = "Incident", example = "c1d2e3f4-5a6b-4c7d-8e9f-0a1b2c3d4e5f") UUID incidentId,
        @Schema(description = "False when allocation-service could not be asked; `requested` is then null on every line", example = "true") boolean requestedAvailable,
        @Schema(description = "Why some numbers are missing, e.g. allocation-service unreachable", example = "[]") List<String> warnings,
        @Schema(description = "One line per (site, item) that was requested or shipped, ordered by site and item") List<Line> lines) {

    @Schema(name = "DeliverySummaryLine", description = "Quantities of one item for one site, in the item's unit")
    public record Line(
            @Schema(description = "Site", example = "a3d4e5f6-1b2c-4d3e-8f9a-0b1c2d3e4f5a") UUID siteId,
            @Schema(description = "Site name, if the shipments carry it", example = "Antakya stadium camp") String siteName,
            @Schema(description = "Item code", example = "TENT-FAMILY") String itemCode,
            @Schema(description = "Sum of the incident's needs (allocation-service); null when it could not be asked", example = "200") Long requested,
            @Schema(description = "On shipments that are not cancelled", example = "120") long allocated,
            @Schema(description = "On shipments dispatched and not cancelled (includes delivered and lost)", example = "120") long dispatched,
            @Schema(description = "Dispatched, neither delivered nor lost", example = "0") long inTransit,
            @Schema(description = "Accepted at delivery", example = "115") long delivered,
            @Schema(description = "Rejected at delivery", example = "5") long rejected,
            @Schema(description = "On shipments lost in transit", example = "0") long lost,
            @Schema(description = "On shipments cancelled after dispatch (recalled); issued from the depot, not delivered", example = "0") long recalled) {
    }

    public static DeliverySummaryDto of(DeliverySummaryService.Summary s) {
        return new DeliverySummaryDto(s.incidentId(), s.requestedAvailable(), s.warnings(), s.rows().stream()
                .map(r -> new Line(r.siteId(), r.siteName(), r.itemCode(), r.requested(), r.allocated(), r.dispatched(),
                        r.inTransit(), r.delivered(), r.rejected(), r.lost(), r.recalled()))
                .toList());
    }
}
