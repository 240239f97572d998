package org.corridor.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The console server routes {@code /api/v1} paths exactly as the Kubernetes Ingress does. */
class ApiRoutesTest {

    /** (path, service) pairs in the order of {@code k8s/base/ingress.yaml}. */
    private static List<String[]> ingressRules() throws Exception {
        List<String> lines = Files.readAllLines(CorridorSystem.repoRoot().resolve("k8s/base/ingress.yaml"));
        List<String[]> rules = new ArrayList<>();
        String path = null;
        for (String line : lines) {
            String l = line.trim();
            if (l.startsWith("- path: ")) {
                path = l.substring("- path: ".length());
            } else if (path != null && l.startsWith("name: ") && l.endsWith("-service")) {
                rules.add(new String[]{path, l.substring("name: ".length(), l.length() - "-service".length())});
                path = null;
            }
        }
        return rules;
    }

    @Test
    void sameRulesAsTheIngress() throws Exception {
        List<String[]> ingress = ingressRules();
        assertEquals(ingress.size(), ApiRoutes.ROUTES.size(), "one route per Ingress path");
        for (String[] rule : ingress) {
            assertTrue(ApiRoutes.ROUTES.stream().anyMatch(r -> r.path().equals(rule[0]) && r.service().equals(rule[1])),
                    "the Ingress sends " + rule[0] + " to " + rule[1] + "-service; the console server must too");
        }
    }

    @Test
    void deliverySummaryGoesToShipmentOtherIncidentPathsToAllocation() {
        assertEquals(Optional.of("shipment"), ApiRoutes.serviceFor("/api/v1/incidents/5b0e/delivery-summary"));
        assertEquals(Optional.of("allocation"), ApiRoutes.serviceFor("/api/v1/incidents/5b0e/needs"));
        assertEquals(Optional.of("allocation"), ApiRoutes.serviceFor("/api/v1/incidents"));
        assertEquals(Optional.of("inventory"), ApiRoutes.serviceFor("/api/v1/stock/summary"));
        assertEquals(Optional.of("shipment"), ApiRoutes.serviceFor("/api/v1/shipments/1/events"));
    }

    @Test
    void prefixesMatchWholeSegmentsOnly() {
        assertEquals(Optional.empty(), ApiRoutes.serviceFor("/api/v1/stockpiles"));
        assertEquals(Optional.empty(), ApiRoutes.serviceFor("/api/v1/unknown"));
        assertEquals(Optional.empty(), ApiRoutes.serviceFor("/q/health"));
    }
}
