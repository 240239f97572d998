package org.corridor.allocation.service;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.corridor.allocation.domain.AccessRule;
import org.corridor.allocation.domain.AccessRuleKind;
import org.corridor.allocation.rest.dto.AccessDtos.AccessRuleDto;
import org.corridor.allocation.rest.dto.AccessDtos.NewAccessRule;
import org.corridor.allocation.solver.api.AppliesTo;
import org.corridor.common.paging.PageParams;
import org.corridor.common.paging.PageResponse;
import org.corridor.common.problem.ProblemException;

/** Embargoes and closed borders. Both countries must be known to inventory-service. */
@ApplicationScoped
public class AccessRuleService {

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

    @Transactional
    public AccessRule persistNew(NewAccessRule req) {
        AccessRule r = new AccessRule();
        r.id = UUID.randomUUID();
        r.originCountryCode = req.originCountryCode();
        r.destinationCountryCode = req.destinationCountryCode();
        r.kind = req.kind();
        r.appliesTo = req.appliesTo();
        r.reason = req.reason().strip();
        r.validFrom = req.validFrom();
        r.validUntil = req.validUntil();
        r.createdAt = Instant.now();
        r.persist();
        return r;
    }

    @Transactional
    public PageResponse<AccessRuleDto> list(String origin, String destination, AccessRuleKind kind, AppliesTo appliesTo,
            Instant activeAt, PageParams page) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (origin != null && !origin.isBlank()) {
            q.append(" and originCountryCode = :origin");
            p.and("origin", origin.toUpperCase());
        }
        if (destination != null && !destination.isBlank()) {
            q.append(" and destinationCountryCode = :destination");
            p.and("destination", destination.toUpperCase());
        }
        if (kind != null) {
            q.append(" and kind = :kind");
            p.and("kind", kind);
        }
        if (appliesTo != null) {
            q.append(" and appliesTo = :appliesTo");
            p.and("appliesTo", appliesTo);
        }
        if (activeAt != null) {
            q.append(" and validFrom <= :at and (validUntil is null or validUntil > :at)");
            p.and("at", activeAt);
        }
        return PageResponse.of(AccessRule.find(q.toString(), Sort.by("createdAt").and("id"), p), page, AccessRuleDto::of);
    }

    @Transactional
    public AccessRule get(UUID id) {
        AccessRule r = AccessRule.findById(id);
        if (r == null) {
            throw ProblemException.notFound("Access rule", id);
        }
        return r;
    }

    @Transactional
    public void delete(UUID id) {
        get(id).delete();
    }

    /** Rules still (or not yet) in force at or after {@code from}: the solver checks each window against travel times. */
    @Transactional
    public List<AccessRule> relevantFrom(Instant from) {
        return AccessRule.list("validUntil is null or validUntil > ?1", Sort.by("createdAt").and("id"), from);
    }
}
