package org.corridor.shipment.service;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.corridor.shipment.client.inventory.InventoryGateway;
import org.corridor.shipment.domain.EventType;
import org.corridor.shipment.domain.SettlementOperation;
import org.corridor.shipment.domain.Shipment;
import org.corridor.shipment.domain.ShipmentLine;
import org.corridor.shipment.domain.ShipmentLineRow;
import org.corridor.shipment.domain.ShipmentRow;
import org.corridor.shipment.domain.ShipmentStatus;
import org.corridor.shipment.domain.StockSettlement;
import org.corridor.shipment.domain.StockState;
import org.corridor.shipment.domain.Transitions;
import org.corridor.shipment.domain.TransportMode;

/**
 * A shipment as the use cases answer it: its fields, lines (null when a list was asked without them; their count and
 * total weight are always given), the events that may follow its status, and how far the settlement of its stock in
 * inventory-service got ({@code stockSettlement}, null before dispatch or cancellation).
 */
public record ShipmentView(UUID id, UUID planId, UUID incidentId, UUID originDepotId, String originCountryCode,
        UUID siteId, String siteName, String destinationCountryCode, TransportMode mode, Integer vehicles,
        List<Line> lines, int lineCount, double totalWeightKg, Instant plannedDeparture, Instant estimatedArrival,
        UUID reservationId, ShipmentStatus status,
        StockState stock, Settlement stockSettlement, List<EventType> allowedEvents, Instant dispatchedAt,
        String receivedBy, Instant receivedAt, Instant createdAt, Instant updatedAt) {

    /** One lot carried; {@code accepted}, {@code rejected} and the reason once the proof of delivery is recorded. */
    public record Line(String itemCode, UUID lotId, int quantity, double weightKg, Integer accepted, Integer rejected,
            String rejectionReason) {

        static Line of(ShipmentLine l) {
            return new Line(l.itemCode, l.lotId, l.quantity, l.weightKg, l.accepted, l.rejected, l.rejectionReason);
        }

        static Line of(ShipmentLineRow l) {
            return new Line(l.itemCode(), l.lotId(), l.quantity(), l.weightKg(), l.accepted(), l.rejected(),
                    l.rejectionReason());
        }
    }

    /**
     * The settlement of the shipment's lines in inventory-service: the operation and its reference, the attempts, when
     * the next is due (a pending release), when inventory confirmed it, and a note for operators.
     */
    public record Settlement(SettlementOperation operation, String reference, int attempts, Instant lastAttemptAt,
            Instant nextAttemptAt, Instant settledAt, String note, UUID handedOverTo) {

        static Settlement of(Shipment s) {
            StockSettlement st = s.stockSettlement;
            if (st == null || !st.started()) {
                return null;
            }
            return new Settlement(st.operation, reference(s.id, st.operation), st.attempts, st.lastAttemptAt,
                    st.nextAttemptAt, st.settledAt, st.note, st.handedOverTo);
        }

        static Settlement of(ShipmentRow s) {
            if (s.settlementOperation() == null) {
                return null;
            }
            return new Settlement(s.settlementOperation(), reference(s.id(), s.settlementOperation()),
                    s.settlementAttempts(), s.settlementLastAttemptAt(), s.settlementNextAttemptAt(),
                    s.settlementSettledAt(), s.settlementNote(), s.settlementHandedOverTo());
        }

        private static String reference(UUID shipmentId, SettlementOperation operation) {
            return operation == SettlementOperation.HAND_OVER
                    ? null
                    : InventoryGateway.reference(shipmentId, operation.name().toLowerCase(Locale.ROOT));
        }
    }

    /** Reads the entity and its lazily loaded lines (one query): call inside the transaction. */
    static ShipmentView of(Shipment s) {
        List<Line> lines = s.lines.stream().map(Line::of).toList();
        return new ShipmentView(s.id, s.planId, s.incidentId, s.originDepotId, s.originCountryCode, s.siteId,
                s.siteName, s.destinationCountryCode, s.mode, s.vehicles, lines, lines.size(), weightKg(lines),
                s.plannedDeparture, s.estimatedArrival, s.reservationId, s.status, s.stock, Settlement.of(s),
                List.copyOf(Transitions.allowedFrom(s.status)), s.dispatchedAt, s.podReceivedBy, s.podReceivedAt,
                s.createdAt, s.updatedAt);
    }

    /**
     * The same view from the shipment's row and its lines read as records ({@link ShipmentRow},
     * {@link ShipmentLineRow}), for the lists: field for field what {@link #of(Shipment)} gives for the entity.
     */
    static ShipmentView of(ShipmentRow s, List<ShipmentLineRow> rows) {
        List<Line> lines = rows == null ? List.of() : rows.stream().map(Line::of).toList();
        return of(s, lines, lines.size(), weightKg(lines));
    }

    /** The view from the shipment's row without its lines: only their count and total weight. */
    static ShipmentView summary(ShipmentRow s, ShipmentLineRow.Totals totals) {
        return totals == null ? of(s, null, 0, 0) : of(s, null, totals.lines(), totals.weightKg());
    }

    private static double weightKg(List<Line> lines) {
        return lines.stream().mapToDouble(Line::weightKg).sum();
    }

    private static ShipmentView of(ShipmentRow s, List<Line> lines, int lineCount, double totalWeightKg) {
        return new ShipmentView(s.id(), s.planId(), s.incidentId(), s.originDepotId(), s.originCountryCode(),
                s.siteId(), s.siteName(), s.destinationCountryCode(), s.mode(), s.vehicles(), lines, lineCount,
                totalWeightKg, s.plannedDeparture(),
                s.estimatedArrival(), s.reservationId(), s.status(), s.stock(), Settlement.of(s),
                List.copyOf(Transitions.allowedFrom(s.status())), s.dispatchedAt(), s.podReceivedBy(),
                s.podReceivedAt(), s.createdAt(), s.updatedAt());
    }
}
