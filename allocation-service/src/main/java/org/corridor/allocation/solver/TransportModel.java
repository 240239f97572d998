package org.corridor.allocation.solver;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.corridor.allocation.solver.api.SolverInput.RouteOverride;
import org.corridor.allocation.solver.api.SolverInput.TransportSettings;
import org.corridor.allocation.solver.api.TransportMode;

/**
 * The transport model of the project's conventions: great-circle distance; road up to {@code maxRoadKm} (~1,500 km) at
 * 50 km/h plus 12 h handling, air beyond at 700 km/h plus 24 h handling (customs, loading, last mile); truck 20 t / 80
 * m3 at 2 per vehicle-km, cargo aircraft 40 t / 300 m3 at 20 per vehicle-km. A {@link RouteOverride} for an (origin
 * country, destination country) pair may force the mode and replace the lead time and/or the cost per vehicle-km. Teams
 * travel the same distance at the same speeds but without cargo handling, after their own mobilisation time.
 */
public final class TransportModel {

    private static final double EARTH_RADIUS_KM = 6371.0088;

    private final TransportSettings settings;
    private final Map<String, RouteOverride> overrides = new HashMap<>();

    public TransportModel(TransportSettings settings, List<RouteOverride> routeOverrides) {
        this.settings = settings == null ? TransportSettings.defaults() : settings;
        if (routeOverrides != null) {
            for (RouteOverride o : routeOverrides) {
                overrides.put(key(o.originCountryCode(), o.destinationCountryCode()), o);
            }
        }
    }

    private static String key(String origin, String destination) {
        return origin + ">" + destination;
    }

    /** Haversine great-circle distance in km. */
    public static double greatCircleKm(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2)
                + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    public TransportSettings settings() {
        return settings;
    }

    public TransportMode modeFor(double distanceKm, String origin, String destination) {
        RouteOverride o = overrides.get(key(origin, destination));
        if (o != null && o.mode() != null) {
            return o.mode();
        }
        return distanceKm <= settings.maxRoadKm() ? TransportMode.ROAD : TransportMode.AIR;
    }

    /** The material route from a lot's depot to a site, departing at {@code departsAt}. */
    public Route route(Lot lot, SiteFact site, Instant departsAt) {
        double km = greatCircleKm(lot.getLatitude(), lot.getLongitude(), site.getLatitude(), site.getLongitude());
        TransportMode mode = modeFor(km, lot.getCountryCode(), site.getCountryCode());
        RouteOverride o = overrides.get(key(lot.getCountryCode(), site.getCountryCode()));
        Duration lead;
        double costPerKm;
        double capKg;
        double capM3;
        if (mode == TransportMode.ROAD) {
            lead = hours(km / settings.roadSpeedKmh()).plus(settings.roadHandling());
            costPerKm = settings.truckCostPerKm();
            capKg = settings.truckCapacityKg();
            capM3 = settings.truckCapacityM3();
        } else {
            lead = hours(km / settings.airSpeedKmh()).plus(settings.airHandling());
            costPerKm = settings.aircraftCostPerKm();
            capKg = settings.aircraftCapacityKg();
            capM3 = settings.aircraftCapacityM3();
        }
        if (o != null && o.leadTime() != null) {
            lead = o.leadTime();
        }
        if (o != null && o.costPerVehicleKm() != null) {
            costPerKm = o.costPerVehicleKm();
        }
        return new Route(lot.getDepotId(), lot.getDepotCode(), lot.getCountryCode(), site, mode, km, lead, costPerKm,
                capKg, capM3, departsAt);
    }

    /** A team's journey to a site: departs after mobilisation, travels without cargo handling. */
    public TeamOption teamOption(Team team, SiteFact site, Instant planFrom) {
        double km = greatCircleKm(team.getBaseLatitude(), team.getBaseLongitude(), site.getLatitude(),
                site.getLongitude());
        TransportMode mode = modeFor(km, team.getCountryCode(), site.getCountryCode());
        Duration travel = hours(km / (mode == TransportMode.ROAD ? settings.roadSpeedKmh() : settings.airSpeedKmh()));
        Instant departs = planFrom.plus(Duration.ofHours(Math.max(0, team.getMobilisationHours())));
        return new TeamOption(team, site, mode, km, departs, travel);
    }

    private static Duration hours(double h) {
        return Duration.ofMinutes(Math.round(h * 60));
    }
}
