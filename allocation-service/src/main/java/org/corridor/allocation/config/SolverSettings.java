package org.corridor.allocation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/**
 * Solver settings ({@code corridor.solver.*}): the termination used when a request gives none, the
 * maximum a request may ask for, the expiry margin, and default constraint weights.
 */
@ConfigMapping(prefix = "corridor.solver")
public interface SolverSettings {

    /** Total solving time when the request gives none. */
    @WithDefault("PT30S")
    Duration defaultSpentLimit();

    /** Stop when the best score has not improved for this long, when the request gives none. */
    @WithDefault("PT10S")
    Duration defaultUnimprovedSpentLimit();

    /** A request's spentLimit is capped to this. */
    @WithDefault("PT5M")
    Duration maxSpentLimit();

    /** A request's unimprovedSpentLimit is capped to this. */
    @WithDefault("PT2M")
    Duration maxUnimprovedSpentLimit();

    /** A perishable lot must still be good this many days after it arrives. */
    @WithDefault("2")
    int expiryMarginDays();

    /** Constraint name -> weight; a request's weights override these. */
    Map<String, Long> weights();
}
