package org.corridor.common.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.corridor.jsonfixture.client.StockAnswer;
import org.corridor.jsonfixture.rest.dto.LineRequest;
import org.junit.jupiter.api.Test;

/** What a service's mapper accepts: strict for requests, lenient for what other services answer. */
class StrictJsonTest {

    static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        return mapper;
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        JsonParseException e = assertThrows(JsonParseException.class,
                () -> mapper().readValue("{\"reference\":\"a\",\"reference\":\"b\"}", LineRequest.class));
        assertTrue(e.getOriginalMessage().contains("reference"), e.getOriginalMessage());
    }

    @Test
    void anUnknownFieldOfARequestIsRefused() {
        UnrecognizedPropertyException e = assertThrows(UnrecognizedPropertyException.class,
                () -> mapper().readValue("{\"reference\":\"a\",\"colour\":\"blue\"}", LineRequest.class));
        assertEquals("colour", e.getPropertyName());
        assertThrows(UnrecognizedPropertyException.class,
                () -> mapper().readValue("{\"items\":[{\"lotId\":\"l\",\"size\":1}]}", LineRequest.class));
    }

    @Test
    void anAnswerFromAnotherServiceMayGainFields() throws Exception {
        StockAnswer a = mapper().readValue("{\"lotId\":\"l1\",\"available\":4,\"addedLater\":{\"x\":1}}",
                StockAnswer.class);
        assertEquals(new StockAnswer("l1", 4), a);
    }

    @Test
    void onlyTypesInAClientPackageAreLenient() {
        assertTrue(StrictJson.isClientWireType(StockAnswer.class));
        assertTrue(StrictJson.isClientWireType(org.corridor.common.client.UpstreamException.class));
        assertEquals(false, StrictJson.isClientWireType(LineRequest.class));
        assertEquals(false, StrictJson.isClientWireType(LineRequest.Item.class));
    }
}
