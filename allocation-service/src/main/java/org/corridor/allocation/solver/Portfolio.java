package org.corridor.allocation.solver;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.corridor.allocation.solver.move.ChunkMoveIteratorFactory;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.heuristic.selector.move.MoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import org.optaplanner.core.config.phase.PhaseConfig;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.impl.solver.DefaultSolver;

/**
 * One plan solved by several independent searches at once, each on its own thread with its own copy of the problem and
 * its own random seed; the best plan any of them finds is the plan. The searches share nothing while they run: a
 * search's trajectory is the one it would follow alone, and each is another draw of the same search. On the benchmark's
 * M plan the best of two 10 s searches is 0.6 % better than one search, on L 3 %, with the configuration in both
 * (allocation-benchmark-notes, seventeenth round). Where two or more run, every search anneals four times hotter in
 * soft and closes random lines' routes too ({@link #searchConfig}): on M that is 0.3 % better again in timed runs than
 * a hotter second search beside the configuration (eighteenth to twentieth rounds). A portfolio of one search (the
 * largest plans, or one processor) is the configuration as it is, and gives exactly the plans of a single solver.
 * Searches that restart from the best plan found so far were tried and made it worse.
 *
 * <p>
 * Used once: {@link #solve} blocks until every search has ended; {@link #terminateEarly} may be called from any thread,
 * before, during or after it.
 */
public final class Portfolio {

    /**
     * The seed of the configurations that set none: OptaPlanner's REPRODUCIBLE mode seeds every solver with 0.
     */
    static final long DEFAULT_SEED = 0L;

    /**
     * How much hotter in soft the searches of a portfolio of two or more anneal. Alone, a search from 20,000 soft (the
     * configuration's 5,000 times four) ends better on M than one from 5,000, and on L better on most seeds but,
     * without closures of random lines' routes, now and then far worse (three runs in twelve 9-14 % worse than the mean
     * at 5,000: routes opened and never closed again). With them, and the best of two searches, L ends as well as with
     * a search at the configuration's temperature beside a hot one, and M better (allocation-benchmark-notes,
     * eighteenth to twentieth rounds).
     */
    static final int HOTTER_SOFT_TEMPERATURE = 4;

    /**
     * Routes of random lines a route closure of the searches of a portfolio of two or more tries to close after the
     * dearest (the configuration's {@code randomClosureTries} is 0). A hot search opens routes that the dearest never
     * reach: closing them brought the two of its worst runs on L tried again level with the good ones, and on M it ends
     * 0.5 % better at equal work. On XL (one search, above the lot limit) it halved the calculations per second, so a
     * search alone keeps the configuration (nineteenth round).
     */
    static final int HOT_RANDOM_CLOSURE_TRIES = 8;

    private final List<SolverConfig> configs;
    private final List<Solver<AllocationSolution>> solvers = new ArrayList<>();
    private final Search[] searches;
    private final Object lock = new Object();
    private volatile boolean stopRequested;
    private AllocationSolution best;
    private HardMediumSoftLongScore bestScore;

    /**
     * @param config the solver configuration of every search (termination included)
     * @param searches how many searches (see {@link #searchConfig}): one is the configuration as it is
     */
    public Portfolio(SolverConfig config, int searches) {
        if (searches < 1) {
            throw new IllegalArgumentException("searches must be at least 1, was " + searches);
        }
        this.configs = new ArrayList<>(searches);
        this.searches = new Search[searches];
        for (int i = 0; i < searches; i++) {
            configs.add(searchConfig(config, i, searches));
        }
    }

    /**
     * The configuration of search {@code i} of a portfolio of {@code searches}: the configuration's random seed plus
     * {@code i}; where two or more search, each one's simulated annealing starts {@link #HOTTER_SOFT_TEMPERATURE} times
     * hotter in soft, and its route closures try the routes of {@link #HOT_RANDOM_CLOSURE_TRIES} random lines after the
     * dearest. Against a first search left at the configuration beside hotter ones, 0.3 % better on M in 48 timed 10 s
     * runs, where the first search ended better only one time in four (twentieth round).
     */
    static SolverConfig searchConfig(SolverConfig config, int i, int searches) {
        SolverConfig c = AllocationSolverConfig.copyOf(config);
        c.setRandomSeed((config.getRandomSeed() == null ? DEFAULT_SEED : config.getRandomSeed()) + i);
        if (searches > 1) {
            for (PhaseConfig<?> phase : c.getPhaseConfigList()) {
                if (phase instanceof LocalSearchPhaseConfig ls && ls.getAcceptorConfig() != null
                        && ls.getAcceptorConfig().getSimulatedAnnealingStartingTemperature() != null) {
                    LocalSearchAcceptorConfig acceptor = ls.getAcceptorConfig();
                    HardMediumSoftLongScore t = HardMediumSoftLongScore
                            .parseScore(acceptor.getSimulatedAnnealingStartingTemperature());
                    acceptor.setSimulatedAnnealingStartingTemperature(HardMediumSoftLongScore
                            .of(t.hardScore(), t.mediumScore(), t.softScore() * HOTTER_SOFT_TEMPERATURE).toString());
                }
                if (phase instanceof LocalSearchPhaseConfig ls && ls.getMoveSelectorConfig() != null) {
                    // the copy shares its move selectors with the configuration: this search gets its own
                    ls.setMoveSelectorConfig((MoveSelectorConfig<?>) ls.getMoveSelectorConfig().copyConfig());
                    closeRandomLinesRoutes(ls.getMoveSelectorConfig());
                }
            }
        }
        return c;
    }

    /** Sets {@code randomClosureTries} on the material moves' factory, wherever it is in the move selectors. */
    private static void closeRandomLinesRoutes(MoveSelectorConfig<?> selector) {
        if (selector instanceof UnionMoveSelectorConfig union && union.getMoveSelectorList() != null) {
            union.getMoveSelectorList().forEach(Portfolio::closeRandomLinesRoutes);
        } else if (selector instanceof MoveIteratorFactoryConfig factory
                && ChunkMoveIteratorFactory.class.equals(factory.getMoveIteratorFactoryClass())) {
            Map<String, String> properties = new LinkedHashMap<>();
            if (factory.getMoveIteratorFactoryCustomProperties() != null) {
                properties.putAll(factory.getMoveIteratorFactoryCustomProperties());
            }
            properties.put("randomClosureTries", Integer.toString(HOT_RANDOM_CLOSURE_TRIES));
            factory.setMoveIteratorFactoryCustomProperties(properties);
        }
    }

    /**
     * How many searches a plan gets: {@code configured}, at most one per processor the JVM may use, and one alone when
     * the plan has more than {@code maxLots} lots (each search holds a copy of the problem: two copies of the
     * benchmark's XL plan, 53,000 lots, would not fit the 2 GiB heap that one fits in).
     */
    public static int searchesFor(int configured, int maxLots, int lots) {
        if (lots > maxLots) {
            return 1;
        }
        return Math.max(1, Math.min(configured, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Solves: every search builds its own problem with {@code problem} (on its own thread) and solves it. Each plan
     * better than every plan found before, by any search, goes to {@code newBest} at once, under a lock, on the thread
     * of the search that found it: {@code newBest} must be quick and must not call back into this portfolio. Returns
     * the best plan, or null when {@link #terminateEarly} came before any search began. When a search fails, the others
     * are stopped and the first failure is thrown once all have ended.
     */
    public AllocationSolution solve(Supplier<AllocationSolution> problem, Consumer<AllocationSolution> newBest) {
        int n = configs.size();
        List<Thread> others = new ArrayList<>(n - 1);
        Throwable[] failures = new Throwable[n];
        for (int i = 1; i < n; i++) {
            int search = i;
            Thread t = new Thread(() -> runSearch(search, problem, newBest, failures),
                    Thread.currentThread().getName() + "-search-" + i);
            t.setDaemon(true);
            others.add(t);
            t.start();
        }
        runSearch(0, problem, newBest, failures);
        boolean interrupted = false;
        for (Thread t : others) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    // the searches end by their termination or terminateEarly; keep waiting, keep the flag
                    interrupted = true;
                    terminateEarly();
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        for (Throwable f : failures) {
            if (f instanceof RuntimeException r) {
                throw r;
            }
            if (f instanceof Error e) {
                throw e;
            }
            if (f != null) {
                throw new IllegalStateException(f);
            }
        }
        synchronized (lock) {
            return best;
        }
    }

    private void runSearch(int i, Supplier<AllocationSolution> problem, Consumer<AllocationSolution> newBest,
            Throwable[] failures) {
        try {
            if (stopRequested) {
                return;
            }
            Solver<AllocationSolution> solver = SolverFactory.<AllocationSolution>create(configs.get(i)).buildSolver();
            solver.addEventListener(e -> {
                offer(e.getNewBestSolution(), newBest);
                // a stop asked for while this solver was starting (which forgets earlier requests) is applied at
                // its first new best, which comes within the construction
                if (stopRequested && !solver.isTerminateEarly()) {
                    solver.terminateEarly();
                }
            });
            synchronized (lock) {
                if (stopRequested) {
                    return;
                }
                solvers.add(solver);
            }
            AllocationSolution input = problem.get();
            var threads = ManagementFactory.getThreadMXBean();
            long cpu0 = threads.getCurrentThreadCpuTime();
            AllocationSolution solved = solver.solve(input);
            long cpu = threads.getCurrentThreadCpuTime() - cpu0;
            var scope = ((DefaultSolver<AllocationSolution>) solver).getSolverScope();
            synchronized (lock) {
                searches[i] = new Search(configs.get(i).getRandomSeed(), solved.getScore(),
                        scope.getScoreCalculationCount(), scope.getTimeMillisSpent(), cpu / 1_000_000);
            }
            offer(solved, newBest);
        } catch (Throwable t) {
            failures[i] = t;
            terminateEarly();
        }
    }

    private void offer(AllocationSolution solution, Consumer<AllocationSolution> newBest) {
        HardMediumSoftLongScore score = solution.getScore();
        if (score == null) {
            return;
        }
        synchronized (lock) {
            if (bestScore == null || score.compareTo(bestScore) > 0) {
                best = solution;
                bestScore = score;
                newBest.accept(solution);
            }
        }
    }

    /** Asks every search to stop and hand in its best plan; a search not yet begun does not begin. */
    public void terminateEarly() {
        stopRequested = true;
        List<Solver<AllocationSolution>> started;
        synchronized (lock) {
            started = List.copyOf(solvers);
        }
        started.forEach(Solver::terminateEarly);
    }

    /**
     * What each search did, once {@link #solve} has returned: in the order of the searches, without those that did not
     * run to their end.
     */
    public List<Search> searchResults() {
        synchronized (lock) {
            return Arrays.stream(searches).filter(Objects::nonNull).toList();
        }
    }

    /**
     * One search's account.
     *
     * @param seed its random seed
     * @param score its best score
     * @param scoreCalculations score calculations it made, construction included
     * @param millis wall-clock time it solved, construction included
     * @param cpuMillis CPU time of its thread while it solved
     */
    public record Search(long seed, HardMediumSoftLongScore score, long scoreCalculations, long millis,
            long cpuMillis) {

        /** Score calculations per second of wall clock. */
        public long calculationsPerSecond() {
            return millis == 0 ? 0 : scoreCalculations * 1000 / millis;
        }
    }
}
