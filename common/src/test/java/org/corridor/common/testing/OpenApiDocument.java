package org.corridor.common.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * A service's OpenAPI document (3.0 or 3.1, as SmallRye serves it) read for a test: its operations with their
 * parameters and body schema, {@code $ref}s resolved, and a valid-looking example value for any schema, built from the
 * schema's own examples where it has them.
 */
public final class OpenApiDocument {

    /** The HTTP methods an OpenAPI path item may hold operations for, in the order they are walked. */
    public static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 8;
    private static final Set<String> DATE_TIMES = Set.of("date-time", "instant");

    private final JsonNode root;

    public OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    public static OpenApiDocument parse(String json) {
        try {
            return new OpenApiDocument(new ObjectMapper().readTree(json));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not an OpenAPI document in JSON", e);
        }
    }

    /** One parameter of an operation: where it goes ({@code path}, {@code query}, {@code header}), its name, schema. */
    public record Parameter(String in, String name, boolean required, JsonNode schema, JsonNode example) {
    }

    /** One operation: {@code POST /api/v1/teams/{id}/assignment}, its parameters and its JSON body schema (or null). */
    public record Operation(String method, String path, List<Parameter> parameters, JsonNode bodySchema,
            boolean bodyRequired) {

        public String key() {
            return method.toUpperCase() + " " + path;
        }

        public List<Parameter> in(String where) {
            return parameters.stream().filter(p -> p.in().equals(where)).toList();
        }

        public boolean hasHeader(String name) {
            return parameters.stream().anyMatch(p -> p.in().equals("header") && p.name().equalsIgnoreCase(name));
        }
    }

    /** Every operation of the document, in path order, methods in {@link #METHODS} order. */
    public List<Operation> operations() {
        List<Operation> ops = new ArrayList<>();
        JsonNode paths = root.path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op != null) {
                    ops.add(operation(method, path.getKey(), path.getValue(), op));
                }
            }
        }
        return ops;
    }

    private Operation operation(String method, String path, JsonNode item, JsonNode op) {
        List<Parameter> params = new ArrayList<>();
        for (JsonNode source : List.of(item.path("parameters"), op.path("parameters"))) {
            for (JsonNode p : source) {
                JsonNode param = resolve(p);
                params.add(new Parameter(param.path("in").asText(), param.path("name").asText(),
                        param.path("required").asBoolean(false), resolve(param.path("schema")),
                        param.has("example") ? param.get("example") : null));
            }
        }
        JsonNode body = resolve(op.path("requestBody"));
        JsonNode schema = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = body.path("content").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> media = it.next();
            if (media.getKey().contains("json")) {
                schema = media.getValue().path("schema");
            }
        }
        return new Operation(method, path, params, schema, body.path("required").asBoolean(false));
    }

    /**
     * The schema or object a {@code $ref} names, with the referring node's own keywords (description, examples...) laid
     * over it; a node without {@code $ref} as it is.
     */
    public JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < MAX_DEPTH && current != null && current.has("$ref"); i++) {
            String ref = current.get("$ref").asText();
            JsonNode target = pointer(ref);
            ObjectNode merged = target.isObject() ? ((ObjectNode) target).deepCopy() : NODES.objectNode();
            current.fields().forEachRemaining(f -> {
                if (!f.getKey().equals("$ref")) {
                    merged.set(f.getKey(), f.getValue());
                }
            });
            current = merged;
        }
        return current == null ? NODES.missingNode() : current;
    }

    private JsonNode pointer(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("only local $refs are supported: " + ref);
        }
        JsonNode target = root.at(ref.substring(1));
        if (target.isMissingNode()) {
            throw new IllegalArgumentException("dangling $ref " + ref);
        }
        return target;
    }

    /** The schema's first {@code type} that is not {@code "null"} (3.1 allows a list), or null when none is given. */
    public static String type(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return schema.has("properties") ? "object" : null;
        }
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
            return null;
        }
        return type.asText();
    }

    /**
     * A value that fits {@code schema}: a hint for the property's name if {@code hints} has one, else the schema's
     * example, else one built from its type, format, enum and bounds; objects get every property.
     *
     * @param hints property name → value (real ids of fixtures), or null for none
     */
    public JsonNode example(JsonNode schema, Function<String, JsonNode> hints) {
        return example(schema, hints, 0);
    }

    private JsonNode example(JsonNode rawSchema, Function<String, JsonNode> hints, int depth) {
        JsonNode schema = resolve(rawSchema);
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.has(combinator) && schema.get(combinator).size() > 0 && !schema.has("properties")) {
                return example(schema.get(combinator).get(0), hints, depth + 1);
            }
        }
        String type = type(schema);
        if (depth < MAX_DEPTH && "object".equals(type) && schema.has("properties")) {
            ObjectNode object = NODES.objectNode();
            schema.get("properties").fields().forEachRemaining(p -> {
                JsonNode hinted = hints == null ? null : hints.apply(p.getKey());
                object.set(p.getKey(), hinted != null ? hinted : example(p.getValue(), hints, depth + 1));
            });
            return object;
        }
        JsonNode given = givenExample(schema);
        if (given != null) {
            return given;
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(0);
        }
        if (type == null) {
            return NODES.textNode("x");
        }
        return switch (type) {
            case "object" -> NODES.objectNode();
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < MAX_DEPTH) {
                    array.add(example(schema.path("items"), hints, depth + 1));
                }
                yield array;
            }
            case "integer" -> NODES.numberNode(schema.has("minimum") ? Math.max(schema.get("minimum").asLong(), 1) : 1);
            case "number" ->
                NODES.numberNode(schema.has("minimum") ? Math.max(schema.get("minimum").asDouble(), 1) : 1.0);
            case "boolean" -> NODES.booleanNode(true);
            default -> NODES.textNode(string(schema));
        };
    }

    private static JsonNode givenExample(JsonNode schema) {
        JsonNode examples = schema.get("examples");
        if (examples != null && examples.isArray() && examples.size() > 0) {
            return examples.get(0);
        }
        return schema.get("example");
    }

    private static String string(JsonNode schema) {
        String format = schema.path("format").asText("");
        if (format.equals("uuid")) {
            return UUID.randomUUID().toString();
        }
        if (DATE_TIMES.contains(format)) {
            return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        }
        if (format.equals("date")) {
            return LocalDate.now().plusYears(1).toString();
        }
        if (format.equals("duration")) {
            return "PT10S";
        }
        return "x";
    }

    /** How many operations the document has. */
    public int operationCount() {
        return operations().size();
    }
}
