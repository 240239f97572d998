package org.corridor.allocation.solver;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corridor.allocation.solver.api.CountryGeography;
import org.corridor.allocation.solver.api.SolverInput.RouteOverride;
import org.corridor.allocation.solver.api.SolverInput.TransportSettings;
import org.corridor.allocation.solver.api.TransportMode;

/**
 * Which modes can join two places, and what each costs and takes. The feasible modes come from the country geography
 * shipped with the service ({@link CountryGeography}), never from distance alone:
 * <ul>
 * <li>ROAD between places joined by land (the same land mass of one country, or the main land masses of two countries
 * sharing a land border) within {@code maxRoadKm} of great-circle distance, at {@code roadSpeedKmh} plus
 * {@code roadHandling};</li>
 * <li>AIR always (airport handling and the last mile are in {@code airHandling});</li>
 * <li>SEA between two ports (depot and site flagged {@code seaport}) of coastal countries, over the great-circle
 * distance times {@code seaDetourFactor} (ships go round coasts), at {@code seaSpeedKmh} plus {@code seaHandling} (port
 * handling at both ends).</li>
 * </ul>
 * A {@link RouteOverride} is an officer's word on one (origin country, destination country, mode): that mode is
 * available between the two countries (even where the geography says otherwise: a ferry, a humanitarian corridor) with
 * the override's lead time and/or cost per vehicle-km. Overrides of other modes of the same pair are independent.
 * <p>
 * Teams travel the same distances at the same speeds without cargo handling, after their own mobilisation, by road or
 * air (never by sea: too slow for a rescue team), and honour the overrides of their mode.
 */
public final class TransportModel {

    private static final double EARTH_RADIUS_KM = 6371.0088;

    /** A place a route starts or ends at. */
    public record Place(String countryCode, double latitude, double longitude, boolean seaport) {
    }

    private record Key(String origin, String destination, TransportMode mode) {
    }

    private final TransportSettings settings;
    private final CountryGeography geography;
    private final Map<Key, RouteOverride> overrides = new HashMap<>();

    public TransportModel(TransportSettings settings, List<RouteOverride> routeOverrides) {
        this(settings, routeOverrides, CountryGeography.get());
    }

    public TransportModel(TransportSettings settings, List<RouteOverride> routeOverrides,
            CountryGeography geography) {
        this.settings = settings == null ? TransportSettings.defaults() : settings;
        this.geography = geography;
        if (routeOverrides != null) {
            for (RouteOverride o : routeOverrides) {
                if (o.mode() != null) {
                    overrides.put(new Key(o.originCountryCode(), o.destinationCountryCode(), o.mode()), o);
                }
            }
        }
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

    /** The modes that can join the two places, in the order ROAD, AIR, SEA (AIR always among them). */
    public List<TransportMode> modesBetween(Place from, Place to) {
        double km = greatCircleKm(from.latitude(), from.longitude(), to.latitude(), to.longitude());
        List<TransportMode> modes = new ArrayList<>(3);
        for (TransportMode m : TransportMode.values()) {
            if (overrides.containsKey(new Key(from.countryCode(), to.countryCode(), m)) || feasible(m, km, from, to)) {
                modes.add(m);
            }
        }
        return modes;
    }

    private boolean feasible(TransportMode mode, double km, Place from, Place to) {
        return switch (mode) {
            case AIR -> true;
            case ROAD -> km <= settings.maxRoadKm() && geography.joinedByLand(from.countryCode(), from.latitude(),
                    from.longitude(), to.countryCode(), to.latitude(), to.longitude());
            case SEA -> from.seaport() && to.seaport() && geography.coastal(from.countryCode())
                    && geography.coastal(to.countryCode());
        };
    }

    /** Distance travelled by {@code mode} for a great-circle distance of {@code km}. */
    public double distanceKm(TransportMode mode, double km) {
        return mode == TransportMode.SEA ? km * settings.seaDetourFactor() : km;
    }

    /** Travel time by {@code mode} over {@code km} of great-circle distance, handling excluded. */
    public Duration travel(TransportMode mode, double km) {
        double speed = switch (mode) {
            case ROAD -> settings.roadSpeedKmh();
            case AIR -> settings.airSpeedKmh();
            case SEA -> settings.seaSpeedKmh();
        };
        return hours(distanceKm(mode, km) / speed);
    }

    private Duration handling(TransportMode mode) {
        return switch (mode) {
            case ROAD -> settings.roadHandling();
            case AIR -> settings.airHandling();
            case SEA -> settings.seaHandling();
        };
    }

    /** The material routes from a lot's depot to a site, one per feasible mode, departing at {@code departsAt}. */
    public Map<TransportMode, Route> routes(Lot lot, SiteFact site, Instant departsAt) {
        Place from = new Place(lot.getCountryCode(), lot.getLatitude(), lot.getLongitude(), lot.isDepotSeaport());
        Place to = new Place(site.getCountryCode(), site.getLatitude(), site.getLongitude(), site.isSeaport());
        double km = greatCircleKm(from.latitude(), from.longitude(), to.latitude(), to.longitude());
        Map<TransportMode, Route> out = new EnumMap<>(TransportMode.class);
        for (TransportMode mode : modesBetween(from, to)) {
            out.put(mode, route(lot, site, mode, km, departsAt));
        }
        return out;
    }

    /** The material route by {@code mode} (feasible or not: the caller asks {@link #modesBetween} first). */
    Route route(Lot lot, SiteFact site, TransportMode mode, double greatCircleKm, Instant departsAt) {
        RouteOverride o = overrides.get(new Key(lot.getCountryCode(), site.getCountryCode(), mode));
        Duration lead = travel(mode, greatCircleKm).plus(handling(mode));
        double costPerKm;
        double capKg;
        double capM3;
        switch (mode) {
            case ROAD -> {
                costPerKm = settings.truckCostPerKm();
                capKg = settings.truckCapacityKg();
                capM3 = settings.truckCapacityM3();
            }
            case AIR -> {
                costPerKm = settings.aircraftCostPerKm();
                capKg = settings.aircraftCapacityKg();
                capM3 = settings.aircraftCapacityM3();
            }
            default -> {
                costPerKm = settings.shipCostPerKm();
                capKg = settings.shipCapacityKg();
                capM3 = settings.shipCapacityM3();
            }
        }
        if (o != null && o.leadTime() != null) {
            lead = o.leadTime();
        }
        if (o != null && o.costPerVehicleKm() != null) {
            costPerKm = o.costPerVehicleKm();
        }
        return new Route(lot.getDepotId(), lot.getDepotCode(), lot.getCountryCode(), site, mode,
                distanceKm(mode, greatCircleKm), lead, costPerKm, capKg, capM3, departsAt);
    }

    /**
     * A team's journey to a site: departs after mobilisation and travels, without cargo handling, by the quickest of
     * ROAD and AIR that the geography (or an override) allows and that no access rule in {@code rules} blocks over the
     * journey; by the quickest allowed mode when every one is blocked (the option then records the blocking rules). An
     * override's lead time replaces the travel time of its mode.
     */
    public TeamOption teamOption(Team team, SiteFact site, Instant planFrom, List<AccessRuleFact> rules) {
        Place from = new Place(team.getCountryCode(), team.getBaseLatitude(), team.getBaseLongitude(), false);
        Place to = new Place(site.getCountryCode(), site.getLatitude(), site.getLongitude(), false);
        double km = greatCircleKm(from.latitude(), from.longitude(), to.latitude(), to.longitude());
        Instant departs = planFrom.plus(Duration.ofHours(Math.max(0, team.getMobilisationHours())));
        TeamOption best = null;
        TeamOption bestOpen = null;
        for (TransportMode mode : modesBetween(from, to)) {
            if (mode == TransportMode.SEA) {
                continue;
            }
            RouteOverride o = overrides.get(new Key(team.getCountryCode(), site.getCountryCode(), mode));
            Duration travel = o != null && o.leadTime() != null ? o.leadTime() : travel(mode, km);
            TeamOption option = new TeamOption(team, site, mode, km, departs, travel).withAccessRules(rules);
            if (best == null || option.getArrivesAt().isBefore(best.getArrivesAt())) {
                best = option;
            }
            if (option.getBlockingRules() == 0
                    && (bestOpen == null || option.getArrivesAt().isBefore(bestOpen.getArrivesAt()))) {
                bestOpen = option;
            }
        }
        return bestOpen != null ? bestOpen : best;
    }

    /** The modes of {@link TransportMode} as a set, for rules that name none. */
    public static Set<TransportMode> allModes() {
        return Set.of(TransportMode.values());
    }

    private static Duration hours(double h) {
        return Duration.ofMinutes(Math.round(h * 60));
    }
}
