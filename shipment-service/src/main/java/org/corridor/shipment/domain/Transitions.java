package org.corridor.shipment.domain;

import static org.corridor.shipment.domain.EventType.*;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The shipment state machine, as one table: for each status, the events that may follow it. The README shows the same
 * table.
 *
 * <pre>
 * from              | allowed events
 * ------------------+---------------------------------------------------------
 * PLANNED           | DISPATCHED, CANCELLED
 * DISPATCHED        | IN_TRANSIT, CANCELLED, LOST
 * IN_TRANSIT        | IN_TRANSIT (position update), AT_BORDER, ARRIVED, CANCELLED, LOST
 * AT_BORDER         | CUSTOMS_HOLD, IN_TRANSIT, ARRIVED, CANCELLED, LOST
 * CUSTOMS_HOLD      | CUSTOMS_RELEASED, CANCELLED, LOST
 * CUSTOMS_RELEASED  | IN_TRANSIT, ARRIVED, CANCELLED, LOST
 * ARRIVED           | DELIVERED (only through proof of delivery)
 * DELIVERED, CANCELLED, LOST | none (terminal)
 * </pre>
 *
 * CANCELLED is allowed until arrival: before dispatch it releases the reservation; after dispatch (the consignment is
 * recalled) the stock has already left the depot and is reported as recalled. LOST is allowed between dispatch and
 * arrival.
 */
public final class Transitions {

    private static final Map<ShipmentStatus, Set<EventType>> TABLE = new EnumMap<>(ShipmentStatus.class);

    static {
        TABLE.put(ShipmentStatus.PLANNED, EnumSet.of(DISPATCHED, CANCELLED));
        TABLE.put(ShipmentStatus.DISPATCHED, EnumSet.of(IN_TRANSIT, CANCELLED, LOST));
        TABLE.put(ShipmentStatus.IN_TRANSIT, EnumSet.of(IN_TRANSIT, AT_BORDER, ARRIVED, CANCELLED, LOST));
        TABLE.put(ShipmentStatus.AT_BORDER, EnumSet.of(CUSTOMS_HOLD, IN_TRANSIT, ARRIVED, CANCELLED, LOST));
        TABLE.put(ShipmentStatus.CUSTOMS_HOLD, EnumSet.of(CUSTOMS_RELEASED, CANCELLED, LOST));
        TABLE.put(ShipmentStatus.CUSTOMS_RELEASED, EnumSet.of(IN_TRANSIT, ARRIVED, CANCELLED, LOST));
        TABLE.put(ShipmentStatus.ARRIVED, EnumSet.of(DELIVERED));
        TABLE.put(ShipmentStatus.DELIVERED, EnumSet.noneOf(EventType.class));
        TABLE.put(ShipmentStatus.CANCELLED, EnumSet.noneOf(EventType.class));
        TABLE.put(ShipmentStatus.LOST, EnumSet.noneOf(EventType.class));
    }

    private Transitions() {
    }

    /** The events allowed from {@code status}, in declaration order. */
    public static Set<EventType> allowedFrom(ShipmentStatus status) {
        return Collections.unmodifiableSet(TABLE.get(status));
    }

    public static boolean isAllowed(ShipmentStatus from, EventType event) {
        return TABLE.get(from).contains(event);
    }
}
