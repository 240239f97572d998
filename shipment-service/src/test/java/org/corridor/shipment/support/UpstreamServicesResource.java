package org.corridor.shipment.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * inventory-service and allocation-service, answered over real HTTP by one WireMock server on a free port; the REST
 * clients are pointed at it. Default answers: consume and release of any reservation settle every line asked, as
 * inventory-service does while it holds them ({@link InventorySettlements}); an incident has no needs. Tests add more
 * specific stubs (a down service, stock no longer held, needs of an incident) keyed by their own random ids, so tests
 * never disturb each other. The background retry of pending releases runs every second here, with short waits.
 */
public class UpstreamServicesResource implements QuarkusTestResourceLifecycleManager {

    public static final String INVENTORY_RETRY_DELAY = "org.corridor.shipment.client.inventory.InventoryGateway/Retry/delay";
    public static final String ALLOCATION_RETRY_DELAY = "org.corridor.shipment.client.allocation.AllocationGateway/Retry/delay";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().extensions(new InventorySettlements()));
        server.start();
        server.stubFor(post(urlPathMatching("/api/v1/reservations/([a-f0-9-]+)/consume")).atPriority(10)
                .willReturn(aResponse().withTransformers(InventorySettlements.NAME)));
        server.stubFor(post(urlPathMatching("/api/v1/reservations/([a-f0-9-]+)/release")).atPriority(10)
                .willReturn(aResponse().withTransformers(InventorySettlements.NAME)));
        server.stubFor(get(urlPathMatching("/api/v1/incidents/([a-f0-9-]+)/needs")).atPriority(10)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"items\":[],\"page\":0,\"size\":500,\"total\":0}")));
        String url = "http://localhost:" + server.port();
        return Map.of(
                "quarkus.rest-client.inventory.url", url,
                "quarkus.rest-client.allocation.url", url,
                // keep refused-call tests quick: short pauses between retries. The policy is bound to the gateway
                // class (common's UpstreamGateway), so it is tuned per class, not per method.
                INVENTORY_RETRY_DELAY, "20",
                ALLOCATION_RETRY_DELAY, "20",
                // a pending release is retried within about a second (StockSettlementTest waits for it)
                "corridor.shipment.stock-retry.every", "1s",
                "corridor.shipment.stock-retry.first-delay", "PT0.2S",
                "corridor.shipment.stock-retry.max-delay", "PT1S");
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
