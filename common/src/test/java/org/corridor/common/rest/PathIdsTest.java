package org.corridor.common.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.PathSegment;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a malformed id is said to name, read from the collection before it in the path. */
class PathIdsTest {

    @Test
    void theCollectionBeforeTheIdNamesIt() {
        assertEquals("Shipment", PathIds.named("x1", path("api", "v1", "shipments", "x1", "events")));
        assertEquals("Access rule", PathIds.named("x2", path("api", "v1", "access-rules", "x2")));
        assertEquals("Event", PathIds.named("e", path("api", "v1", "shipments", "s", "events", "e")));
        assertEquals("Resource", PathIds.named("absent", path("api", "v1", "plans")));
    }

    private static List<PathSegment> path(String... segments) {
        return Arrays.stream(segments).map(PathIdsTest::segment).toList();
    }

    private static PathSegment segment(String value) {
        return new PathSegment() {
            @Override
            public String getPath() {
                return value;
            }

            @Override
            public MultivaluedMap<String, String> getMatrixParameters() {
                return new MultivaluedHashMap<>();
            }
        };
    }
}
