package org.corridor.common.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Instants at the precision PostgreSQL stores ({@code timestamptz}: microseconds), so that what a service answers right
 * after a write equals what it reads back later (and ETags computed from either agree); and the range of instants and
 * dates a service accepts: years 1 to 9999. Java represents years up to a billion, which PostgreSQL cannot store or
 * compare: such a value from a client is refused (400) where it is read, rather than failing in the database (500).
 */
public final class DbClock {

    /** The earliest instant accepted: 0001-01-01T00:00:00Z. */
    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    /** The latest instant accepted: 9999-12-31T23:59:59.999999Z. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
    /** Why an instant or a date outside the range is refused. */
    public static final String RANGE = "must be between years 1 and 9999";

    private DbClock() {
    }

    /** True when {@code t} lies between {@link #EARLIEST} and {@link #LATEST}. */
    public static boolean inRange(Instant t) {
        return !t.isBefore(EARLIEST) && !t.isAfter(LATEST);
    }

    /** True when {@code d}'s year is 1 to 9999. */
    public static boolean inRange(LocalDate d) {
        return d.getYear() >= 1 && d.getYear() <= 9999;
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
