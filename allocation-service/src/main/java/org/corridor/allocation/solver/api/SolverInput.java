package org.corridor.allocation.solver.api;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Everything one solve needs, as a snapshot: the needs of the incidents being planned, the lots and teams available in
 * inventory, the access rules in force and the transport settings.
 *
 * <p>
 * A re-plan of an approved base plan also carries the base plan's undispatched lines and team assignments
 * ({@link #baseLines()}, {@link #baseTeams()}); both are empty for a plan from scratch. The quantity of a
 * {@link NeedFact} is then what this plan is responsible for (uncovered units plus the units of the need's base lines),
 * and a {@link LotFact}'s {@code available} already includes the units the base plan holds on that lot.
 *
 * @param planFrom departures, arrivals and expiry are computed from this instant
 * @param weightOverrides constraint name -> weight, overriding the configured defaults (may be empty)
 * @param baseLines lines of the base plan to keep (pinned) or to start from (released); empty (or null) when planning
 *     from scratch
 * @param baseTeams team assignments of the base plan to keep (pinned) or to start from (released); empty (or null) when
 *     planning from scratch
 */
public record SolverInput(
        Instant planFrom,
        List<NeedFact> needs,
        List<TeamNeedFact> teamNeeds,
        List<LotFact> lots,
        List<TeamFact> teams,
        List<AccessRuleFact> accessRules,
        TransportSettings transport,
        List<RouteOverride> routeOverrides,
        int expiryMarginDays,
        Map<String, Long> weightOverrides,
        List<BaseLine> baseLines,
        List<BaseTeam> baseTeams) {

    /** A plan from scratch: no base lines, no base teams (the arity before re-planning). */
    public SolverInput(Instant planFrom, List<NeedFact> needs, List<TeamNeedFact> teamNeeds, List<LotFact> lots,
            List<TeamFact> teams, List<AccessRuleFact> accessRules, TransportSettings transport,
            List<RouteOverride> routeOverrides, int expiryMarginDays, Map<String, Long> weightOverrides) {
        this(planFrom, needs, teamNeeds, lots, teams, accessRules, transport, routeOverrides, expiryMarginDays,
                weightOverrides, List.of(), List.of());
    }

    /** This input with the given base plan (a re-plan); the other components unchanged. */
    public SolverInput withBase(List<BaseLine> lines, List<BaseTeam> teams) {
        return new SolverInput(planFrom, needs, teamNeeds, lots, this.teams, accessRules, transport, routeOverrides,
                expiryMarginDays, weightOverrides, lines, teams);
    }

    /**
     * A line of the base plan (approved, not dispatched, still legal): {@code quantity} units of lot {@code lotId} for
     * need {@code needId}.
     * <p>
     * Pinned: the re-plan keeps the line exactly (same need, lot and quantity); it counts in the score like any line
     * (transport, vehicles, fairness) but no move changes it. Not pinned ({@code releaseUndispatched}): the line is
     * where the re-plan starts, and the "Plan stability" constraint charges each of its units no longer served from
     * that lot. A line whose lot is not among {@link SolverInput#lots()} (or has nothing available) is dropped and its
     * units stay to plan like any uncovered unit.
     */
    public record BaseLine(UUID needId, UUID lotId, int quantity, boolean pinned, TransportMode mode) {

        /** A base line whose mode is the solver's to choose again (null mode). */
        public BaseLine(UUID needId, UUID lotId, int quantity, boolean pinned) {
            this(needId, lotId, quantity, pinned, null);
        }
    }

    /**
     * A team assignment of the base plan: team {@code teamId} fills one place of team need {@code teamNeedId}.
     * <p>
     * Pinned: kept as is. Not pinned: where the re-plan starts; the "Team plan stability" constraint charges a base
     * team no longer assigned to that team need. An assignment whose team is not among {@link SolverInput#teams()} or
     * beyond the team need's count is dropped.
     */
    public record BaseTeam(UUID teamNeedId, UUID teamId, boolean pinned) {
    }

    /**
     * A material need of one site.
     *
     * @param siteSeaport the site has a port ships can unload at (null = no)
     */
    public record NeedFact(UUID needId, UUID incidentId, String incidentType, UUID siteId, String siteName,
            String siteCountryCode, double siteLatitude, double siteLongitude, String itemCode, String itemName,
            int quantity, Priority priority, Instant deliverBy, Boolean siteSeaport) {

        /** A need at a site without a port. */
        public NeedFact(UUID needId, UUID incidentId, String incidentType, UUID siteId, String siteName,
                String siteCountryCode, double siteLatitude, double siteLongitude, String itemCode, String itemName,
                int quantity, Priority priority, Instant deliverBy) {
            this(needId, incidentId, incidentType, siteId, siteName, siteCountryCode, siteLatitude, siteLongitude,
                    itemCode, itemName, quantity, priority, deliverBy, null);
        }
    }

    /**
     * A need for {@code count} teams of one type at one site.
     *
     * @param incidentStartedAt when the incident struck: USAR arrival hours are counted from it (null = from planFrom)
     * @param standDownAt no team is planned to arrive after this instant (USAR teams stand down after their days of
     *     useful work); null = no limit
     */
    public record TeamNeedFact(UUID teamNeedId, UUID incidentId, UUID siteId, String siteName,
            String siteCountryCode, double siteLatitude, double siteLongitude, String teamType, int count,
            Instant neededBy, Instant incidentStartedAt, Instant standDownAt) {

        /** A team need counted from planFrom, without stand-down. */
        public TeamNeedFact(UUID teamNeedId, UUID incidentId, UUID siteId, String siteName, String siteCountryCode,
                double siteLatitude, double siteLongitude, String teamType, int count, Instant neededBy) {
            this(teamNeedId, incidentId, siteId, siteName, siteCountryCode, siteLatitude, siteLongitude, teamType,
                    count, neededBy, null, null);
        }
    }

    /**
     * A lot in a depot, with what is available of it now (on hand minus reserved).
     *
     * @param depotSeaport the depot has a port ships can load at (null = no)
     */
    public record LotFact(UUID lotId, UUID depotId, String depotCode, String depotName, String countryCode,
            double latitude, double longitude, String itemCode, LocalDate expiresOn,
            Set<String> earmarkCountryCodes, Set<String> earmarkIncidentTypes, int available,
            double unitWeightKg, double unitVolumeM3, Boolean depotSeaport) {

        /** A lot in a depot without a port. */
        public LotFact(UUID lotId, UUID depotId, String depotCode, String depotName, String countryCode,
                double latitude, double longitude, String itemCode, LocalDate expiresOn,
                Set<String> earmarkCountryCodes, Set<String> earmarkIncidentTypes, int available,
                double unitWeightKg, double unitVolumeM3) {
            this(lotId, depotId, depotCode, depotName, countryCode, latitude, longitude, itemCode, expiresOn,
                    earmarkCountryCodes, earmarkIncidentTypes, available, unitWeightKg, unitVolumeM3, null);
        }
    }

    /** An AVAILABLE rescue or medical team. */
    public record TeamFact(UUID teamId, String name, String countryCode, String type, int members,
            double baseLatitude, double baseLongitude, int mobilisationHours) {
    }

    /**
     * EMBARGO or BORDER_CLOSED from origin country to destination country, in force during [validFrom, validUntil), for
     * the transport {@code modes} listed (empty or null = every mode).
     */
    public record AccessRuleFact(UUID ruleId, String originCountryCode, String destinationCountryCode, String kind,
            AppliesTo appliesTo, Instant validFrom, Instant validUntil, String reason, Set<TransportMode> modes) {

        /** A rule for every mode. */
        public AccessRuleFact(UUID ruleId, String originCountryCode, String destinationCountryCode, String kind,
                AppliesTo appliesTo, Instant validFrom, Instant validUntil, String reason) {
            this(ruleId, originCountryCode, destinationCountryCode, kind, appliesTo, validFrom, validUntil, reason,
                    Set.of());
        }
    }

    /**
     * The transport model: road between places joined by land up to {@code maxRoadKm} at {@code roadSpeedKmh} plus
     * {@code roadHandling}; air anywhere at {@code airSpeedKmh} plus {@code airHandling}; sea between ports of coastal
     * countries at {@code seaSpeedKmh} plus {@code seaHandling} over great-circle distance times
     * {@code seaDetourFactor}; capacities per vehicle (truck, aircraft, ship) and cost per vehicle-km. Sources of the
     * defaults: the allocation-service README, "Transport model".
     */
    public record TransportSettings(double maxRoadKm, double roadSpeedKmh, Duration roadHandling,
            double airSpeedKmh, Duration airHandling, double truckCapacityKg, double truckCapacityM3,
            double aircraftCapacityKg, double aircraftCapacityM3, double truckCostPerKm, double aircraftCostPerKm,
            double seaSpeedKmh, Duration seaHandling, double seaDetourFactor, double shipCapacityKg,
            double shipCapacityM3, double shipCostPerKm) {

        /** Default sea settings (README, "Transport model"): 27 km/h, 60 h, x1.3, 5,000 t, 15,000 m3, 500/km. */
        public static final double SEA_SPEED_KMH = 27;
        public static final Duration SEA_HANDLING = Duration.ofHours(60);
        public static final double SEA_DETOUR_FACTOR = 1.3;
        public static final double SHIP_CAPACITY_KG = 5_000_000;
        public static final double SHIP_CAPACITY_M3 = 15_000;
        public static final double SHIP_COST_PER_KM = 50;

        /** Road and air as given, sea at the defaults. */
        public TransportSettings(double maxRoadKm, double roadSpeedKmh, Duration roadHandling, double airSpeedKmh,
                Duration airHandling, double truckCapacityKg, double truckCapacityM3, double aircraftCapacityKg,
                double aircraftCapacityM3, double truckCostPerKm, double aircraftCostPerKm) {
            this(maxRoadKm, roadSpeedKmh, roadHandling, airSpeedKmh, airHandling, truckCapacityKg, truckCapacityM3,
                    aircraftCapacityKg, aircraftCapacityM3, truckCostPerKm, aircraftCostPerKm, SEA_SPEED_KMH,
                    SEA_HANDLING, SEA_DETOUR_FACTOR, SHIP_CAPACITY_KG, SHIP_CAPACITY_M3, SHIP_COST_PER_KM);
        }

        public static TransportSettings defaults() {
            return new TransportSettings(1500, 50, Duration.ofHours(12), 700, Duration.ofHours(24),
                    20_000, 80, 40_000, 300, 2, 20);
        }
    }

    /** An officer's override of lead time and/or cost per vehicle-km between two countries (null = keep model). */
    public record RouteOverride(String originCountryCode, String destinationCountryCode, TransportMode mode,
            Duration leadTime, Double costPerVehicleKm) {
    }
}
