package org.corridor.allocation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import org.corridor.allocation.solver.api.SolverInput;

/**
 * The transport model ({@code corridor.transport.*}); defaults are shared/CONVENTIONS.md's: great-circle
 * distance, road within one land mass up to ~1,500 km at 50 km/h plus 12 h handling, air beyond at
 * 700 km/h plus 24 h handling; truck 20 t / 80 m3, cargo aircraft 40 t / 300 m3; cost per vehicle-km
 * truck 2, aircraft 20 units of account.
 */
@ConfigMapping(prefix = "corridor.transport")
public interface TransportConfig {

    @WithDefault("1500")
    double maxRoadKm();

    @WithDefault("50")
    double roadSpeedKmh();

    @WithDefault("PT12H")
    Duration roadHandling();

    @WithDefault("700")
    double airSpeedKmh();

    @WithDefault("PT24H")
    Duration airHandling();

    @WithDefault("20000")
    double truckCapacityKg();

    @WithDefault("80")
    double truckCapacityM3();

    @WithDefault("40000")
    double aircraftCapacityKg();

    @WithDefault("300")
    double aircraftCapacityM3();

    @WithDefault("2")
    double truckCostPerKm();

    @WithDefault("20")
    double aircraftCostPerKm();

    default SolverInput.TransportSettings toSettings() {
        return new SolverInput.TransportSettings(maxRoadKm(), roadSpeedKmh(), roadHandling(), airSpeedKmh(),
                airHandling(), truckCapacityKg(), truckCapacityM3(), aircraftCapacityKg(), aircraftCapacityM3(),
                truckCostPerKm(), aircraftCostPerKm());
    }
}
