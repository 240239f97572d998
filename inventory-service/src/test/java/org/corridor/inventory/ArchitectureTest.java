package org.corridor.inventory;

import java.util.stream.Stream;
import org.corridor.common.testing.ArchitectureRules;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The skeleton every Corridor service follows ({@code docs/architecture.md}), checked on this service's classes. */
class ArchitectureTest {

    @TestFactory
    Stream<DynamicTest> followsTheSkeleton() {
        return ArchitectureRules.forService("org.corridor.inventory").dynamicTests();
    }
}
