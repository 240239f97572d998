package org.corridor.allocation.solver;

import java.time.Instant;
import java.util.UUID;
import org.corridor.allocation.solver.api.AppliesTo;
import org.corridor.allocation.solver.api.SolverInput;

/**
 * Problem fact: EMBARGO or BORDER_CLOSED from an origin country to a destination country. Named apart from the
 * service's JPA entity {@code domain.AccessRule}; built from a {@link SolverInput.AccessRuleFact}.
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

    public AccessRuleFact(UUID id, String originCountryCode, String destinationCountryCode, String kind,
            AppliesTo appliesTo, Instant validFrom, Instant validUntil, String reason) {
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
                f.appliesTo(), f.validFrom(), f.validUntil(), f.reason());
    }

    /** In force at {@code t}: validFrom <= t < validUntil (null bounds are open). */
    public boolean inForceAt(Instant t) {
        return (validFrom == null || !t.isBefore(validFrom)) && (validUntil == null || t.isBefore(validUntil));
    }

    public boolean blocksMaterialsAt(Instant t) {
        return appliesTo.blocksMaterials() && inForceAt(t);
    }

    public boolean blocksTeamsAt(Instant t) {
        return appliesTo.blocksTeams() && inForceAt(t);
    }

    /** Plain words: "an embargo on SYR" / "a closed border between TUR and SYR". */
    public String describe() {
        if ("BORDER_CLOSED".equalsIgnoreCase(kind)) {
            return "a closed border from " + originCountryCode + " to " + destinationCountryCode;
        }
        return "an embargo on " + destinationCountryCode + " (from " + originCountryCode + ")";
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
