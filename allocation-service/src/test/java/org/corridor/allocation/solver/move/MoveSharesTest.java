package org.corridor.allocation.solver.move;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.corridor.allocation.solver.AllocationSolverConfig;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.util.ConfigUtils;

/**
 * The material move shares come from {@code solverConfig.xml} only, and must be complete, as must the closures' tries
 * of random lines' routes.
 */
class MoveSharesTest {

    @Test
    void solverConfigSetsEveryShare() {
        var phases = AllocationSolverConfig.solverConfig().getPhaseConfigList();
        var union = (UnionMoveSelectorConfig) ((LocalSearchPhaseConfig) phases.get(phases.size() - 1))
                .getMoveSelectorConfig();
        MoveIteratorFactoryConfig material = union.getMoveSelectorList().stream()
                .filter(c -> c instanceof MoveIteratorFactoryConfig f
                        && f.getMoveIteratorFactoryClass() == ChunkMoveIteratorFactory.class)
                .map(MoveIteratorFactoryConfig.class::cast).findFirst().orElseThrow();
        Map<String, String> properties = material.getMoveIteratorFactoryCustomProperties();
        // nine shares, and the routes of random lines a closure tries (none in the configuration, which a search alone
        // solves as it is)
        assertEquals(10, properties.size(), properties.toString());
        assertEquals("0", properties.get("randomClosureTries"));

        ChunkMoveIteratorFactory factory = new ChunkMoveIteratorFactory();
        ConfigUtils.applyCustomProperties(factory, "moveIteratorFactoryClass", properties,
                "moveIteratorFactoryCustomProperties");
        double[] thresholds = factory.shares().thresholds();
        for (int i = 1; i < thresholds.length; i++) {
            assertTrue(thresholds[i - 1] <= thresholds[i]);
        }
        assertTrue(thresholds[thresholds.length - 1] < 1, "line changes keep a share");
    }

    @Test
    void aFactoryWithoutSharesFailsNamingTheConfiguration() {
        var e = assertThrows(IllegalStateException.class, () -> new ChunkMoveIteratorFactory().shares());
        assertTrue(e.getMessage().contains("solverConfig.xml"), e.getMessage());
        assertTrue(e.getMessage().contains("transferShare is not set"), e.getMessage());
    }

    @Test
    void sharesMustAddUpToOne() {
        var e = assertThrows(IllegalStateException.class,
                () -> new MoveShares(0.5, 0.2, 0.2, 0.05, 0.01, 0.02, 0.05, 0.01, 0.5));
        assertTrue(e.getMessage().contains("add up to"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> new MoveShares(1.2, -0.2, 0, 0, 0, 0, 0, 0, 0));
    }
}
