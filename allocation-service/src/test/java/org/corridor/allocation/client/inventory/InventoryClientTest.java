package org.corridor.allocation.client.inventory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.corridor.allocation.service.InventoryReads;
import org.corridor.allocation.support.InjectWireMock;
import org.corridor.allocation.support.InventoryStubs;
import org.corridor.allocation.support.InventoryWireMock;
import org.corridor.common.client.UpstreamUnavailableException;
import org.corridor.common.problem.ProblemException;
import org.corridor.common.security.Roles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The inventory client over real HTTP: paging, retry of a transient failure, 404 as an answer, 503 when down. */
@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class InventoryClientTest {

    @InjectWireMock
    WireMockServer inventory;

    @Inject
    InventoryReads client;

    @Inject
    InventoryGateway gateway;

    @BeforeEach
    @AfterEach
    void restoreInventory() {
        InventoryWireMock.stubDefaults(inventory);
    }

    @Test
    void pagesThroughEveryPageOfTheSnapshot() {
        String team = """
                {"id":"%s","name":"Team %s","countryCode":"TUR","organisationId":null,"type":"USAR_LIGHT","members":17,
                 "baseLatitude":41,"baseLongitude":29,"mobilisationHours":6,"selfSufficiencyDays":7,"status":"AVAILABLE",
                 "assignmentReference":null}""";
        for (int page = 0; page < 3; page++) {
            String body = "{\"items\":[" + team.formatted("00000000-0000-4000-8000-00000000010" + page, page)
                    + "],\"page\":" + page + ",\"size\":500,\"total\":3}";
            inventory.stubFor(WireMock.get(urlPathEqualTo("/api/v1/teams")).atPriority(1)
                    .withQueryParam("page", equalTo(String.valueOf(page)))
                    .withQueryParam("status", equalTo("AVAILABLE"))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));
        }
        InventoryReads.Snapshot snapshot = client.snapshot();
        assertEquals(List.of("Team 0", "Team 1", "Team 2"),
                snapshot.teams().stream().map(InventoryClient.Team::name).toList());
        assertEquals(InventoryStubs.AVAILABLE.size(), snapshot.lots().size());
        assertTrue(snapshot.lots().stream().allMatch(l -> l.available() == InventoryStubs.AVAILABLE.get(l.lotId())));
        assertEquals(InventoryStubs.ITEMS.size(), snapshot.items().size());
        inventory.verify(
                getRequestedFor(urlPathEqualTo("/api/v1/stock")).withQueryParam("availableOnly", equalTo("true")));
        // every read carried allocation-service's own SERVICE token
        var calls = inventory
                .findAll(WireMock.anyRequestedFor(WireMock.urlPathMatching("/api/v1/(stock|teams|items)")));
        assertTrue(calls.size() >= 5, String.valueOf(calls.size()));
        calls.forEach(org.corridor.allocation.support.ServiceTokenAssert::assertServiceToken);
    }

    @Test
    void retriesATransientFailure() {
        inventory.stubFor(WireMock.get(urlPathEqualTo("/api/v1/countries/JOR")).atPriority(0).inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("recovered"));
        inventory.stubFor(WireMock.get(urlPathEqualTo("/api/v1/countries/JOR")).atPriority(0).inScenario("flaky")
                .whenScenarioStateIs("recovered")
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(InventoryStubs.COUNTRIES.get("JOR"))));
        assertEquals("Jordan", client.country("JOR").orElseThrow().name());
        inventory.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/countries/JOR")));
    }

    @Test
    void notFoundIsAnAnswerAndIsNotRetried() {
        assertTrue(client.item("NO-SUCH-ITEM").isEmpty());
        inventory.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/items/NO-SUCH-ITEM")));
    }

    @Test
    void downIsA503Problem() {
        inventory.stubFor(WireMock.any(WireMock.anyUrl()).atPriority(0).willReturn(aResponse().withStatus(502)));
        ProblemException e = assertThrows(ProblemException.class, () -> client.snapshot());
        assertEquals(503, e.status());
        assertEquals("Inventory service unavailable", e.title());
        // tried three times (one call and two retries)
        inventory.verify(3, getRequestedFor(urlPathEqualTo("/api/v1/items")));
    }

    @Test
    void looksUpLotsInBatchesOfFiftyIds() {
        List<UUID> ids = new ArrayList<>(IntStream.range(0, 118).mapToObj(i -> UUID.randomUUID()).toList());
        ids.add(40, InventoryStubs.LOT_TENT_DUBAI);
        ids.add(InventoryStubs.LOT_BLANKET_GAZIANTEP);
        Map<UUID, InventoryClient.StockLot> found = gateway.lots(ids);
        assertEquals(Set.of(InventoryStubs.LOT_TENT_DUBAI, InventoryStubs.LOT_BLANKET_GAZIANTEP), found.keySet());
        assertEquals("ARE", found.get(InventoryStubs.LOT_TENT_DUBAI).countryCode());
        List<LoggedRequest> calls = inventory.findAll(getRequestedFor(urlPathEqualTo("/api/v1/stock")));
        assertEquals(List.of(50, 50, 20), calls.stream().map(r -> r.queryParameter("lotId").values().size()).toList());
        assertEquals(Set.copyOf(ids), calls.stream().flatMap(r -> r.queryParameter("lotId").values().stream())
                .map(UUID::fromString).collect(java.util.stream.Collectors.toSet()));
        calls.forEach(r -> assertFalse(r.queryParameter("page").isPresent(),
                "a lookup, not a walk through the stock list"));
    }

    @Test
    void aLotLookupWhileInventoryIsDownFailsAfterTheGatewaysRetries() {
        inventory.stubFor(WireMock.get(urlPathEqualTo("/api/v1/stock")).atPriority(0)
                .willReturn(aResponse().withStatus(503)));
        // the gateway's failure, which the REST layer answers as 503 + Retry-After (DataExchangeTest checks the 3W)
        assertThrows(UpstreamUnavailableException.class, () -> gateway.lots(List.of(InventoryStubs.LOT_TENT_DUBAI)));
        // tried three times (one call and two retries)
        inventory.verify(3, getRequestedFor(urlPathEqualTo("/api/v1/stock")));
    }
}
