package org.corridor.shipment.rest.dto;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.corridor.shipment.service.DeliverySummaryService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DeliverySummary", description = "Per site and item of an incident: requested, allocated, dispatched, "
        + "in transit, delivered, rejected")
public record DeliverySummaryDto(
        @Schema(description = "Incident", example = "c1d2e3f4-5a6b-4c7d-8e9f-0a1b2c3d4e5f") UUID incidentId,
        @Schema(description = "False when allocation-service could not be asked; `requested` is then null on every "
                + "line", example = "true") boolean requestedAvailable,
        @Schema(description = "Set only when the requested quantities are an old copy because allocation-service "
                + "cannot be reached: when they were read; null when they are current or unknown",
                example = "2026-11-25T17:40:05Z") Instant requestedAsOf,
        @Schema(description = "Why some numbers are missing, e.g. allocation-service unreachable",
                example = "[]") List<String> warnings,
        @Schema(description = "One line per (site, item) that was requested or shipped, ordered by site and item") List<DeliverySummaryLineDto> lines) {

    public static DeliverySummaryDto from(DeliverySummaryService.Summary s) {
        return new DeliverySummaryDto(s.incidentId(), s.requestedAvailable(), s.requestedAsOf(), s.warnings(),
                s.rows().stream().map(DeliverySummaryLineDto::from).toList());
    }
}
