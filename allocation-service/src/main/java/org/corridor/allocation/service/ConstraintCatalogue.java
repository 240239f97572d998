package org.corridor.allocation.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.corridor.allocation.config.AllocationConfig;
import org.corridor.allocation.solver.api.AllocationPlanner;

/** The solver's constraints with the weight each has when a plan request gives none. */
@ApplicationScoped
public class ConstraintCatalogue {

    private final AllocationPlanner planner;
    private final AllocationConfig.Solver settings;

    public ConstraintCatalogue(AllocationPlanner planner, AllocationConfig config) {
        this.planner = planner;
        this.settings = config.solver();
    }

    /** Every constraint in the order of the constraint provider; the configured weight, else the built-in one. */
    public List<ConstraintWeight> list() {
        Map<String, Long> configured = settings.weights();
        return planner.constraints().stream()
                .map(c -> new ConstraintWeight(c.name(), c.level(),
                        configured.getOrDefault(c.name(), c.defaultWeight()), c.description()))
                .toList();
    }
}
