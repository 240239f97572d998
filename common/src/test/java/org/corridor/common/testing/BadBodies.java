package org.corridor.common.testing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The bad variants of one valid JSON body that {@link OpenApiBadInput} sends. For every field, at every depth (the
 * first element of a list stands for all): the key given twice, a value of the wrong type, null, an empty string, a 10
 * kB string, and numbers at and beyond the limits of int and long; and for every object a field it does not have.
 */
public final class BadBodies {

    /** The unknown field added to every object. */
    public static final String UNKNOWN_FIELD = "fieldThatDoesNotExist";
    /** A string of 10 kB. */
    public static final String TEN_KB = "x".repeat(10 * 1024);

    /** Text with a NUL character, which PostgreSQL cannot store in a text column. */
    public static final String NUL = "nul\u0000x";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);

    /** Numbers at and just beyond the limits of int and long. */
    public static final List<JsonNode> LIMITS = List.of(
            NODES.numberNode(Integer.MAX_VALUE), NODES.numberNode((long) Integer.MAX_VALUE + 1),
            NODES.numberNode(Integer.MIN_VALUE), NODES.numberNode((long) Integer.MIN_VALUE - 1),
            NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(LONG_MAX.add(BigInteger.ONE)),
            NODES.numberNode(Long.MIN_VALUE), NODES.numberNode(LONG_MIN.subtract(BigInteger.ONE)));

    private BadBodies() {
    }

    /** One bad body: what was done to which field, and the JSON text to send. */
    public record Variant(String label, String json) {
    }

    /** Every bad variant of {@code valid}. */
    public static List<Variant> of(JsonNode valid) {
        List<Variant> variants = new ArrayList<>();
        for (List<Object> path : fields(valid)) {
            String name = pathName(path);
            variants.add(new Variant(name + " given twice", duplicated(valid, path)));
            variants.add(new Variant(name + " of the wrong type", write(replaced(valid, path, wrongType(at(valid,
                    path))))));
            variants.add(new Variant(name + " null", write(replaced(valid, path, NODES.nullNode()))));
            variants.add(new Variant(name + " empty string", write(replaced(valid, path, NODES.textNode("")))));
            variants.add(new Variant(name + " 10 kB string", write(replaced(valid, path, NODES.textNode(TEN_KB)))));
            variants.add(new Variant(name + " with a NUL character", write(replaced(valid, path, NODES.textNode(
                    NUL)))));
            for (String extreme : extremeDates(at(valid, path))) {
                variants.add(
                        new Variant(name + " = " + extreme, write(replaced(valid, path, NODES.textNode(extreme)))));
            }
            for (JsonNode limit : LIMITS) {
                variants.add(new Variant(name + " = " + limit, write(replaced(valid, path, limit))));
            }
        }
        for (List<Object> path : objects(valid)) {
            JsonNode copy = valid.deepCopy();
            ((ObjectNode) at(copy, path)).put(UNKNOWN_FIELD, "x");
            variants.add(new Variant("unknown field in " + (path.isEmpty() ? "body" : pathName(path)), write(copy)));
        }
        return variants;
    }

    /** The path of every field: object members at every depth, and the first element of every list. */
    static List<List<Object>> fields(JsonNode node) {
        List<List<Object>> paths = new ArrayList<>();
        collect(node, new ArrayList<>(), paths, false);
        return paths;
    }

    /** The path of every object, the body first. */
    static List<List<Object>> objects(JsonNode node) {
        List<List<Object>> paths = new ArrayList<>();
        collect(node, new ArrayList<>(), paths, true);
        return paths;
    }

    private static void collect(JsonNode node, List<Object> path, List<List<Object>> out, boolean objectsOnly) {
        if (node.isObject()) {
            if (objectsOnly) {
                out.add(List.copyOf(path));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> f = it.next();
                List<Object> child = new ArrayList<>(path);
                child.add(f.getKey());
                if (!objectsOnly) {
                    out.add(List.copyOf(child));
                }
                collect(f.getValue(), child, out, objectsOnly);
            }
        } else if (node.isArray() && node.size() > 0) {
            List<Object> child = new ArrayList<>(path);
            child.add(0);
            if (!objectsOnly) {
                out.add(List.copyOf(child));
            }
            collect(node.get(0), child, out, objectsOnly);
        }
    }

    /**
     * For a field whose valid value is an instant or a date: the first and last that Java can represent, far outside
     * what a database stores.
     */
    static List<String> extremeDates(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return List.of();
        }
        try {
            Instant.parse(value.asText());
            return List.of(Instant.MAX.toString(), Instant.MIN.toString());
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate.parse(value.asText());
                return List.of(LocalDate.MAX.toString(), LocalDate.MIN.toString());
            } catch (DateTimeParseException notADate) {
                return List.of();
            }
        }
    }

    /** A value of another JSON type than {@code value}'s. */
    static JsonNode wrongType(JsonNode value) {
        if (value == null || value.isTextual()) {
            ObjectNode object = NODES.objectNode();
            object.put("text", "expected");
            return object;
        }
        if (value.isNumber()) {
            return NODES.textNode("not a number");
        }
        if (value.isBoolean()) {
            return NODES.textNode("maybe");
        }
        if (value.isArray()) {
            return NODES.textNode("not a list");
        }
        if (value.isObject()) {
            ArrayNode array = NODES.arrayNode();
            array.add(1);
            return array;
        }
        return NODES.booleanNode(true);
    }

    static JsonNode at(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object step : path) {
            node = step instanceof Integer i ? node.get(i) : node.get((String) step);
        }
        return node;
    }

    static JsonNode replaced(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode copy = root.deepCopy();
        JsonNode parent = at(copy, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer i) {
            ((ArrayNode) parent).set(i, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
        return copy;
    }

    /** {@code lines[0].quantity} for the path {@code lines, 0, quantity}. */
    static String pathName(List<Object> path) {
        StringBuilder sb = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer i) {
                sb.append('[').append(i).append(']');
            } else {
                sb.append(sb.isEmpty() ? "" : ".").append(step);
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body as JSON text with the last key of {@code path} written twice (same value) in its object. */
    static String duplicated(JsonNode root, List<Object> path) {
        JsonNode parent = at(root, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (!(last instanceof String key) || !parent.isObject()) {
            // a list element has no key: duplicate the list's own key instead
            return path.size() > 1 ? duplicated(root, path.subList(0, path.size() - 1)) : write(root);
        }
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            writeWithDuplicate(g, root, parent, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writeWithDuplicate(JsonGenerator g, JsonNode node, JsonNode target, String key)
            throws IOException {
        if (node.isObject()) {
            g.writeStartObject();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> f = it.next();
                int times = node == target && f.getKey().equals(key) ? 2 : 1;
                for (int i = 0; i < times; i++) {
                    g.writeFieldName(f.getKey());
                    writeWithDuplicate(g, f.getValue(), target, key);
                }
            }
            g.writeEndObject();
        } else if (node.isArray()) {
            g.writeStartArray();
            for (JsonNode element : node) {
                writeWithDuplicate(g, element, target, key);
            }
            g.writeEndArray();
        } else {
            g.writeTree(node);
        }
    }
}
