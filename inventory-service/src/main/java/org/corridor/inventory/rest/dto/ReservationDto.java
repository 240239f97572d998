package org.corridor.inventory.rest.dto;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.corridor.inventory.domain.ReservationStatus;
import org.corridor.inventory.rest.Examples;
import org.corridor.inventory.service.ReservationView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Reservation", description = "Stock held for a plan")
public record ReservationDto(
        @Schema(description = "Id", example = Examples.RESERVATION_ID) UUID id,
        @Schema(description = "The caller's reference", example = "plan-7c1e2d90") String reference,
        @Schema(description = "HELD while anything is held; then CONSUMED, RELEASED or PARTIAL (partly each)",
                example = "HELD") ReservationStatus status,
        @Schema(description = "One line per lot: what was reserved and, of it, consumed, released and still held",
                example = "[{\"lotId\": \"" + Examples.LOT_ID + "\", \"itemCode\": \"SHL-TENT-FAMILY\", "
                        + "\"quantity\": 120, \"consumed\": 40, \"released\": 0, \"held\": 80}]") List<ReservationLineDto> lines,
        @Schema(description = "When it was made", example = Examples.INSTANT) Instant createdAt,
        @Schema(description = "When its status last changed", example = Examples.INSTANT) Instant updatedAt) {

    public static ReservationDto from(ReservationView r) {
        return new ReservationDto(r.id(), r.reference(), r.status(),
                r.lines().stream().map(ReservationLineDto::from).toList(), r.createdAt(), r.updatedAt());
    }
}
