package org.corridor.inventory.rest.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.corridor.inventory.rest.Examples;
import org.corridor.inventory.service.ReservationService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SettlementRequest", description = "Optional body of release and consume: settle part of a "
        + "reservation once per reference (e.g. one shipment of a plan). Without a body everything still held is "
        + "settled.")
public record SettlementRequest(
        @Size(max = 200) @Schema(description = "What this settlement is for; the same reference again is a replay. "
                + "Defaults to the Idempotency-Key header. Required when lines are given",
                example = "shipment-5d1f0b7e", maxLength = 200) String reference,
        @Size(min = 1, max = ReservationRequest.MAX_LINES) @Valid @Schema(
                description = "1 to 10,000 lots and quantities to settle, each lot at most once; absent: everything "
                        + "still held. A release gives back at most what each lot still holds",
                maxItems = ReservationRequest.MAX_LINES,
                example = "[{\"lotId\": \""
                        + Examples.LOT_ID + "\", \"quantity\": 40}]") List<@NotNull ReservationLineRequest> lines) {

    /** The lines to settle, or null to settle everything still held. */
    public List<ReservationService.Line> toLines() {
        return lines == null ? null : lines.stream().map(ReservationLineRequest::toLine).toList();
    }
}
