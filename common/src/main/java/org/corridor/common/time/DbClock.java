package org.corridor.common.time;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Instants at the precision PostgreSQL stores ({@code timestamptz}: microseconds), so that what a service answers right
 * after a write equals what it reads back later (and ETags computed from either agree).
 */
public final class DbClock {

    private DbClock() {
    }

    /** The current instant, truncated to microseconds. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** {@code t} truncated to microseconds; null stays null. */
    public static Instant micros(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }
}
