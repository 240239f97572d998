package org.corridor.allocation.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.corridor.allocation.solver.api.AllocationPlanner;
import org.corridor.allocation.solver.api.PlanOutcome;
import org.corridor.allocation.solver.api.PlanSolve;
import org.corridor.allocation.solver.api.SolveListener;
import org.corridor.allocation.solver.api.SolvedPlan;
import org.corridor.allocation.solver.api.SolverInput;
import org.junit.jupiter.api.Test;

/**
 * The solving of one plan by two searches side by side, as the service runs it: the listener hears of better and better
 * plans, then once of the end, and a stop ends every search.
 */
class PlanSolveTest {

    private static final SolverInput MEDIUM = new InstanceGenerator(42).generate(50, 20, 50);
    private static final AllocationPlanner PLANNER = new AllocationPlanner(AllocationSolverConfig.solverConfig());

    /** Records what the listener hears. */
    static final class Heard implements SolveListener {
        final List<PlanOutcome> bests = new CopyOnWriteArrayList<>();
        final AtomicReference<PlanOutcome> finished = new AtomicReference<>();
        final AtomicInteger ends = new AtomicInteger();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final CountDownLatch firstBest = new CountDownLatch(1);
        final CountDownLatch end = new CountDownLatch(1);

        @Override
        public void bestSolution(SolvedPlan best) {
            bests.add(best.outcome());
            firstBest.countDown();
        }

        @Override
        public void finished(SolvedPlan best) {
            finished.set(best.outcome());
            ends.incrementAndGet();
            end.countDown();
        }

        @Override
        public void failed(Throwable error) {
            failure.set(error);
            ends.incrementAndGet();
            end.countDown();
        }
    }

    private static void awaitNotSolving(PlanSolve solve) throws InterruptedException {
        for (int i = 0; i < 100 && solve.isSolving(); i++) {
            Thread.sleep(20);
        }
    }

    @Test
    void theListenerHearsBetterPlansThenTheEndOnce() throws InterruptedException {
        PlanSolve solve = PLANNER.newSolve(UUID.randomUUID(), Duration.ofSeconds(4), Duration.ofSeconds(4), 2, 10_000);
        Heard heard = new Heard();
        solve.start(MEDIUM, heard);
        assertTrue(solve.isSolving());
        assertTrue(heard.end.await(60, TimeUnit.SECONDS), "no end within a minute");
        awaitNotSolving(solve);
        assertFalse(solve.isSolving());
        solve.close();

        assertEquals(null, heard.failure.get());
        assertEquals(1, heard.ends.get());
        PlanOutcome fin = heard.finished.get();
        assertTrue(fin.feasible(), fin.score());
        assertFalse(heard.bests.isEmpty());
        // each plan heard of is better than the one before, and none better than the final plan
        List<PlanOutcome> initialised = heard.bests.stream().filter(o -> !o.score().contains("init")).toList();
        for (int i = 1; i < initialised.size(); i++) {
            assertTrue(better(initialised.get(i), initialised.get(i - 1)), initialised.get(i).score());
        }
        PlanOutcome lastHeard = initialised.get(initialised.size() - 1);
        assertFalse(better(lastHeard, fin), lastHeard.score() + " heard, " + fin.score() + " final");
        assertFalse(fin.lines().isEmpty());
    }

    private static boolean better(PlanOutcome a, PlanOutcome b) {
        if (a.hardScore() != b.hardScore()) {
            return a.hardScore() > b.hardScore();
        }
        if (a.mediumScore() != b.mediumScore()) {
            return a.mediumScore() > b.mediumScore();
        }
        return a.softScore() > b.softScore();
    }

    @Test
    void aStopEndsBothSearchesWithTheBestPlanSoFar() throws InterruptedException {
        PlanSolve solve = PLANNER.newSolve(UUID.randomUUID(), Duration.ofMinutes(2), Duration.ofMinutes(2), 2,
                10_000);
        Heard heard = new Heard();
        solve.start(MEDIUM, heard);
        assertTrue(heard.firstBest.await(60, TimeUnit.SECONDS), "no plan within a minute");
        solve.terminateEarly();
        assertTrue(heard.end.await(60, TimeUnit.SECONDS), "the searches did not stop");
        awaitNotSolving(solve);
        assertFalse(solve.isSolving());
        solve.close();
        assertNotNull(heard.finished.get());
        assertEquals(1, heard.ends.get());
    }

    @Test
    void aSolveStartsOnce() {
        PlanSolve solve = PLANNER.newSolve(UUID.randomUUID(), Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 20_000);
        Heard heard = new Heard();
        solve.start(MEDIUM, heard);
        assertThrows(IllegalStateException.class, () -> solve.start(MEDIUM, heard));
        solve.close();
    }
}
