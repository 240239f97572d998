package org.corridor.allocation.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.corridor.allocation.config.AllocationConfig;
import org.corridor.allocation.domain.RouteOverride;
import org.corridor.allocation.domain.TransportMode;
import org.corridor.common.paging.PageParams;
import org.corridor.common.paging.PageResponse;
import org.corridor.common.persistence.QueryFilter;
import org.corridor.common.problem.ProblemException;
import org.corridor.common.time.DbClock;

/**
 * The transport model (configuration) and officers' per-route overrides of its lead time and cost; one override per
 * (origin, destination, mode).
 */
@ApplicationScoped
public class RouteOverrideService {

    /** A new override; at least one of {@code leadTime} and {@code costPerVehicleKm} is given. */
    public record NewRouteOverride(String originCountryCode, String destinationCountryCode, TransportMode mode,
            Duration leadTime, Double costPerVehicleKm, String note) {
    }

    private final IncidentService incidents;
    private final AllocationConfig.Transport transport;

    public RouteOverrideService(IncidentService incidents, AllocationConfig config) {
        this.incidents = incidents;
        this.transport = config.transport();
    }

    /** The transport model in force. */
    public TransportModelView transportModel() {
        return new TransportModelView(transport.maxRoadKm(), transport.roadSpeedKmh(), transport.roadHandling(),
                transport.airSpeedKmh(), transport.airHandling(), transport.truckCapacityKg(),
                transport.truckCapacityM3(), transport.aircraftCapacityKg(), transport.aircraftCapacityM3(),
                transport.truckCostPerKm(), transport.aircraftCostPerKm(), transport.seaSpeedKmh(),
                transport.seaHandling(), transport.seaDetourFactor(), transport.shipCapacityKg(),
                transport.shipCapacityM3(), transport.shipCostPerKm(), transport.usarStandDown());
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
    public RouteOverrideView persistNew(NewRouteOverride req) {
        if (RouteOverride.count("originCountryCode = ?1 and destinationCountryCode = ?2 and mode = ?3",
                req.originCountryCode(), req.destinationCountryCode(), req.mode()) > 0) {
            throw ProblemException.conflict("Route override exists", "An override for " + req.originCountryCode()
                    + " -> " + req.destinationCountryCode() + " by " + req.mode() + " already exists; delete it first");
        }
        RouteOverride r = new RouteOverride();
        r.id = UUID.randomUUID();
        r.originCountryCode = req.originCountryCode();
        r.destinationCountryCode = req.destinationCountryCode();
        r.mode = req.mode();
        r.leadTimeSeconds = req.leadTime() == null ? null : req.leadTime().toSeconds();
        r.costPerVehicleKm = req.costPerVehicleKm();
        r.note = req.note();
        r.createdAt = DbClock.now();
        r.persist();
        return RouteOverrideView.of(r);
    }

    @Transactional
    public PageResponse<RouteOverrideView> list(String origin, String destination, TransportMode mode,
            PageParams page) {
        QueryFilter f = QueryFilter.create()
                .eq("originCountryCode", AccessRuleService.upper(origin))
                .eq("destinationCountryCode", AccessRuleService.upper(destination))
                .eq("mode", mode);
        return PageResponse.of(RouteOverride.find(f.where(), Sort.by("createdAt").and("id"), f.params()), page,
                RouteOverrideView::of);
    }

    @Transactional
    public RouteOverrideView get(UUID id) {
        return RouteOverrideView.of(find(id));
    }

    @Transactional
    public void delete(UUID id) {
        find(id).delete();
    }

    /** Every override, oldest first. */
    @Transactional
    public List<RouteOverrideView> all() {
        return RouteOverride.<RouteOverride>listAll(Sort.by("createdAt")).stream().map(RouteOverrideView::of).toList();
    }

    private static RouteOverride find(UUID id) {
        RouteOverride r = RouteOverride.findById(id);
        if (r == null) {
            throw ProblemException.notFound("Route override", id);
        }
        return r;
    }
}
