package org.corridor.shipment.rest.dto;

import java.time.Instant;
import java.util.UUID;
import org.corridor.shipment.domain.SettlementOperation;
import org.corridor.shipment.service.ShipmentView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "StockSettlement",
        description = "How far the settlement of the shipment's own lines of the plan's reservation in "
                + "inventory-service got: consumed at dispatch, or released when cancelled before dispatch. Absent "
                + "(null) until the shipment is dispatched or cancelled")
public record StockSettlementDto(
        @Schema(description = "CONSUME (at dispatch), RELEASE (cancelled before dispatch) or HAND_OVER (cancelled "
                + "before dispatch by a re-plan's approval, which handed the units over to another reservation: "
                + "nothing released)",
                example = "RELEASE") SettlementOperation operation,
        @Schema(description = "The settlement's reference in inventory-service (inventory applies it once); null for "
                + "HAND_OVER, which asks inventory-service nothing",
                example = "shipment-3b2a1f0e-9d8c-4b7a-6f5e-4d3c2b1a0f9e-release") String reference,
        @Schema(description = "How many times inventory-service was asked (each after the gateway's own retries)",
                example = "3") int attempts,
        @Schema(description = "When inventory-service was last asked (UTC)",
                example = "2026-11-23T06:12:30.104Z") Instant lastAttemptAt,
        @Schema(description = "While a release is pending: when it is retried next (UTC); otherwise null",
                example = "2026-11-23T06:14:30.104Z") Instant nextAttemptAt,
        @Schema(description = "When inventory-service confirmed the settlement (UTC); null while pending or refused",
                example = "2026-11-23T06:14:31.220Z") Instant settledAt,
        @Schema(description = "What happened, in plain words for an operator: what inventory settled (and which lots "
                + "it no longer held), why a release is pending and when it is retried, or why it was refused and "
                + "what to do",
                example = "Release pending: inventory-service cannot be reached (attempt 3). The cancellation stands; "
                        + "the release of the shipment's 2 line(s) (140 units) of reservation "
                        + "9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b is retried automatically until inventory-service "
                        + "answers, next at 2026-11-23T06:14:30.104Z.") String note,
        @Schema(description = "With operation HAND_OVER: the reservation in inventory-service that holds the "
                + "shipment's units now (the re-plan's); null otherwise",
                example = "8f7e6d5c-4b3a-4291-8e7d-6c5b4a3f2e1d") UUID handedOverTo) {

    public static StockSettlementDto from(ShipmentView.Settlement s) {
        return s == null
                ? null
                : new StockSettlementDto(s.operation(), s.reference(), s.attempts(), s.lastAttemptAt(),
                        s.nextAttemptAt(), s.settledAt(), s.note(), s.handedOverTo());
    }
}
