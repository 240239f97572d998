package org.corridor.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.corridor.clients.allocation.ApiClient;
import org.corridor.clients.allocation.model.PlanStatus;
import org.corridor.clients.allocation.model.PlanSummary;
import org.junit.jupiter.api.Test;

/**
 * The strict reading of {@link GeneratedClients} can fail: what {@code ApiClientsFlowIT} relies on to catch a document
 * that does not describe the service.
 */
class GeneratedClientsTest {

    private final ObjectMapper strict = GeneratedClients.strict(ApiClient.createDefaultObjectMapper());

    @Test
    void documentedFieldsAndValuesAreRead() throws Exception {
        PlanSummary plan = strict.readValue("{\"id\":\"c0ffee00-1234-4abc-8def-0123456789ab\",\"status\":\"SOLVED\"}",
                PlanSummary.class);
        assertEquals(PlanStatus.SOLVED, plan.getStatus());
    }

    @Test
    void aFieldTheDocumentDoesNotNameFails() {
        var e = assertThrows(UnrecognizedPropertyException.class,
                () -> strict.readValue("{\"status\":\"SOLVED\",\"colour\":\"red\"}", PlanSummary.class));
        assertEquals("colour", e.getPropertyName());
    }

    @Test
    void theGeneratedMapperAlonePassesItOver() throws Exception {
        PlanSummary plan = ApiClient.createDefaultObjectMapper()
                .readValue("{\"status\":\"SOLVED\",\"colour\":\"red\"}", PlanSummary.class);
        assertEquals(PlanStatus.SOLVED, plan.getStatus());
    }

    @Test
    void anEnumValueTheDocumentDoesNotListFails() {
        assertThrows(JsonMappingException.class,
                () -> strict.readValue("{\"status\":\"PAUSED\"}", PlanSummary.class));
    }

    @Test
    void theAnswersMediaTypeMustBeOneTheDocumentLists() {
        String accept = "application/json, text/csv, application/problem+json";
        assertTrue(GeneratedClients.isAccepted("application/json;charset=UTF-8", accept));
        assertTrue(GeneratedClients.isAccepted("application/problem+json", accept));
        assertFalse(GeneratedClients.isAccepted("text/plain", accept));
        assertFalse(GeneratedClients.isAccepted("text/csv", "application/json, application/problem+json"));
        assertFalse(GeneratedClients.isAccepted("", accept));
    }
}
