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
 * @param planFrom departures, arrivals and expiry are computed from this instant
 * @param weightOverrides constraint name -> weight, overriding the configured defaults (may be empty)
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
        Map<String, Long> weightOverrides) {

    /** A material need of one site. */
    public record NeedFact(UUID needId, UUID incidentId, String incidentType, UUID siteId, String siteName,
            String siteCountryCode, double siteLatitude, double siteLongitude, String itemCode, String itemName,
            int quantity, Priority priority, Instant deliverBy) {
    }

    /** A need for {@code count} teams of one type at one site. */
    public record TeamNeedFact(UUID teamNeedId, UUID incidentId, UUID siteId, String siteName,
            String siteCountryCode, double siteLatitude, double siteLongitude, String teamType, int count,
            Instant neededBy) {
    }

    /** A lot in a depot, with what is available of it now (on hand minus reserved). */
    public record LotFact(UUID lotId, UUID depotId, String depotCode, String depotName, String countryCode,
            double latitude, double longitude, String itemCode, LocalDate expiresOn,
            Set<String> earmarkCountryCodes, Set<String> earmarkIncidentTypes, int available,
            double unitWeightKg, double unitVolumeM3) {
    }

    /** An AVAILABLE rescue or medical team. */
    public record TeamFact(UUID teamId, String name, String countryCode, String type, int members,
            double baseLatitude, double baseLongitude, int mobilisationHours) {
    }

    /** EMBARGO or BORDER_CLOSED from origin country to destination country, in force during [validFrom, validUntil). */
    public record AccessRuleFact(UUID ruleId, String originCountryCode, String destinationCountryCode, String kind,
            AppliesTo appliesTo, Instant validFrom, Instant validUntil, String reason) {
    }

    /**
     * The transport model: road up to {@code maxRoadKm} at {@code roadSpeedKmh} plus {@code roadHandling}; air beyond
     * at {@code airSpeedKmh} plus {@code airHandling}; capacities per vehicle and cost per vehicle-km.
     */
    public record TransportSettings(double maxRoadKm, double roadSpeedKmh, Duration roadHandling,
            double airSpeedKmh, Duration airHandling, double truckCapacityKg, double truckCapacityM3,
            double aircraftCapacityKg, double aircraftCapacityM3, double truckCostPerKm, double aircraftCostPerKm) {

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
