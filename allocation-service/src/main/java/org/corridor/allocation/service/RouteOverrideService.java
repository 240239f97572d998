package org.corridor.allocation.service;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.corridor.allocation.domain.RouteOverride;
import org.corridor.allocation.rest.dto.AccessDtos.NewRouteOverride;
import org.corridor.allocation.rest.dto.AccessDtos.RouteOverrideDto;
import org.corridor.allocation.solver.api.SolverInput;
import org.corridor.allocation.solver.api.TransportMode;
import org.corridor.common.paging.PageParams;
import org.corridor.common.paging.PageResponse;
import org.corridor.common.problem.ProblemException;

/** Per-route overrides of the transport model's lead time and cost; one per (origin, destination, mode). */
@ApplicationScoped
public class RouteOverrideService {

    private final IncidentService incidents;

    public RouteOverrideService(IncidentService incidents) {
        this.incidents = incidents;
    }

    /** Checks a new override: lead time and cost, then both countries against inventory (outside any transaction). */
    public void checkNew(NewRouteOverride req) {
        if (req.leadTime() == null && req.costPerVehicleKm() == null) {
            throw ProblemException.badRequest("Give leadTime, costPerVehicleKm or both");
        }
        if (req.leadTime() != null && (req.leadTime().isNegative() || req.leadTime().isZero())) {
            throw ProblemException.badRequest("leadTime must be a positive duration");
        }
        if (req.leadTime() != null && req.leadTime().toDays() > 365) {
            throw ProblemException.badRequest("leadTime must be at most 365 days");
        }
        incidents.requireKnownCountry(req.originCountryCode(), "originCountryCode");
        incidents.requireKnownCountry(req.destinationCountryCode(), "destinationCountryCode");
    }

    /** Records a checked override; 409 if the route and mode already have one. */
    @Transactional
    public RouteOverride persistNew(NewRouteOverride req) {
        if (RouteOverride.count("originCountryCode = ?1 and destinationCountryCode = ?2 and mode = ?3",
                req.originCountryCode(), req.destinationCountryCode(), req.mode()) > 0) {
            throw ProblemException.conflict("Route override exists", "An override for " + req.originCountryCode() + " -> "
                    + req.destinationCountryCode() + " by " + req.mode() + " already exists; delete it first");
        }
        RouteOverride r = new RouteOverride();
        r.id = UUID.randomUUID();
        r.originCountryCode = req.originCountryCode();
        r.destinationCountryCode = req.destinationCountryCode();
        r.mode = req.mode();
        r.leadTimeSeconds = req.leadTime() == null ? null : req.leadTime().toSeconds();
        r.costPerVehicleKm = req.costPerVehicleKm();
        r.note = req.note();
        r.createdAt = Instant.now();
        r.persist();
        return r;
    }

    @Transactional
    public PageResponse<RouteOverrideDto> list(String origin, String destination, TransportMode mode, PageParams page) {
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
        if (mode != null) {
            q.append(" and mode = :mode");
            p.and("mode", mode);
        }
        return PageResponse.of(RouteOverride.find(q.toString(), Sort.by("createdAt").and("id"), p), page, RouteOverrideDto::of);
    }

    @Transactional
    public RouteOverride get(UUID id) {
        RouteOverride r = RouteOverride.findById(id);
        if (r == null) {
            throw ProblemException.notFound("Route override", id);
        }
        return r;
    }

    @Transactional
    public void delete(UUID id) {
        get(id).delete();
    }

    @Transactional
    public List<SolverInput.RouteOverride> all() {
        return RouteOverride.<RouteOverride>listAll(Sort.by("createdAt")).stream()
                .map(r -> new SolverInput.RouteOverride(r.originCountryCode, r.destinationCountryCode, r.mode,
                        r.leadTimeSeconds == null ? null : java.time.Duration.ofSeconds(r.leadTimeSeconds), r.costPerVehicleKm))
                .toList();
    }
}
