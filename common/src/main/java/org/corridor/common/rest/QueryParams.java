package org.corridor.common.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.corridor.common.problem.ProblemException;
import org.corridor.common.time.DbClock;

/**
 * Parses optional query parameters into values, or into a 400 problem that names the parameter, what it must be and
 * what was sent. A blank or absent parameter is {@code null} (no filter). Path parameters are typed on the resource
 * method instead ({@code UUID}, enums): a malformed one answers 404.
 */
public final class QueryParams {

    private static final int EXCERPT = 60;

    private QueryParams() {
    }

    /** An enum constant, case-insensitive: {@code status=delivered} is {@code DELIVERED}. */
    public static <E extends Enum<E>> E enumValue(String name, String raw, Class<E> type) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("Query parameter " + name + " must be one of "
                    + Arrays.toString(type.getEnumConstants()) + ", got '" + excerpt(raw) + "'");
        }
    }

    public static UUID uuid(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException
                    .badRequest("Query parameter " + name + " must be a UUID, got '" + excerpt(raw) + "'");
        }
    }

    /** An ISO-8601 UTC instant such as {@code 2026-11-23T06:00:00Z}, in years 1 to 9999 ({@link DbClock#inRange}). */
    public static Instant instant(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        Instant t;
        try {
            t = Instant.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("Query parameter " + name
                    + " must be an ISO-8601 UTC instant such as 2026-11-23T06:00:00Z, got '" + excerpt(raw) + "'");
        }
        if (!DbClock.inRange(t)) {
            throw ProblemException.badRequest("Query parameter " + name + " " + DbClock.RANGE + ", got '"
                    + excerpt(raw) + "'");
        }
        return t;
    }

    /** At most the first 60 characters of what a client sent, to quote in a problem without echoing a whole page. */
    public static String excerpt(String raw) {
        if (raw == null) {
            return "";
        }
        return raw.length() <= EXCERPT ? raw : raw.substring(0, EXCERPT) + "... (" + raw.length() + " characters)";
    }
}
