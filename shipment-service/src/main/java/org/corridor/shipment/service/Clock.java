package org.corridor.shipment.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Instants at the precision PostgreSQL stores (microseconds), so what is answered equals what is read back. */
public final class Clock {
    private Clock() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public static Instant micros(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }
}
