package org.corridor.allocation.solver;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.corridor.allocation.solver.api.AppliesTo;
import org.corridor.allocation.solver.api.SolverInput;
import org.corridor.allocation.solver.api.TransportMode;

/**
 * Problem fact: EMBARGO or BORDER_CLOSED from an origin country to a destination country, for some transport modes (a
 * closed land border stops trucks, not aircraft). It blocks a movement when it is in force at any moment of the
 * movement's [departure, arrival], not only at departure: a border closing while the truck is on the road stops it.
 * Named apart from the service's JPA entity {@code domain.AccessRule}; built from a {@link SolverInput.AccessRuleFact}.
 */
public class AccessRuleFact {

    private final UUID id;
    private final String originCountryCode;
    private final String destinationCountryCode;
    private final String kind;
    private final AppliesTo appliesTo;
    private final Instant validFrom;
    private final Instant validUntil;
    private final String reason;
    private final Set<TransportMode> modes;

    public AccessRuleFact(UUID id, String originCountryCode, String destinationCountryCode, String kind,
            AppliesTo appliesTo, Instant validFrom, Instant validUntil, String reason) {
        this(id, originCountryCode, destinationCountryCode, kind, appliesTo, validFrom, validUntil, reason, null);
    }

    /** @param modes the modes the rule stops (null or empty = every mode) */
    public AccessRuleFact(UUID id, String originCountryCode, String destinationCountryCode, String kind,
            AppliesTo appliesTo, Instant validFrom, Instant validUntil, String reason, Set<TransportMode> modes) {
        this.modes = modes == null || modes.isEmpty() ? EnumSet.allOf(TransportMode.class) : EnumSet.copyOf(modes);
        this.id = id;
        this.originCountryCode = originCountryCode;
        this.destinationCountryCode = destinationCountryCode;
        this.kind = kind;
        this.appliesTo = appliesTo == null ? AppliesTo.ALL : appliesTo;
        this.validFrom = validFrom;
        this.validUntil = validUntil;
        this.reason = reason;
    }

    public static AccessRuleFact of(SolverInput.AccessRuleFact f) {
        return new AccessRuleFact(f.ruleId(), f.originCountryCode(), f.destinationCountryCode(), f.kind(),
                f.appliesTo(), f.validFrom(), f.validUntil(), f.reason(), f.modes());
    }

    /** In force at some moment of [from, to]: validFrom <= to and from < validUntil (null bounds are open). */
    public boolean inForceDuring(Instant from, Instant to) {
        return (validFrom == null || !to.isBefore(validFrom)) && (validUntil == null || from.isBefore(validUntil));
    }

    /** Stops materials travelling by {@code mode} over [departs, arrives]. */
    public boolean blocksMaterials(TransportMode mode, Instant departs, Instant arrives) {
        return appliesTo.blocksMaterials() && modes.contains(mode) && inForceDuring(departs, arrives);
    }

    /** Stops teams travelling by {@code mode} over [departs, arrives]. */
    public boolean blocksTeams(TransportMode mode, Instant departs, Instant arrives) {
        return appliesTo.blocksTeams() && modes.contains(mode) && inForceDuring(departs, arrives);
    }

    /** True when the rule names every mode. */
    public boolean allModes() {
        return modes.size() == TransportMode.values().length;
    }

    /** In force at {@code t}: validFrom <= t < validUntil (null bounds are open). */
    public boolean inForceAt(Instant t) {
        return (validFrom == null || !t.isBefore(validFrom)) && (validUntil == null || t.isBefore(validUntil));
    }

    /** Plain words: "an embargo on SYR" / "a closed border between TUR and SYR". */
    public String describe() {
        if ("BORDER_CLOSED".equalsIgnoreCase(kind)) {
            return "a closed border from " + originCountryCode + " to " + destinationCountryCode;
        }
        return "an embargo on " + destinationCountryCode + " (from " + originCountryCode + ")";
    }

    /**
     * Plain words naming the rule and the mode it stops: "a closed border from TUR to SYR (rule 5f0c..., for ROAD)".
     */
    public String describe(TransportMode mode) {
        return describe(java.util.List.of(mode));
    }

    /** As {@link #describe(TransportMode)} for several modes: "... (rule 5f0c..., for ROAD and AIR)". */
    public String describe(java.util.Collection<TransportMode> stopped) {
        return describe() + " (rule " + id + ", for "
                + String.join(" and ", stopped.stream().sorted().map(Enum::name).toList()) + ")";
    }

    public Set<TransportMode> getModes() {
        return modes;
    }

    public UUID getId() {
        return id;
    }
    public String getOriginCountryCode() {
        return originCountryCode;
    }
    public String getDestinationCountryCode() {
        return destinationCountryCode;
    }
    public String getKind() {
        return kind;
    }
    public AppliesTo getAppliesTo() {
        return appliesTo;
    }
    public Instant getValidFrom() {
        return validFrom;
    }
    public Instant getValidUntil() {
        return validUntil;
    }
    public String getReason() {
        return reason;
    }

    @Override
    public String toString() {
        return "AccessRule[" + kind + " " + originCountryCode + "->" + destinationCountryCode + " " + appliesTo + "]";
    }
}
