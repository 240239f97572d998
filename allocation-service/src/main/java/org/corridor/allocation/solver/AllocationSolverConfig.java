package org.corridor.allocation.solver;

import java.time.Duration;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.stream.ConstraintStreamImplType;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.score.director.ScoreDirectorFactoryConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
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
     * A copy of {@code config} that keeps what Quarkus put in beside the XML ({@code copyConfig} drops it): its class
     * loader and its generated member accessors and solution cloners.
     */
    public static SolverConfig copyOf(SolverConfig config) {
        SolverConfig copy = config.copyConfig();
        copy.setClassLoader(config.getClassLoader());
        copy.setGizmoMemberAccessorMap(config.getGizmoMemberAccessorMap());
        copy.setGizmoSolutionClonerMap(config.getGizmoSolutionClonerMap());
        return copy;
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

    /**
     * Score explanations and updates by the constraint streams ({@link AllocationConstraintProvider}, the definition of
     * the score, which names every constraint match), not by the solver's {@link AllocationScoreCalculator}.
     */
    public static SolutionManager<AllocationSolution, HardMediumSoftLongScore> solutionManager() {
        return SolutionManager.create(SolverFactory.create(streamsConfig()));
    }

    /**
     * {@code config} in FULL_ASSERT mode, with the constraint streams as the reference: after every move the solver's
     * score is compared with the streams' score of the same solution from scratch, and a difference fails the solve.
     */
    public static SolverConfig fullAssert(SolverConfig config) {
        ScoreDirectorFactoryConfig scoring = config.getScoreDirectorFactoryConfig().copyConfig()
                .withAssertionScoreDirectorFactory(streamsConfig().getScoreDirectorFactoryConfig());
        return config.copyConfig().withEnvironmentMode(EnvironmentMode.FULL_ASSERT).withScoreDirectorFactory(scoring);
    }

    /** The configuration with the constraint streams as the score director (same score, with constraint matches). */
    public static SolverConfig streamsConfig() {
        return solverConfig().withScoreDirectorFactory(streamsScoring());
    }

    /** Scoring by the constraint streams of {@link AllocationConstraintProvider}. */
    public static ScoreDirectorFactoryConfig streamsScoring() {
        return new ScoreDirectorFactoryConfig().withConstraintProviderClass(AllocationConstraintProvider.class)
                .withConstraintStreamImplType(ConstraintStreamImplType.BAVET);
    }
}
