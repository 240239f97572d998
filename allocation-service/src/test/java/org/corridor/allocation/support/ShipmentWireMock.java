package org.corridor.allocation.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Stands in for shipment-service over real HTTP for the test classes that declare it (restricted to them: the module's
 * other tests run without shipment-service). By default every plan has no shipments; tests stub a plan's shipments
 * (status, dispatch time) or make shipment-service fail. Sets {@code quarkus.rest-client.shipment.url}; tests get the
 * server through {@link InjectShipmentWireMock}.
 */
public class ShipmentWireMock implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        stubDefaults(server);
        return Map.of("quarkus.rest-client.shipment.url", server.baseUrl());
    }

    /** No shipments for any plan. */
    public static void stubDefaults(WireMockServer server) {
        server.resetAll();
        server.stubFor(get(urlPathEqualTo("/api/v1/shipments")).atPriority(10)
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"items\":[],\"page\":0,\"size\":500,\"total\":0}")));
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectShipmentWireMock.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
