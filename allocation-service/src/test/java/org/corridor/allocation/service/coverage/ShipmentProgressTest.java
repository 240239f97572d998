package org.corridor.allocation.service.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.corridor.allocation.client.shipment.ShipmentClient;
import org.corridor.allocation.domain.LineState;
import org.corridor.allocation.domain.PlanLine;
import org.junit.jupiter.api.Test;

/** How a plan line follows its shipment: the state per shipment status, and delivered units shared over lines. */
class ShipmentProgressTest {

    private static final UUID LOT = UUID.fromString("00000000-0000-4000-8000-0000000001a1");
    private static final UUID OTHER_LOT = UUID.fromString("00000000-0000-4000-8000-0000000001a2");

    @Test
    void eachShipmentStatusMovesTheLineToWhereItsUnitsAre() {
        assertEquals(LineState.APPROVED, ShipmentProgress.state(shipment("PLANNED", null)));
        for (String moving : List.of("DISPATCHED", "IN_TRANSIT", "AT_BORDER", "CUSTOMS_HOLD", "CUSTOMS_RELEASED",
                "ARRIVED")) {
            assertEquals(LineState.DISPATCHED, ShipmentProgress.state(shipment(moving, Instant.now())), moving);
        }
        assertEquals(LineState.DELIVERED, ShipmentProgress.state(shipment("DELIVERED", Instant.now())));
        assertEquals(LineState.LOST, ShipmentProgress.state(shipment("LOST", Instant.now())));
        // cancelled before dispatch: the units never left, they are uncovered again; after dispatch: lost
        assertEquals(LineState.CANCELLED, ShipmentProgress.state(shipment("CANCELLED", null)));
        assertEquals(LineState.LOST, ShipmentProgress.state(shipment("CANCELLED", Instant.now())));
    }

    @Test
    void acceptedUnitsGoToTheFirstLinesOfTheLotAndTheRestCountsAsRejected() {
        PlanLine first = line(LOT, 60);
        PlanLine second = line(LOT, 40);
        PlanLine other = line(OTHER_LOT, 10);
        ShipmentClient.Shipment s = new ShipmentClient.Shipment(UUID.randomUUID(), UUID.randomUUID(), "DELIVERED",
                Instant.now(), List.of(new ShipmentClient.Line(LOT, 100, 90, 10),
                        new ShipmentClient.Line(OTHER_LOT, 10, null, null)));

        ShipmentProgress.deliver(List.of(first, second, other), s);

        assertEquals(LineState.DELIVERED, first.state);
        assertEquals(60, first.delivered);
        assertEquals(0, first.rejected);
        assertEquals(30, second.delivered);
        assertEquals(10, second.rejected);
        // a lot the proof does not mention counts as delivered in full
        assertEquals(10, other.delivered);
        assertEquals(0, other.rejected);
    }

    private static ShipmentClient.Shipment shipment(String status, Instant dispatchedAt) {
        return new ShipmentClient.Shipment(UUID.randomUUID(), UUID.randomUUID(), status, dispatchedAt, List.of());
    }

    private static PlanLine line(UUID lot, int quantity) {
        PlanLine l = new PlanLine();
        l.lotId = lot;
        l.quantity = quantity;
        l.state = LineState.APPROVED;
        return l;
    }
}
