package org.corridor.allocation.service;

import java.time.Instant;
import java.util.UUID;
import org.corridor.allocation.domain.AccessRule;
import org.corridor.allocation.domain.AccessRuleKind;
import org.corridor.allocation.domain.AppliesTo;

/**
 * An embargo or closed border, in force during [validFrom, validUntil), for the transport {@code modes} (empty = every
 * mode).
 */
public record AccessRuleView(UUID id, String originCountryCode, String destinationCountryCode, AccessRuleKind kind,
        AppliesTo appliesTo, String reason, Instant validFrom, Instant validUntil,
        java.util.Set<org.corridor.allocation.domain.TransportMode> modes) {

    /** A rule for every mode. */
    public AccessRuleView(UUID id, String originCountryCode, String destinationCountryCode, AccessRuleKind kind,
            AppliesTo appliesTo, String reason, Instant validFrom, Instant validUntil) {
        this(id, originCountryCode, destinationCountryCode, kind, appliesTo, reason, validFrom, validUntil,
                java.util.Set.of());
    }

    static AccessRuleView of(AccessRule r) {
        return new AccessRuleView(r.id, r.originCountryCode, r.destinationCountryCode, r.kind, r.appliesTo, r.reason,
                r.validFrom, r.validUntil, r.modeSet());
    }
}
