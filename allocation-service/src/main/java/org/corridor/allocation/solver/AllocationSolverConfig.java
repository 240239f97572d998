package org.corridor.allocation.solver;

import java.time.Duration;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/**
 * Solver configuration helpers for plain Java (tests, per-request solver managers). The same {@code solverConfig.xml}
 * is what optaplanner-quarkus reads for the injected {@code SolverManager}.
 */
public final class AllocationSolverConfig {

    public static final String RESOURCE = "solverConfig.xml";

    private AllocationSolverConfig() {
    }

    /** The configuration of {@code solverConfig.xml} (default termination 30 s, or 10 s without improvement). */
    public static SolverConfig solverConfig() {
        return SolverConfig.createFromXmlResource(RESOURCE, AllocationSolverConfig.class.getClassLoader());
    }

    /**
     * The configuration with another termination.
     *
     * @param spentLimit hard stop (required)
     * @param unimprovedSpentLimit stop early after this long without a better score (null = none)
     */
    public static SolverConfig solverConfig(Duration spentLimit, Duration unimprovedSpentLimit) {
        TerminationConfig termination = new TerminationConfig().withSpentLimit(spentLimit);
        if (unimprovedSpentLimit != null) {
            termination.setUnimprovedSpentLimit(unimprovedSpentLimit);
        }
        return solverConfig().withTerminationConfig(termination);
    }

    public static SolverFactory<AllocationSolution> solverFactory(Duration spentLimit, Duration unimprovedSpentLimit) {
        return SolverFactory.create(solverConfig(spentLimit, unimprovedSpentLimit));
    }

    public static SolutionManager<AllocationSolution, HardMediumSoftLongScore> solutionManager() {
        return SolutionManager.create(SolverFactory.create(solverConfig()));
    }
}
