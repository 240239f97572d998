package org.corridor.allocation.service;

import java.time.Duration;
import java.util.UUID;
import org.corridor.allocation.domain.RouteOverride;
import org.corridor.allocation.domain.TransportMode;

/** An officer's override of the transport model for one route and mode; a null value keeps the model's. */
public record RouteOverrideView(UUID id, String originCountryCode, String destinationCountryCode, TransportMode mode,
        Duration leadTime, Double costPerVehicleKm, String note) {

    static RouteOverrideView of(RouteOverride r) {
        return new RouteOverrideView(r.id, r.originCountryCode, r.destinationCountryCode, r.mode,
                r.leadTimeSeconds == null ? null : Duration.ofSeconds(r.leadTimeSeconds), r.costPerVehicleKm, r.note);
    }
}
