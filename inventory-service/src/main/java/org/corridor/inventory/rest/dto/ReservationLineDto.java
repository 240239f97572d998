package org.corridor.inventory.rest.dto;

import java.util.UUID;
import org.corridor.inventory.rest.Examples;
import org.corridor.inventory.service.ReservationView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReservationLine", description = "A lot and the quantity held of it")
public record ReservationLineDto(
        @Schema(description = "Lot", example = Examples.LOT_ID) UUID lotId,
        @Schema(description = "Item of the lot", example = "SHL-TENT-FAMILY") String itemCode,
        @Schema(description = "Quantity reserved on this line", example = "120") long quantity,
        @Schema(description = "Of it, issued out of the depot", example = "40") long consumed,
        @Schema(description = "Of it, given back to available stock", example = "0") long released,
        @Schema(description = "Of it, still held", example = "80") long held) {

    public static ReservationLineDto from(ReservationView.Line l) {
        return new ReservationLineDto(l.lotId(), l.itemCode(), l.quantity(), l.consumed(), l.released(), l.held());
    }
}
