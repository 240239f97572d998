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
import org.optaplanner.core.api.solver.SolverManager;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.SolverManagerConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/**
 * The service's way into the solver: solving one plan ({@link #newSolve}) and the catalogue of constraints with their
 * default weights ({@link #constraints}). It takes and returns the records of this package only; the planning solution,
 * OptaPlanner's managers and the constraint weights stay behind it.
 */
@ApplicationScoped
public class AllocationPlanner {

    private final SolverConfig solverConfig;
    private final SolutionManager<AllocationSolution, HardMediumSoftLongScore> solutionManager;

    /**
     * @param solverConfig the solver configuration Quarkus built from {@code solverConfig.xml}: solves score with
     *     {@code AllocationScoreCalculator}; the analysis of a solved plan, which needs every constraint match, uses
     *     the same configuration with the constraint streams that define the score
     */
    public AllocationPlanner(SolverConfig solverConfig) {
        this.solverConfig = solverConfig;
        SolverConfig explaining = copy(solverConfig);
        explaining.setScoreDirectorFactoryConfig(AllocationSolverConfig.streamsScoring());
        this.solutionManager = SolutionManager.create(SolverFactory.create(explaining));
    }

    /** A copy of Quarkus's configuration that keeps its class loader and generated accessors and cloners. */
    private static SolverConfig copy(SolverConfig solverConfig) {
        SolverConfig config = solverConfig.copyConfig();
        config.setClassLoader(solverConfig.getClassLoader());
        if (solverConfig.getGizmoMemberAccessorMap() != null) {
            config.setGizmoMemberAccessorMap(solverConfig.getGizmoMemberAccessorMap());
        }
        if (solverConfig.getGizmoSolutionClonerMap() != null) {
            config.setGizmoSolutionClonerMap(solverConfig.getGizmoSolutionClonerMap());
        }
        return config;
    }

    /**
     * A solver for one plan with its own termination: the solver configuration Quarkus built from
     * {@code solverConfig.xml}, with the termination replaced, in a {@link SolverManager} of its own. Throws when the
     * solver cannot be created; nothing runs until {@link PlanSolve#start}.
     */
    public PlanSolve newSolve(UUID planId, Duration spentLimit, Duration unimprovedSpentLimit) {
        SolverConfig config = copy(solverConfig);
        config.setTerminationConfig(new TerminationConfig().withSpentLimit(spentLimit)
                .withUnimprovedSpentLimit(unimprovedSpentLimit));
        SolverManager<AllocationSolution, UUID> manager = SolverManager.create(config,
                new SolverManagerConfig().withParallelSolverCount("1"));
        return new PlanSolve(planId, manager, solutionManager);
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
