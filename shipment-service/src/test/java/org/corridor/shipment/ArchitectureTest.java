package org.corridor.shipment;

import java.util.stream.Stream;
import org.corridor.common.testing.ArchitectureRules;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** shipment-service follows the skeleton every service shares (docs/architecture.md). */
class ArchitectureTest {

    @TestFactory
    Stream<DynamicTest> followsTheSkeleton() {
        return ArchitectureRules.forService("org.corridor.shipment").dynamicTests();
    }
}
