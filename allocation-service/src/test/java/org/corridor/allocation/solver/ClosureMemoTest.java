package org.corridor.allocation.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.corridor.allocation.solver.api.SolverInput;
import org.corridor.allocation.solver.move.RouteClosureMoves;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Route closures skip a closure that one item alone made fail while that item's flows and the arcs carrying it are
 * unchanged, and one where an item it carries would have no lot with room on a running route once the route is closed.
 * A skip must never drop a closure that would succeed: with every skipped closure tried all the same, none succeeds
 * over a seeded solve of the generated medium instance, and the plan is the one recorded for that solve.
 */
class ClosureMemoTest {

    @AfterEach
    void stopChecking() {
        RouteClosureMoves.checkSkips(false);
    }

    @Test
    void everySkippedClosureWouldHaveFailed() {
        SolverInput input = SeededPlanFingerprintTest
                .withoutIncidentFairness(new InstanceGenerator(42).generate(50, 20, 50));
        SeededPlanFingerprintTest.Case recorded = SeededPlanFingerprintTest.RECORDED.get(0);
        long before = RouteClosureMoves.skipsChecked();
        RouteClosureMoves.checkSkips(true);

        // throws where a skipped closure succeeds
        List<String> plan = SeededPlanFingerprintTest.seededPlan(input, recorded.seed(), recorded.steps());

        long checked = RouteClosureMoves.skipsChecked() - before;
        assertTrue(checked >= 1_000, "only " + checked + " closures were skipped: the skips are not at work");
        assertEquals(recorded.sha256(), SeededPlanFingerprintTest.sha256(plan),
                "trying the skipped closures changed the plan");
    }
}
