package org.corridor.allocation.service.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.corridor.allocation.domain.AccessRule;
import org.corridor.allocation.domain.AppliesTo;
import org.corridor.allocation.domain.PlanJob;
import org.corridor.allocation.domain.TransportMode;

/**
 * Whether a material line may still travel as planned: no access rule in force over its travel from its origin country
 * to its site's country, and its lot still good when it arrives. The same reading of rules and of the plan's lot expiry
 * that approval's freshness check makes ({@link ApprovalChecks}), public so that other use cases (the attention list)
 * judge lines the way approval would.
 */
@ApplicationScoped
public class LineLegality {

    private final ObjectMapper mapper;

    public LineLegality(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The first rule (for materials or for all) from {@code origin} to {@code destination} stopping {@code mode} (a
     * rule naming no mode stops every one) in force at some moment of {@code [departsAt, arrivesAt]}, if any.
     */
    public static Optional<AccessRule> forbiddingRule(List<AccessRule> rules, String origin, String destination,
            TransportMode mode, Instant departsAt, Instant arrivesAt) {
        return rules.stream()
                .filter(r -> r.appliesTo != AppliesTo.TEAMS && r.originCountryCode.equals(origin)
                        && r.destinationCountryCode.equals(destination) && stops(r.modeSet(), mode)
                        && overlaps(r, departsAt, arrivesAt))
                .findFirst();
    }

    /** True when a rule naming {@code modes} (empty: every mode) stops {@code mode} (null: unknown, any). */
    public static boolean stops(java.util.Set<TransportMode> modes, TransportMode mode) {
        return modes.isEmpty() || mode == null || modes.contains(mode);
    }

    /** True when the rule is in force at some moment of {@code [from, to]}. */
    public static boolean overlaps(AccessRule r, Instant from, Instant to) {
        return overlaps(r.validFrom, r.validUntil, from, to);
    }

    /**
     * True when a rule valid over {@code [validFrom, validUntil)} (null: no end) is in force during {@code [from, to]}.
     */
    public static boolean overlaps(Instant validFrom, Instant validUntil, Instant from, Instant to) {
        return !validFrom.isAfter(to) && (validUntil == null || validUntil.isAfter(from));
    }

    /**
     * True when a lot expiring on {@code expiresOn} is no longer good {@code marginDays} after arriving at
     * {@code arrivesAt} (the solver's hard rule "Lot expires before arrival"); a lot without expiry never is.
     */
    public static boolean expiresBeforeArrival(LocalDate expiresOn, Instant arrivesAt, int marginDays) {
        return expiresOn != null
                && LocalDate.ofInstant(arrivesAt, ZoneOffset.UTC).plusDays(marginDays).isAfter(expiresOn);
    }

    /**
     * Expiry of the plan's lots as inventory gave them when the plan was made (its solver input snapshot); empty when
     * the plan has no stored input. Approval's freshness check reads the same snapshot.
     */
    public Map<UUID, LocalDate> lotExpiry(UUID planId) {
        PlanJob job = PlanJob.findById(planId);
        Map<UUID, LocalDate> out = new LinkedHashMap<>();
        if (job == null || job.solverInput == null) {
            return out;
        }
        try {
            for (JsonNode lot : mapper.readTree(job.solverInput).path("lots")) {
                JsonNode e = lot.path("expiresOn");
                if (e.isTextual()) {
                    out.put(UUID.fromString(lot.path("lotId").asText()), LocalDate.parse(e.asText()));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the solver input of plan " + planId + " is unreadable", e);
        }
        return out;
    }
}
