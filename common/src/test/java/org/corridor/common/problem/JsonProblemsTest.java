package org.corridor.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.corridor.common.json.StrictJson;
import org.corridor.jsonfixture.rest.dto.LineRequest;
import org.junit.jupiter.api.Test;

/** What a client is told about a body the service's mapper cannot read: the field, and what is wrong with it. */
class JsonProblemsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        // as Quarkus builds the services' mapper: with java.time, then the customizer
        MAPPER.registerModule(new JavaTimeModule());
        new StrictJson().customize(MAPPER);
    }

    private static Problem problemFor(String json) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> MAPPER.readValue(json, LineRequest.class));
        Problem p = JsonProblems.describe(e);
        assertEquals(400, p.status());
        assertFalse(p.detail().contains("jackson") || p.detail().contains("org.corridor"), p.detail());
        return p;
    }

    @Test
    void aDuplicatedKeyIsNamedWithItsPath() {
        Problem p = problemFor("{\"reference\":\"a\",\"reference\":\"b\"}");
        assertEquals("reference is given more than once; give each field once", p.detail());
        assertEquals("reference", p.errors().get(0).field());
        Problem nested = problemFor("{\"items\":[{\"lotId\":\"a\",\"lotId\":\"a\"}]}");
        assertEquals("items[0].lotId", nested.errors().get(0).field());
    }

    @Test
    void anUnknownFieldIsNamedWithTheFieldsAccepted() {
        Problem p = problemFor("{\"reference\":\"a\",\"colour\":\"blue\"}");
        assertEquals(
                "colour is not a known field; the fields accepted here are at, expiresOn, items, quantity, reference, total",
                p.detail());
        Problem nested = problemFor("{\"items\":[{\"size\":1}]}");
        assertEquals("items[0].size is not a known field; the fields accepted here are count, lotId",
                nested.detail());
    }

    @Test
    void aNumberBeyondItsTypeSaysTheRange() {
        assertEquals("quantity is out of range: must be a whole number from -2147483648 to 2147483647",
                problemFor("{\"quantity\":2147483648}").detail());
        assertEquals("total is out of range: must be a whole number from -9223372036854775808 to "
                + "9223372036854775807", problemFor("{\"total\":9223372036854775808}").detail());
        assertEquals("items[0].count is out of range: must be a whole number from -2147483648 to 2147483647",
                problemFor("{\"items\":[{\"count\":-2147483649}]}").detail());
    }

    @Test
    void aValueOfTheWrongTypeSaysWhatIsExpected() {
        assertEquals("quantity must be a whole number from -2147483648 to 2147483647",
                problemFor("{\"quantity\":\"many\"}").detail());
        assertEquals("quantity must be a whole number from -2147483648 to 2147483647",
                problemFor("{\"quantity\":1.5}").detail());
        assertEquals("reference must be text", problemFor("{\"reference\":{\"a\":1}}").detail());
        assertEquals("items must be a list", problemFor("{\"items\":\"none\"}").detail());
        assertEquals("The request body must be an object", problemFor("[1, 2]").detail());
    }

    @Test
    void textWithANulCharacterIsRefusedBeforeTheDatabaseSeesIt() {
        assertEquals("reference must not contain the NUL character (U+0000)",
                problemFor("{\"reference\":\"a\\u0000b\"}").detail());
        assertEquals("items[0].lotId must not contain the NUL character (U+0000)",
                problemFor("{\"items\":[{\"lotId\":\"\\u0000\"}]}").detail());
    }

    @Test
    void instantsAndDatesBeyondWhatTheDatabaseStoresAreRefused() throws Exception {
        assertEquals("at must be between years 1 and 9999",
                problemFor("{\"at\":\"+1000000000-12-31T23:59:59.999999999Z\"}").detail());
        assertEquals("at must be between years 1 and 9999",
                problemFor("{\"at\":\"-0001-12-31T00:00:00Z\"}").detail());
        assertEquals("expiresOn must be between years 1 and 9999",
                problemFor("{\"expiresOn\":\"+10000-01-01\"}").detail());
        LineRequest edges = MAPPER.readValue("{\"at\":\"9999-12-31T23:59:59Z\",\"expiresOn\":\"0001-01-01\"}",
                LineRequest.class);
        assertEquals(java.time.LocalDate.of(1, 1, 1), edges.expiresOn());
    }

    @Test
    void textThatIsNotJsonSaysWhere() {
        Problem p = problemFor("{\"reference\": ");
        assertEquals(null, p.errors());
        assertEquals(true, p.detail().startsWith("The request body is not valid JSON"), p.detail());
    }
}
