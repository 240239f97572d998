package org.corridor.inventory.rest.dto;

import java.util.List;
import org.corridor.inventory.domain.SettlementKind;
import org.corridor.inventory.rest.Examples;
import org.corridor.inventory.service.SettlementView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Settlement", description = "What one release or consume did, line by line")
public record SettlementDto(
        @Schema(description = "CONSUME or RELEASE", example = "RELEASE") SettlementKind kind,
        @Schema(description = "The settlement's reference (from the body or the Idempotency-Key header); null for "
                + "the bodiless form without a key", example = "shipment-5d1f0b7e", nullable = true) String reference,
        @Schema(description = "True when the reference had already been settled: nothing was done again and the "
                + "lines are the first outcome", example = "false") boolean replay,
        @Schema(description = "One line per lot asked for (without lines: per lot that was still held), in lot-id "
                + "order; empty when nothing was asked or held",
                example = "[{\"lotId\": \"" + Examples.LOT_ID
                        + "\", \"requested\": 40, \"consumed\": 0, \"released\": 30}]") List<SettlementLineDto> lines) {

    public static SettlementDto from(SettlementView s) {
        return new SettlementDto(s.kind(), s.reference(), s.replay(),
                s.lines().stream().map(SettlementLineDto::from).toList());
    }
}
