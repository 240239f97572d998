package org.corridor.allocation.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.corridor.allocation.solver.api.SolverInput;
import org.corridor.allocation.solver.move.ChunkMoveIteratorFactory;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.solver.SolverConfig;

/**
 * Several searches of one plan side by side: each follows the trajectory it would follow alone, the best of them is the
 * plan, and a stop or a failure reaches every search.
 */
class PortfolioTest {

    private static final SolverInput MEDIUM = new InstanceGenerator(42).generate(50, 20, 50);

    private static SolverConfig seeded(long seed, int steps) {
        return SeededPlanFingerprintTest.seededConfig(seed, steps);
    }

    /** Search {@code i} of a portfolio of {@code searches} on {@code config}, solved alone. */
    private static HardMediumSoftLongScore alone(SolverConfig config, int i, int searches) {
        return SolverFactory.<AllocationSolution>create(Portfolio.searchConfig(config, i, searches)).buildSolver()
                .solve(AllocationProblemBuilder.build(MEDIUM)).getScore();
    }

    @Test
    void eachSearchFollowsItsOwnSeedAndTheBestPlanWins() {
        HardMediumSoftLongScore search0 = alone(seeded(7, 1_500), 0, 3);
        HardMediumSoftLongScore search1 = alone(seeded(7, 1_500), 1, 3);
        HardMediumSoftLongScore search2 = alone(seeded(7, 1_500), 2, 3);
        assertNotEquals(search0, search1, "two searches should give two plans, or this test shows nothing");

        Portfolio portfolio = new Portfolio(seeded(7, 1_500), 3);
        List<HardMediumSoftLongScore> announced = new ArrayList<>();
        AllocationSolution best = portfolio.solve(() -> AllocationProblemBuilder.build(MEDIUM),
                s -> announced.add(s.getScore()));

        List<Portfolio.Search> searches = portfolio.searchResults();
        assertEquals(List.of(7L, 8L, 9L), searches.stream().map(Portfolio.Search::seed).toList());
        // side by side, each search ends where it ends alone
        assertEquals(List.of(search0, search1, search2), searches.stream().map(Portfolio.Search::score).toList());
        HardMediumSoftLongScore max = List.of(search0, search1, search2).stream()
                .max(HardMediumSoftLongScore::compareTo)
                .orElseThrow();
        assertEquals(max, best.getScore());
        // announced plans only ever get better, and the last one announced is the plan returned
        for (int i = 1; i < announced.size(); i++) {
            assertTrue(announced.get(i).compareTo(announced.get(i - 1)) > 0, announced.toString());
        }
        assertEquals(max, announced.get(announced.size() - 1));
        assertTrue(searches.stream().allMatch(s -> s.scoreCalculations() > 0 && s.cpuMillis() >= 0));
    }

    @Test
    void oneSearchIsTheConfigurationAndEverySearchOfSeveralAnnealsHotterAndClosesRandomLinesRoutes() {
        SolverConfig config = seeded(7, 1_500);
        assertEquals("0hard/2medium/5000soft", temperature(config), "the shipped starting temperature");
        assertEquals("0", randomClosureTries(config), "the shipped configuration");
        assertEquals(List.of(7L, 8L, 9L),
                List.of(0, 1, 2).stream().map(i -> Portfolio.searchConfig(config, i, 3).getRandomSeed()).toList());
        // one search alone: the configuration as it is
        assertEquals(7L, Portfolio.searchConfig(config, 0, 1).getRandomSeed());
        assertEquals("0hard/2medium/5000soft", temperature(Portfolio.searchConfig(config, 0, 1)));
        assertEquals("0", randomClosureTries(Portfolio.searchConfig(config, 0, 1)));
        // two or more: every search four times hotter in soft, its route closures trying 8 random lines' routes too
        for (int searches = 2; searches <= 3; searches++) {
            for (int i = 0; i < searches; i++) {
                assertEquals("0hard/2medium/20000soft", temperature(Portfolio.searchConfig(config, i, searches)));
                assertEquals("8", randomClosureTries(Portfolio.searchConfig(config, i, searches)));
            }
        }
        // the search's own copy: the configuration it came from is left as it was
        assertEquals("0hard/2medium/5000soft", temperature(config));
        assertEquals("0", randomClosureTries(config));
        // the hotter start is a different search, not only a different seed
        assertNotEquals(alone(config, 1, 2), SolverFactory.<AllocationSolution>create(seeded(8, 1_500)).buildSolver()
                .solve(AllocationProblemBuilder.build(MEDIUM)).getScore());
    }

    @Test
    void aPortfolioOfOneSearchSolvesAsASingleSolver() {
        HardMediumSoftLongScore single = SolverFactory.<AllocationSolution>create(seeded(7, 1_500)).buildSolver()
                .solve(AllocationProblemBuilder.build(MEDIUM)).getScore();
        Portfolio portfolio = new Portfolio(seeded(7, 1_500), 1);
        AllocationSolution best = portfolio.solve(() -> AllocationProblemBuilder.build(MEDIUM), s -> {
        });
        assertEquals(single, best.getScore());
        assertEquals(List.of(7L), portfolio.searchResults().stream().map(Portfolio.Search::seed).toList());
        // and not the plan of the portfolio's hotter search from the same seed
        assertNotEquals(single, alone(seeded(7, 1_500), 0, 2));
    }

    private static String randomClosureTries(SolverConfig config) {
        var phases = config.getPhaseConfigList();
        var union = (UnionMoveSelectorConfig) ((LocalSearchPhaseConfig) phases.get(phases.size() - 1))
                .getMoveSelectorConfig();
        return union.getMoveSelectorList().stream().filter(MoveIteratorFactoryConfig.class::isInstance)
                .map(MoveIteratorFactoryConfig.class::cast)
                .filter(f -> f.getMoveIteratorFactoryClass().equals(ChunkMoveIteratorFactory.class)).findFirst()
                .orElseThrow().getMoveIteratorFactoryCustomProperties().get("randomClosureTries");
    }

    private static String temperature(SolverConfig config) {
        var phases = config.getPhaseConfigList();
        return ((LocalSearchPhaseConfig) phases.get(phases.size() - 1)).getAcceptorConfig()
                .getSimulatedAnnealingStartingTemperature();
    }

    @Test
    void aStopReachesEverySearch() throws InterruptedException {
        SolverConfig config = AllocationSolverConfig.solverConfig(Duration.ofMinutes(2), null);
        Portfolio portfolio = new Portfolio(config, 2);
        CountDownLatch firstPlan = new CountDownLatch(1);
        AllocationSolution[] result = new AllocationSolution[1];
        Thread solving = new Thread(() -> result[0] = portfolio.solve(() -> AllocationProblemBuilder.build(MEDIUM),
                s -> firstPlan.countDown()));
        solving.start();
        assertTrue(firstPlan.await(60, TimeUnit.SECONDS), "no plan within a minute");
        portfolio.terminateEarly();
        // each search stops at its next step, not at its two minutes
        solving.join(TimeUnit.SECONDS.toMillis(60));
        assertTrue(!solving.isAlive(), "the searches did not stop");
        assertNotNull(result[0]);
        assertEquals(0, result[0].getScore().hardScore());
        assertEquals(2, portfolio.searchResults().size());
    }

    @Test
    void aStopBeforeTheStartRunsNoSearch() {
        Portfolio portfolio = new Portfolio(AllocationSolverConfig.solverConfig(Duration.ofMinutes(2), null), 2);
        portfolio.terminateEarly();
        AtomicInteger built = new AtomicInteger();
        AllocationSolution best = portfolio.solve(() -> {
            built.incrementAndGet();
            return AllocationProblemBuilder.build(MEDIUM);
        }, s -> {
        });
        assertNull(best);
        assertEquals(0, built.get());
        assertEquals(List.of(), portfolio.searchResults());
    }

    @Test
    void aFailingSearchStopsTheOthersAndItsFailureIsThrown() {
        Portfolio portfolio = new Portfolio(AllocationSolverConfig.solverConfig(Duration.ofMinutes(2), null), 2);
        AtomicInteger builds = new AtomicInteger();
        IllegalStateException broken = new IllegalStateException("the second copy of the problem cannot be built");
        long start = System.nanoTime();
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> portfolio.solve(() -> {
                    if (builds.incrementAndGet() == 2) {
                        throw broken;
                    }
                    return AllocationProblemBuilder.build(MEDIUM);
                }, s -> {
                }));
        assertSame(broken, thrown);
        // the search that could build its problem was stopped, long before its two minutes
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(90), "the other search was not stopped");
    }

    @Test
    void largePlansGetOneSearchAndNoPlanGetsMoreSearchesThanProcessors() {
        int processors = Runtime.getRuntime().availableProcessors();
        assertEquals(1, Portfolio.searchesFor(2, 20_000, 52_838));
        assertEquals(Math.min(2, processors), Portfolio.searchesFor(2, 20_000, 517));
        assertEquals(processors, Portfolio.searchesFor(processors + 3, 20_000, 517));
        assertEquals(1, Portfolio.searchesFor(0, 20_000, 517));
        assertThrows(IllegalArgumentException.class, () -> new Portfolio(AllocationSolverConfig.solverConfig(), 0));
    }
}
