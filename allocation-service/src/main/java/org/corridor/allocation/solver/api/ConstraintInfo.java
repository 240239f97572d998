package org.corridor.allocation.solver.api;

/**
 * One constraint of the solver.
 *
 * @param name the key of a plan request's {@code weights}
 * @param level HARD, MEDIUM or SOFT
 * @param defaultWeight the built-in weight, used unless configuration or the request says otherwise
 * @param description what one unit of penalty means
 */
public record ConstraintInfo(String name, String level, long defaultWeight, String description) {
}
