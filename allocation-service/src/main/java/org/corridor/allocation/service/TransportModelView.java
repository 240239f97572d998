package org.corridor.allocation.service;

import java.time.Duration;

/** The transport model in force: the configured defaults for every route without an override. */
public record TransportModelView(double maxRoadKm, double roadSpeedKmh, Duration roadHandling, double airSpeedKmh,
        Duration airHandling, double truckCapacityKg, double truckCapacityM3, double aircraftCapacityKg,
        double aircraftCapacityM3, double truckCostPerKm, double aircraftCostPerKm, double seaSpeedKmh,
        Duration seaHandling, double seaDetourFactor, double shipCapacityKg, double shipCapacityM3,
        double shipCostPerKm, Duration usarStandDown) {
}
