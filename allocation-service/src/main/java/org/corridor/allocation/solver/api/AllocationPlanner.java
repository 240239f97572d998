package org.corridor.allocation.solver.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.corridor.allocation.solver.AllocationSolution;
import org.corridor.allocation.solver.AllocationSolverConfig;
import org.corridor.allocation.solver.AllocationWeights;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.solver.SolutionManager;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/**
 * The service's way into the solver: solving one plan ({@link #newSolve}) and the catalogue of constraints with their
 * default weights ({@link #constraints}). It takes and returns the records of this package only; the planning solution,
 * OptaPlanner's managers and the constraint weights stay behind it.
 */
@ApplicationScoped
public class AllocationPlanner {

    /** Searches per plan unless configured ({@code corridor.solver.parallel-searches}). */
    public static final String DEFAULT_SEARCHES = "2";

    /**
     * Above this many lots a plan gets one search unless configured ({@code corridor.solver.parallel-search-max-lots}).
     */
    public static final String DEFAULT_PARALLEL_SEARCH_MAX_LOTS = "10000";

    private final SolverConfig solverConfig;
    private final SolutionManager<AllocationSolution, HardMediumSoftLongScore> solutionManager;

    /**
     * @param solverConfig the solver configuration Quarkus built from {@code solverConfig.xml}: solves score with
     *     {@code AllocationScoreCalculator}; the analysis of a solved plan, which needs every constraint match, uses
     *     the same configuration with the constraint streams that define the score
     */
    public AllocationPlanner(SolverConfig solverConfig) {
        this.solverConfig = solverConfig;
        SolverConfig explaining = AllocationSolverConfig.copyOf(solverConfig);
        explaining.setScoreDirectorFactoryConfig(AllocationSolverConfig.streamsScoring());
        this.solutionManager = SolutionManager.create(SolverFactory.create(explaining));
    }

    /**
     * The solving of one plan with its own termination: the solver configuration Quarkus built from
     * {@code solverConfig.xml}, with the termination replaced, solved by {@code searches} independent searches at once
     * (one per processor at most, and one alone for a plan of more than {@code maxLotsForParallel} lots; see
     * {@link org.corridor.allocation.solver.Portfolio}). Throws when the solver cannot be created; nothing runs until
     * {@link PlanSolve#start}.
     */
    public PlanSolve newSolve(UUID planId, Duration spentLimit, Duration unimprovedSpentLimit, int searches,
            int maxLotsForParallel) {
        SolverConfig config = AllocationSolverConfig.copyOf(solverConfig);
        config.setTerminationConfig(new TerminationConfig().withSpentLimit(spentLimit)
                .withUnimprovedSpentLimit(unimprovedSpentLimit));
        // fail here, not on a solver thread, when the configuration cannot make a solver
        SolverFactory.create(config).buildSolver();
        return new PlanSolve(planId, config, searches, maxLotsForParallel, solutionManager);
    }

    /** Every constraint, in the order of the constraint provider, with its built-in default weight. */
    public List<ConstraintInfo> constraints() {
        return AllocationWeights.definitions().values().stream()
                .map(d -> new ConstraintInfo(d.name(), d.level().name(), d.defaultWeight(), d.description()))
                .toList();
    }

    /** The constraint names a {@code weights} map may use. */
    public Set<String> knownConstraintNames() {
        return AllocationWeights.knownConstraintNames();
    }

    /** Those of {@code names} that name no constraint. */
    public Set<String> unknownConstraintNames(Collection<String> names) {
        return AllocationWeights.unknownNames(new HashSet<>(names));
    }
}
