package org.corridor.common.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The walker's bad bodies and the examples it builds from a document, as SmallRye serves OpenAPI 3.1. */
class BadBodiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void everyFieldAtEveryDepthGetsEveryVariant() throws Exception {
        JsonNode body = json("{\"reference\":\"r\",\"lines\":[{\"lotId\":\"l\",\"quantity\":1}]}");
        List<BadBodies.Variant> variants = BadBodies.of(body);
        // fields: reference, lines, lines[0], lines[0].lotId, lines[0].quantity; objects: body, lines[0]
        int perField = 6 + BadBodies.LIMITS.size();
        assertEquals(5 * perField + 2, variants.size());
        BadBodies.Variant twice = variants.stream().filter(v -> v.label().equals("lines[0].quantity given twice"))
                .findFirst().orElseThrow();
        assertEquals("{\"reference\":\"r\",\"lines\":[{\"lotId\":\"l\",\"quantity\":1,\"quantity\":1}]}", twice.json());
        assertTrue(variants.stream().anyMatch(v -> v.label().equals("reference = 9223372036854775808")
                && v.json().contains("\"reference\":9223372036854775808")));
        assertTrue(variants.stream().anyMatch(v -> v.label().equals("unknown field in lines[0]")
                && v.json().contains("{\"lotId\":\"l\",\"quantity\":1,\"" + BadBodies.UNKNOWN_FIELD + "\":\"x\"}")));
        assertTrue(variants.stream().anyMatch(v -> v.label().equals("lines of the wrong type")
                && v.json().contains("\"lines\":\"not a list\"")));
    }

    @Test
    void examplesComeFromTheSchemaWithRefsResolvedAndHintsFirst() throws Exception {
        OpenApiDocument doc = new OpenApiDocument(
                json("""
                        {"openapi": "3.1.0", "paths": {"/api/v1/things/{id}": {"post": {
                           "parameters": [{"name": "id", "in": "path", "schema": {"$ref": "#/components/schemas/UUID"}},
                                          {"name": "Idempotency-Key", "in": "header", "schema": {"type": "string"}}],
                           "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}},
                           "get": {}}},
                         "components": {"schemas": {
                           "UUID": {"type": "string", "format": "uuid"},
                           "Kind": {"type": "string", "enum": ["SMALL", "LARGE"]},
                           "Thing": {"type": "object", "properties": {
                             "name": {"type": "string", "examples": ["Tent"]},
                             "ownerId": {"description": "Owner", "$ref": "#/components/schemas/UUID"},
                             "kind": {"$ref": "#/components/schemas/Kind"},
                             "count": {"type": ["integer", "null"], "minimum": 5},
                             "tags": {"type": "array", "items": {"type": "string"}}}}}}}
                        """));
        List<OpenApiDocument.Operation> ops = doc.operations();
        assertEquals(2, doc.operationCount());
        OpenApiDocument.Operation post = ops.get(1);
        assertEquals("POST /api/v1/things/{id}", post.key());
        assertTrue(post.hasHeader("idempotency-key"));
        assertEquals("uuid", post.in("path").get(0).schema().path("format").asText());
        JsonNode example = doc.example(post.bodySchema(),
                name -> name.equals("ownerId") ? JSON.getNodeFactory().textNode("real-owner") : null);
        assertEquals("{\"name\":\"Tent\",\"ownerId\":\"real-owner\",\"kind\":\"SMALL\",\"count\":5,"
                + "\"tags\":[\"x\"]}", example.toString());
    }
}
