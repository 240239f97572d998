package org.corridor.allocation.solver;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * Constraint weights by constraint name: the defaults, optionally overridden per request
 * ({@code SolverInput.weightOverrides}). A weight is a non-negative multiplier on the constraint's own score level
 * (hard, medium or soft); 0 switches the constraint off. Unknown names are rejected with
 * {@link IllegalArgumentException} so the REST layer can turn them into a 400/422 problem;
 * {@link #knownConstraintNames()} lists the valid ones.
 */
public final class AllocationWeights {

    /** Score level a constraint lives on. */
    public enum Level {
        HARD, MEDIUM, SOFT
    }

    /** A constraint's level and default weight. */
    public record Definition(String name, Level level, long defaultWeight, String description) {
    }

    // Hard
    public static final String LOT_OVER_ALLOCATED = "Lot over-allocated";
    public static final String MATERIAL_ACCESS_BLOCKED = "Material crosses access rule";
    public static final String EARMARK_VIOLATED = "Earmark violated";
    public static final String LOT_EXPIRES_BEFORE_ARRIVAL = "Lot expires before arrival";
    public static final String TEAM_DOUBLE_BOOKED = "Team double-booked";
    public static final String TEAM_WRONG_TYPE = "Team of wrong type";
    public static final String TEAM_ACCESS_BLOCKED = "Team crosses access rule";
    // Medium
    public static final String UNMET_CRITICAL = "Unmet CRITICAL need";
    public static final String UNMET_HIGH = "Unmet HIGH need";
    public static final String UNMET_MEDIUM = "Unmet MEDIUM need";
    public static final String UNMET_LOW = "Unmet LOW need";
    public static final String UNFILLED_TEAM_SLOT = "Unfilled team slot";
    // Soft
    public static final String LATE_DELIVERY = "Late delivery";
    public static final String TRANSPORT_COST = "Transport cost";
    public static final String TRANSPORT_LOAD = "Transport load";
    public static final String TEAM_ARRIVAL_TIME = "Team arrival time";
    public static final String LATE_TEAM_ARRIVAL = "Late team arrival";
    public static final String UNFAIR_SITE_SHARE = "Unfair unmet share per site";
    public static final String FEFO = "Prefer lots expiring first";
    public static final String UNFAIR_INCIDENT_SHARE = "Fairness between incidents";
    public static final String PLAN_STABILITY = "Plan stability";
    public static final String TEAM_PLAN_STABILITY = "Team plan stability";

    private static final Map<String, Definition> DEFINITIONS;

    static {
        Map<String, Definition> d = new LinkedHashMap<>();
        put(d, LOT_OVER_ALLOCATED, Level.HARD, 1, "per unit taken from a lot beyond its available quantity");
        put(d, MATERIAL_ACCESS_BLOCKED, Level.HARD, 1,
                "per unit sent from a depot country to a site country under an access rule blocking materials at departure");
        put(d, EARMARK_VIOLATED, Level.HARD, 1, "per unit of an earmarked lot sent outside its earmark");
        put(d, LOT_EXPIRES_BEFORE_ARRIVAL, Level.HARD, 1,
                "per unit of a perishable lot arriving later than its expiry minus expiryMarginDays");
        put(d, TEAM_DOUBLE_BOOKED, Level.HARD, 1, "per extra slot a team is given beyond one");
        put(d, TEAM_WRONG_TYPE, Level.HARD, 1, "per slot filled by a team of another type");
        put(d, TEAM_ACCESS_BLOCKED, Level.HARD, 1, "per team sent across an access rule blocking teams");
        put(d, UNMET_CRITICAL, Level.MEDIUM, 1000, "per basis point (1/10,000 of the item's total demand) unmet");
        put(d, UNMET_HIGH, Level.MEDIUM, 100, "per basis point of the item's total demand unmet");
        put(d, UNMET_MEDIUM, Level.MEDIUM, 10, "per basis point of the item's total demand unmet");
        put(d, UNMET_LOW, Level.MEDIUM, 1, "per basis point of the item's total demand unmet");
        put(d, UNFILLED_TEAM_SLOT, Level.MEDIUM, 1000,
                "per basis point (1/10,000 of all slots of that team type) left unfilled");
        put(d, LATE_DELIVERY, Level.SOFT, 1, "per hour late past deliver-by, times basis points delivered late");
        put(d, TRANSPORT_COST, Level.SOFT, 1,
                "per unit of account: whole vehicles per (depot, site, mode) x km x cost per vehicle-km");
        put(d, TRANSPORT_LOAD, Level.SOFT, 1,
                "per unit of account: a quarter of the load's share of a vehicle x km x cost per vehicle-km "
                        + "(handling and fuel grow with load; gives the search a slope between whole vehicles)");
        put(d, TEAM_ARRIVAL_TIME, Level.SOFT, 100,
                "per hour from plan start to arrival; USAR hours inside the first 72 h count 10x");
        put(d, LATE_TEAM_ARRIVAL, Level.SOFT, 1000, "per hour a team arrives past needed-by");
        put(d, UNFAIR_SITE_SHARE, Level.SOFT, 10,
                "per site: (mean unmet fraction of its needs, in per-mille) squared / 10");
        put(d, FEFO, Level.SOFT, 1, "per basis point delivered times months of shelf life left on arrival");
        put(d, UNFAIR_INCIDENT_SHARE, Level.SOFT, 100,
                "per item several incidents need: sum over those incidents of (its unmet share minus the item's "
                        + "common unmet share, in per-mille) squared / 10");
        put(d, PLAN_STABILITY, Level.SOFT, 100,
                "re-plan with released base lines: per unit of a base line no longer served from its base lot");
        put(d, TEAM_PLAN_STABILITY, Level.SOFT, 2400,
                "re-plan with released base teams: per base team no longer assigned to its team need");
        DEFINITIONS = Collections.unmodifiableMap(d);
    }

    private static void put(Map<String, Definition> d, String name, Level level, long weight, String description) {
        d.put(name, new Definition(name, level, weight, description));
    }

    private final Map<String, Long> weights;

    private AllocationWeights(Map<String, Long> weights) {
        this.weights = Collections.unmodifiableMap(weights);
    }

    public static AllocationWeights defaults() {
        Map<String, Long> w = new LinkedHashMap<>();
        DEFINITIONS.values().forEach(d -> w.put(d.name(), d.defaultWeight()));
        return new AllocationWeights(w);
    }

    /** Every constraint name, in the order of the constraint provider. */
    public static Set<String> knownConstraintNames() {
        return DEFINITIONS.keySet();
    }

    public static Map<String, Definition> definitions() {
        return DEFINITIONS;
    }

    /**
     * These weights with {@code overrides} applied.
     *
     * @throws IllegalArgumentException for an unknown constraint name or a negative weight
     */
    public AllocationWeights withOverrides(Map<String, Long> overrides) {
        if (overrides == null || overrides.isEmpty()) {
            return this;
        }
        Map<String, Long> w = new LinkedHashMap<>(weights);
        overrides.forEach((name, value) -> {
            if (!DEFINITIONS.containsKey(name)) {
                throw new IllegalArgumentException("Unknown constraint name '" + name + "'; known: "
                        + String.join(", ", DEFINITIONS.keySet()));
            }
            if (value == null || value < 0) {
                throw new IllegalArgumentException("Weight of '" + name + "' must be >= 0, got " + value);
            }
            w.put(name, value);
        });
        return new AllocationWeights(w);
    }

    /** Names in {@code names} that are not constraint names (empty when all are valid). */
    public static Set<String> unknownNames(Set<String> names) {
        Set<String> unknown = new java.util.TreeSet<>(names);
        unknown.removeAll(DEFINITIONS.keySet());
        return unknown;
    }

    public long weight(String name) {
        Long w = weights.get(name);
        if (w == null) {
            throw new IllegalArgumentException("Unknown constraint name '" + name + "'");
        }
        return w;
    }

    /** The weight as a score on the constraint's level. */
    public HardMediumSoftLongScore score(String name) {
        long w = weight(name);
        return switch (DEFINITIONS.get(name).level()) {
            case HARD -> HardMediumSoftLongScore.ofHard(w);
            case MEDIUM -> HardMediumSoftLongScore.ofMedium(w);
            case SOFT -> HardMediumSoftLongScore.ofSoft(w);
        };
    }

    public Map<String, Long> asMap() {
        return weights;
    }

    public AllocationConstraintConfiguration toConfiguration() {
        return new AllocationConstraintConfiguration(this);
    }
}
