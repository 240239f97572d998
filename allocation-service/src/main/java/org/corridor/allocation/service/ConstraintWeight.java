package org.corridor.allocation.service;

/** A constraint of the solver with the weight a plan gets when its request gives none. */
public record ConstraintWeight(String name, String level, long weight, String description) {
}
