package org.corridor.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.corridor.common.json.StrictJson;
import org.corridor.common.time.DbClock;

/**
 * Says in words what is wrong with a request body Jackson could not read, naming the field: a duplicated key, a field
 * the request does not have (and which ones it has), a number out of range, a value of the wrong type, or JSON that is
 * not JSON at all. Never shows Jackson's own message, which names Java classes.
 */
final class JsonProblems {

    static final String TYPE = Problem.TYPE_BASE + "malformed-request";
    static final String TITLE = "Malformed request body";

    private static final Set<String> RULES = Set.of(StrictJson.NUL_MESSAGE, DbClock.RANGE);

    private JsonProblems() {
    }

    static Problem describe(JsonProcessingException e) {
        StreamReadException read = cause(e, StreamReadException.class);
        String field;
        String message;
        if (read != null && read.getOriginalMessage() != null
                && read.getOriginalMessage().startsWith("Duplicate field")) {
            field = Objects.requireNonNullElse(parserPath(read), "body");
            message = "is given more than once; give each field once";
        } else if (read instanceof InputCoercionException range) {
            field = e instanceof JsonMappingException jme && !jme.getPath().isEmpty()
                    ? jsonPath(jme.getPath())
                    : Objects.requireNonNullElse(parserPath(range), "body");
            message = "is out of range: must be " + expectation(range.getTargetType());
        } else if (read != null) {
            // the text is not JSON: say where, not which field
            field = null;
            message = null;
        } else {
            field = e instanceof JsonMappingException jme && !jme.getPath().isEmpty() ? jsonPath(jme.getPath()) : null;
            message = field == null ? null : fieldMessage(e);
        }
        if (field == null || message == null) {
            return new Problem(TYPE, TITLE, 400, bodyMessage(read != null ? read : e));
        }
        return new Problem(TYPE, TITLE, 400, field + " " + message, null,
                List.of(new Problem.FieldViolation(field, message)), null);
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The path the parser was at when it failed, or null. */
    private static String parserPath(StreamReadException e) {
        return e.getProcessor() == null ? null : contextPath(e.getProcessor().getParsingContext());
    }

    /** What is wrong with the field a mapping failure names. */
    private static String fieldMessage(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException upe) {
            return "is not a known field" + accepted(upe.getKnownPropertyIds());
        }
        if (e instanceof InvalidFormatException ife && RULES.contains(ife.getOriginalMessage())) {
            // a rule of StrictJson's, said in words already
            return ife.getOriginalMessage();
        }
        if (e instanceof InvalidFormatException ife && ife.getTargetType() != null && ife.getTargetType().isEnum()) {
            return "must be one of " + Arrays.toString(ife.getTargetType().getEnumConstants());
        }
        if (e instanceof MismatchedInputException mie && mie.getTargetType() != null) {
            return "must be " + expectation(mie.getTargetType());
        }
        return "has the wrong type or format";
    }

    /** What is wrong with the body as a whole. */
    private static String bodyMessage(JsonProcessingException e) {
        if (e instanceof MismatchedInputException mie && mie.getTargetType() != null
                && !(e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("No content"))) {
            return "The request body must be " + expectation(mie.getTargetType());
        }
        return "The request body is not valid JSON"
                + (e.getLocation() != null && e.getLocation().getLineNr() > 0
                        ? " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"
                        : "");
    }

    private static String accepted(Collection<Object> known) {
        if (known == null || known.isEmpty()) {
            return "; no fields are accepted here";
        }
        List<String> names = new ArrayList<>();
        known.forEach(k -> names.add(String.valueOf(k)));
        names.sort(null);
        return "; the fields accepted here are " + String.join(", ", names);
    }

    /** What a value of {@code type} must look like, in words. */
    static String expectation(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == int.class || type == Integer.class) {
            return "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (type == long.class || type == Long.class) {
            return "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        if (type == short.class || type == Short.class || type == byte.class || type == Byte.class
                || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "text";
        }
        if (type == UUID.class) {
            return "a UUID such as 6f1c2b9e-3d4a-4e8b-9a61-0c2f5d7e8a13";
        }
        if (type == Instant.class || type == OffsetDateTime.class) {
            return "an ISO-8601 UTC instant such as 2026-11-23T06:00:00Z";
        }
        if (type == LocalDate.class) {
            return "a date such as 2026-11-23";
        }
        if (type == Duration.class) {
            return "an ISO-8601 duration such as PT30S";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || !type.getName().startsWith("java.")) {
            return "an object";
        }
        return "of another type";
    }

    static String jsonPath(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    /** The path the parser was at ({@code lines[0].lotId}), or null at the top. */
    static String contextPath(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.add(0, "." + c.getCurrentName());
            } else if (c.inArray() && c.getCurrentIndex() >= 0) {
                parts.add(0, "[" + c.getCurrentIndex() + "]");
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }
}
