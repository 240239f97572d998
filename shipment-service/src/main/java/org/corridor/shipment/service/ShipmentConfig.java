package org.corridor.shipment.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of shipment-service ({@code corridor.shipment.*}). */
@ConfigMapping(prefix = "corridor.shipment")
public interface ShipmentConfig {

    /**
     * How far in the future an event's {@code at} or a proof of delivery's {@code receivedAt} may lie
     * (clock skew between a field device and the server) before it is refused with 422.
     */
    @WithDefault("PT15M")
    Duration maxClockSkew();
}
