package org.corridor.inventory.rest.dto;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.corridor.inventory.domain.ReservationStatus;
import org.corridor.inventory.rest.Examples;
import org.corridor.inventory.service.SettlementView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SettledReservation", description = "The answer to a release or consume: the reservation after it "
        + "(the fields of Reservation) and what this settlement did (settlement)")
public record SettledReservationDto(
        @Schema(description = "Id", example = Examples.RESERVATION_ID) UUID id,
        @Schema(description = "The caller's reference", example = "plan-7c1e2d90") String reference,
        @Schema(description = "HELD while anything is held; then CONSUMED, RELEASED or PARTIAL (partly each)",
                example = "PARTIAL") ReservationStatus status,
        @Schema(description = "Each line with its totals so far", example = "[{\"lotId\": \"" + Examples.LOT_ID
                + "\", \"itemCode\": \"SHL-TENT-FAMILY\", \"quantity\": 120, \"consumed\": 80, \"released\": 40, "
                + "\"held\": 0}]") List<ReservationLineDto> lines,
        @Schema(description = "When it was made", example = Examples.INSTANT) Instant createdAt,
        @Schema(description = "When its status last changed", example = Examples.INSTANT) Instant updatedAt,
        @Schema(description = "What this settlement did, line by line", example = "{\"kind\": \"RELEASE\", "
                + "\"reference\": \"shipment-5d1f0b7e\", \"replay\": false, \"lines\": [{\"lotId\": \""
                + Examples.LOT_ID
                + "\", \"requested\": 40, \"consumed\": 0, \"released\": 40}]}") SettlementDto settlement) {

    public static SettledReservationDto from(SettlementView s) {
        ReservationDto r = ReservationDto.from(s.reservation());
        return new SettledReservationDto(r.id(), r.reference(), r.status(), r.lines(), r.createdAt(), r.updatedAt(),
                SettlementDto.from(s));
    }
}
