package org.corridor.allocation.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.corridor.allocation.domain.AccessRule;
import org.corridor.allocation.domain.AccessRuleKind;
import org.corridor.allocation.domain.AppliesTo;
import org.corridor.common.paging.PageParams;
import org.corridor.common.paging.PageResponse;
import org.corridor.common.persistence.QueryFilter;
import org.corridor.common.problem.ProblemException;
import org.corridor.common.time.DbClock;

/** Embargoes and closed borders. Both countries must be known to inventory-service. */
@ApplicationScoped
public class AccessRuleService {

    /**
     * A new embargo or closed border; {@code validUntil} null means open-ended; {@code modes} null or empty means every
     * transport mode.
     */
    public record NewAccessRule(String originCountryCode, String destinationCountryCode, AccessRuleKind kind,
            AppliesTo appliesTo, String reason, Instant validFrom, Instant validUntil,
            java.util.Set<org.corridor.allocation.domain.TransportMode> modes) {

        /** A rule for every mode. */
        public NewAccessRule(String originCountryCode, String destinationCountryCode, AccessRuleKind kind,
                AppliesTo appliesTo, String reason, Instant validFrom, Instant validUntil) {
            this(originCountryCode, destinationCountryCode, kind, appliesTo, reason, validFrom, validUntil, null);
        }
    }

    private final IncidentService incidents;

    public AccessRuleService(IncidentService incidents) {
        this.incidents = incidents;
    }

    /** Checks a new rule: validity window, then both countries against inventory (outside any transaction). */
    public void checkNew(NewAccessRule req) {
        if (req.validUntil() != null && !req.validUntil().isAfter(req.validFrom())) {
            throw ProblemException.badRequest("validUntil must be after validFrom");
        }
        incidents.requireKnownCountry(req.originCountryCode(), "originCountryCode");
        incidents.requireKnownCountry(req.destinationCountryCode(), "destinationCountryCode");
    }

    /** Records a checked rule, in the caller's transaction if there is one. */
    @Transactional
    public AccessRuleView persistNew(NewAccessRule req) {
        AccessRule r = new AccessRule();
        r.id = UUID.randomUUID();
        r.originCountryCode = req.originCountryCode();
        r.destinationCountryCode = req.destinationCountryCode();
        r.kind = req.kind();
        r.appliesTo = req.appliesTo();
        r.reason = req.reason().strip();
        r.validFrom = req.validFrom();
        r.validUntil = req.validUntil();
        // every mode named is the same rule as none named: stored as null
        r.modes = req.modes() == null || req.modes().isEmpty()
                || req.modes().size() == org.corridor.allocation.domain.TransportMode.values().length
                        ? null
                        : req.modes().stream().sorted().map(Enum::name)
                                .collect(java.util.stream.Collectors.joining(","));
        r.createdAt = DbClock.now();
        r.persist();
        return AccessRuleView.of(r);
    }

    @Transactional
    public PageResponse<AccessRuleView> list(String origin, String destination, AccessRuleKind kind,
            AppliesTo appliesTo, Instant activeAt, PageParams page) {
        QueryFilter f = QueryFilter.create()
                .eq("originCountryCode", upper(origin))
                .eq("destinationCountryCode", upper(destination))
                .eq("kind", kind)
                .eq("appliesTo", appliesTo)
                .cond("validFrom <= ? and (validUntil is null or validUntil > ?)", activeAt);
        return PageResponse.of(AccessRule.find(f.where(), Sort.by("createdAt").and("id"), f.params()), page,
                AccessRuleView::of);
    }

    @Transactional
    public AccessRuleView get(UUID id) {
        return AccessRuleView.of(find(id));
    }

    @Transactional
    public void delete(UUID id) {
        find(id).delete();
    }

    /**
     * Rules still (or not yet) in force at or after {@code from}: the solver checks each window against travel times.
     */
    @Transactional
    public List<AccessRuleView> relevantFrom(Instant from) {
        return AccessRule.<AccessRule>list("validUntil is null or validUntil > ?1", Sort.by("createdAt").and("id"),
                from).stream().map(AccessRuleView::of).toList();
    }

    private static AccessRule find(UUID id) {
        AccessRule r = AccessRule.findById(id);
        if (r == null) {
            throw ProblemException.notFound("Access rule", id);
        }
        return r;
    }

    static String upper(String code) {
        return code == null ? null : code.toUpperCase(Locale.ROOT);
    }
}
