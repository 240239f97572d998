package org.corridor.common.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.corridor.common.testing.OpenApiDocument.Operation;
import org.corridor.common.testing.OpenApiDocument.Parameter;

/**
 * Walks every operation of the OpenAPI document a service serves ({@code /q/openapi?format=json}) and sends it bad
 * input, as an API fuzzer would: for a JSON body, every variant of {@link BadBodies} (each field given twice, of the
 * wrong type, null, empty, 10 kB long, at and beyond the int and long limits, and an unknown field in every object);
 * for every query parameter, {@link #QUERY_VALUES} (huge and negative numbers, a 10 kB string, garbage); for an
 * operation that takes an {@code Idempotency-Key}, an over-long key. Every request carries a valid bearer token and,
 * where the operation takes one, a fresh {@code Idempotency-Key}.
 * <p>
 * The rule checked on every answer: never a 5xx, and every 4xx is an RFC 9457 problem ({@code application/problem+json}
 * with the answer's status and a human {@code detail}). Breaches are collected, not thrown one by one, so that a run
 * names all of them ({@link Report#assertClean()}).
 * <p>
 * Path parameters get real ids where the test gives them ({@link #pathValue}), else the parameter's example or a random
 * UUID; body fields named in {@link #fieldValue} get that value in the valid body (a real organisation, lot or site),
 * and {@link #body} replaces the body built from the schema for one operation. Operations are walked in document order,
 * every DELETE after all others.
 */
public final class OpenApiBadInput {

    /** Values sent for each query parameter, one at a time. */
    public static final List<String> QUERY_VALUES = List.of("-1", "2147483647", "2147483648", "-2147483649",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e999",
            "123456789012345678901234567890", BadBodies.TEN_KB, "garbage", "' OR '1'='1", BadBodies.NUL,
            java.time.Instant.MAX.toString());

    /** Over-long {@code Idempotency-Key}s: one character beyond the limit of 200, and 10 kB. */
    public static final List<String> LONG_KEYS = List.of("k".repeat(201), BadBodies.TEN_KB);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BODY_EXCERPT = 300;

    private final String token;
    private final Map<String, Supplier<String>> pathValues = new LinkedHashMap<>();
    private final Map<String, Supplier<Object>> fieldValues = new LinkedHashMap<>();
    private final Map<String, Supplier<Object>> bodies = new LinkedHashMap<>();

    private OpenApiBadInput(String token) {
        this.token = token;
    }

    /** A walker that sends {@code token} as the bearer token of every request. */
    public static OpenApiBadInput withToken(String token) {
        return new OpenApiBadInput(token);
    }

    /**
     * The value of a path parameter, asked for anew for each operation whose path contains {@code segment}, e.g.
     * {@code pathValue("teams/{id}", () -> teamId)} for {@code /api/v1/teams/{id}} and
     * {@code /api/v1/teams/{id}/assignment}.
     */
    public OpenApiBadInput pathValue(String segment, Supplier<String> value) {
        pathValues.put(segment, value);
        return this;
    }

    /** The value of every body field named {@code field}, at any depth, in the valid body built from a schema. */
    public OpenApiBadInput fieldValue(String field, Supplier<Object> value) {
        fieldValues.put(field, value);
        return this;
    }

    /** The valid body of one operation ({@code "POST /api/v1/plans"}), instead of the one built from its schema. */
    public OpenApiBadInput body(String operation, Supplier<Object> body) {
        bodies.put(operation, body);
        return this;
    }

    /** What a walk did: operations in the document and walked, requests sent, answers by status, and breaches. */
    public record Report(int documentOperations, int operations, int requests, Map<Integer, Integer> statuses,
            List<String> failures) {

        /** No 5xx, and a problem on every 4xx. */
        public void assertClean() {
            assertTrue(failures.isEmpty(), failures.size() + " of " + requests + " requests broke the rule:\n"
                    + failures.stream().limit(60).collect(Collectors.joining("\n")));
        }

        public String summary() {
            return operations + " of " + documentOperations + " operations, " + requests
                    + " requests, answers by status " + statuses + ", " + failures.size() + " breaches";
        }
    }

    /** Fetches the served document and walks it. */
    public Report run() {
        String json = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
        return run(OpenApiDocument.parse(json));
    }

    /** Walks {@code document}. */
    public Report run(OpenApiDocument document) {
        List<Operation> ops = new ArrayList<>(document.operations());
        ops.sort(Comparator.comparing(op -> op.method().equals("delete")));
        Walk walk = new Walk();
        for (Operation op : ops) {
            walk.operation(document, op);
        }
        return new Report(document.operationCount(), walk.operations, walk.requests, walk.statuses,
                walk.failures);
    }

    /** The state of one walk. */
    private final class Walk {

        private int operations;
        private int requests;
        private final Map<Integer, Integer> statuses = new TreeMap<>();
        private final List<String> failures = new ArrayList<>();

        void operation(OpenApiDocument document, Operation op) {
            String path = concretePath(op);
            JsonNode body = validBody(document, op);
            String validJson = body == null ? null : BadBodies.write(body);
            int before = requests;
            send(op, path, Map.of(), validJson, "as documented", null);
            for (Parameter q : op.in("query")) {
                for (String value : QUERY_VALUES) {
                    send(op, path, Map.of(q.name(), value), validJson, "query " + q.name() + "=" + label(value),
                            null);
                }
            }
            if (op.hasHeader("Idempotency-Key")) {
                for (String key : LONG_KEYS) {
                    send(op, path, Map.of(), validJson, "Idempotency-Key of " + key.length() + " characters", key);
                }
            }
            if (body != null) {
                for (BadBodies.Variant v : BadBodies.of(body)) {
                    send(op, path, Map.of(), v.json(), v.label(), null);
                }
            }
            if (requests > before) {
                operations++;
            }
        }

        private void send(Operation op, String path, Map<String, String> query, String body, String label,
                String key) {
            RequestSpecification spec = given().header("Authorization", "Bearer " + token)
                    .accept("application/json, application/problem+json");
            if (op.hasHeader("Idempotency-Key")) {
                spec.header("Idempotency-Key", key != null ? key : UUID.randomUUID().toString());
            }
            if (body != null) {
                spec.contentType("application/json").body(body);
            }
            query.forEach(spec::queryParam);
            Response r = spec.request(op.method().toUpperCase(), path);
            requests++;
            statuses.merge(r.statusCode(), 1, Integer::sum);
            String breach = breach(r);
            if (breach != null) {
                failures.add(op.key() + " [" + label + "] -> " + r.statusCode() + ": " + breach);
            }
        }
    }

    /** What is wrong with the answer, or null when it follows the rule. */
    static String breach(Response r) {
        int status = r.statusCode();
        String text = r.asString();
        if (status >= 500) {
            return "a server error: " + shorten(text);
        }
        if (status < 400) {
            return null;
        }
        String type = r.contentType();
        if (type == null || !type.startsWith("application/problem+json")) {
            return "not a problem (Content-Type " + type + "): " + shorten(text);
        }
        try {
            JsonNode problem = JSON.readTree(text);
            if (problem == null || problem.path("status").asInt() != status) {
                return "the problem's status is not " + status + ": " + shorten(text);
            }
            if (problem.path("detail").asText("").isBlank()) {
                return "the problem has no detail: " + shorten(text);
            }
        } catch (IOException e) {
            return "the problem is not JSON: " + shorten(text);
        }
        return null;
    }

    private String concretePath(Operation op) {
        String path = op.path();
        for (Parameter p : op.in("path")) {
            String placeholder = "{" + p.name() + "}";
            String value = null;
            for (Map.Entry<String, Supplier<String>> given : pathValues.entrySet()) {
                if (given.getKey().contains(placeholder) && path.contains("/" + given.getKey())) {
                    value = given.getValue().get();
                    break;
                }
            }
            if (value == null) {
                value = p.example() != null ? p.example().asText() : defaultPathValue(p);
            }
            path = path.replace(placeholder, value);
        }
        return path;
    }

    private static String defaultPathValue(Parameter p) {
        String format = p.schema().path("format").asText("");
        return format.equals("uuid") || p.name().toLowerCase().endsWith("id") ? UUID.randomUUID().toString() : "x";
    }

    private JsonNode validBody(OpenApiDocument document, Operation op) {
        Supplier<Object> given = bodies.get(op.key());
        if (given != null) {
            return JSON.valueToTree(given.get());
        }
        if (op.bodySchema() == null) {
            return null;
        }
        Map<String, JsonNode> hints = new LinkedHashMap<>();
        fieldValues.forEach((field, value) -> hints.put(field, JSON.valueToTree(value.get())));
        return document.example(op.bodySchema(), hints::get);
    }

    private static String label(String value) {
        return value.length() <= 40 ? value : "<" + value.length() + " characters>";
    }

    private static String shorten(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= BODY_EXCERPT
                ? text
                : text.substring(0, BODY_EXCERPT) + "...(" + text.length()
                        + " characters)";
    }
}
