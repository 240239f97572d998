package org.corridor.shipment.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.corridor.common.problem.ProblemException;

/** Parses path and query parameters into problems a client can act on (never a 500, never a bare 404). */
final class Params {

    private Params() {
    }

    /** A path id that is not a UUID cannot name anything: 404 like any unknown id. */
    static UUID pathId(String what, String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound(what, raw);
        }
    }

    static UUID queryUuid(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("Query parameter " + name + " must be a UUID, got '" + raw + "'");
        }
    }

    static Instant queryInstant(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("Query parameter " + name
                    + " must be an ISO-8601 UTC instant such as 2026-11-23T06:00:00Z, got '" + raw + "'");
        }
    }

    static <E extends Enum<E>> E queryEnum(String name, String raw, Class<E> type) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("Query parameter " + name + " must be one of "
                    + java.util.Arrays.toString(type.getEnumConstants()) + ", got '" + raw + "'");
        }
    }
}
