package org.corridor.allocation.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Stands in for inventory-service over real HTTP: a WireMock server answering the inventory API in inventory's shapes
 * ({@link InventoryStubs}). Sets {@code quarkus.rest-client.inventory.url}. Tests get the server through
 * {@link InjectWireMock} to make inventory fail for a while.
 */
public class InventoryWireMock implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        stubDefaults(server);
        return Map.of("quarkus.rest-client.inventory.url", server.baseUrl());
    }

    /** The normal answers; tests that add failure stubs call this again to restore them. */
    public static void stubDefaults(WireMockServer server) {
        server.resetAll();
        String json = "application/json";
        String problem = "application/problem+json";
        server.stubFor(get(urlPathMatching("/api/v1/countries/[^/]+")).atPriority(10)
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", problem)
                        .withBody(
                                "{\"type\":\"https://corridor.example/problems/not-found\",\"title\":\"Country not found\",\"status\":404,\"detail\":\"no such country\"}")));
        InventoryStubs.COUNTRIES.forEach((code, body) -> server.stubFor(get(urlPathEqualTo("/api/v1/countries/" + code))
                .atPriority(1).willReturn(aResponse().withHeader("Content-Type", json).withBody(body))));
        server.stubFor(get(urlPathMatching("/api/v1/items/[^/]+")).atPriority(10)
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", problem)
                        .withBody(
                                "{\"type\":\"https://corridor.example/problems/not-found\",\"title\":\"Item not found\",\"status\":404,\"detail\":\"no such item\"}")));
        InventoryStubs.ITEMS.forEach((code, body) -> server.stubFor(get(urlPathEqualTo("/api/v1/items/" + code))
                .atPriority(1).willReturn(aResponse().withHeader("Content-Type", json).withBody(body))));
        server.stubFor(get(urlPathEqualTo("/api/v1/items")).atPriority(5)
                .willReturn(aResponse().withHeader("Content-Type", json).withBody(InventoryStubs.itemsPage())));
        server.stubFor(get(urlPathEqualTo("/api/v1/stock")).atPriority(5)
                .willReturn(aResponse().withHeader("Content-Type", json).withBody(InventoryStubs.stockPage())));
        server.stubFor(get(urlPathEqualTo("/api/v1/teams")).atPriority(5)
                .willReturn(aResponse().withHeader("Content-Type", json).withBody(InventoryStubs.teamsPage())));
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectWireMock.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
