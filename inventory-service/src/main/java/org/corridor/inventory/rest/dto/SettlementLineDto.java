package org.corridor.inventory.rest.dto;

import java.util.UUID;
import org.corridor.inventory.rest.Examples;
import org.corridor.inventory.service.SettlementView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SettlementLine", description = "What one settlement did to one lot of the reservation: asked for, "
        + "and really consumed or released by this settlement alone (the reservation's lines keep the totals)")
public record SettlementLineDto(
        @Schema(description = "Lot", example = Examples.LOT_ID) UUID lotId,
        @Schema(description = "Quantity the settlement asked for on this lot; for a settlement without lines, what "
                + "the lot still held", example = "40") long requested,
        @Schema(description = "Quantity this settlement issued out of the depot (CONSUME: always the requested "
                + "quantity; RELEASE: 0)", example = "0") long consumed,
        @Schema(description = "Quantity this settlement gave back to available stock (RELEASE: the requested "
                + "quantity, but at most what was still held, so 0 when nothing was held any more; CONSUME: 0)",
                example = "30") long released) {

    public static SettlementLineDto from(SettlementView.Line l) {
        return new SettlementLineDto(l.lotId(), l.requested(), l.consumed(), l.released());
    }
}
