package org.corridor.shipment.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.FaultToleranceOperationProvider;
import io.smallrye.faulttolerance.config.FaultToleranceOperation;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.corridor.shipment.client.allocation.AllocationGateway;
import org.corridor.shipment.client.inventory.InventoryGateway;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.junit.jupiter.api.Test;

/**
 * The gateways inherit common's fault-tolerance policy (UpstreamGateway) and the MicroProfile Fault Tolerance
 * properties that tune it per gateway class take effect: inventory's 15 s and allocation's 10 s timeouts from
 * application.properties, and the short retry delay the tests set (UpstreamServicesResource).
 */
@QuarkusTest
class UpstreamPolicyTest {

    @Inject
    FaultToleranceOperationProvider operations;

    @Test
    void inventoryCallsHaveTheirOwnFifteenSecondTimeoutAndRetriesWithTheTestsShortDelay() throws Exception {
        for (String method : List.of("consume", "release")) {
            FaultToleranceOperation op = operations.get(InventoryGateway.class,
                    InventoryGateway.class.getMethod(method, UUID.class, UUID.class, List.class));
            // a settlement carries up to 5,000 lines: 15 s per attempt (application.properties)
            assertEquals(Duration.ofSeconds(15), timeout(op.getTimeout()), method);
            assertEquals(2, op.getRetry().maxRetries(), method);
            assertEquals(Duration.ofMillis(20), delay(op.getRetry()), method);
        }
    }

    @Test
    void allocationCallsHaveTheirOwnTenSecondTimeout() throws Exception {
        FaultToleranceOperation op = operations.get(AllocationGateway.class,
                AllocationGateway.class.getMethod("needs", UUID.class));
        assertEquals(Duration.ofSeconds(10), timeout(op.getTimeout()));
        assertEquals(2, op.getRetry().maxRetries());
        assertEquals(Duration.ofMillis(20), delay(op.getRetry()));
    }

    private static Duration timeout(Timeout t) {
        return Duration.of(t.value(), t.unit());
    }

    private static Duration delay(Retry r) {
        return Duration.of(r.delay(), r.delayUnit());
    }
}
