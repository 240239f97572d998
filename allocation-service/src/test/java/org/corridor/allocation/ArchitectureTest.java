package org.corridor.allocation;

import java.util.stream.Stream;
import org.corridor.common.testing.ArchitectureRules;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** allocation-service follows the skeleton of docs/architecture.md (common's ArchUnit rules). */
class ArchitectureTest {

    @TestFactory
    Stream<DynamicTest> followsTheSkeleton() {
        return ArchitectureRules.forService("org.corridor.allocation").dynamicTests();
    }
}
