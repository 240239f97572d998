package org.corridor.shipment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The settings of shipment-service ({@code corridor.shipment.*}). The root is the service's one group: a root at
 * {@code corridor} would also claim common's {@code corridor.security.*} keys, which it does not map.
 */
@ConfigMapping(prefix = "corridor.shipment")
public interface ShipmentConfig {

    /**
     * How far in the future an event's {@code at} or a proof of delivery's {@code receivedAt} may lie (clock skew
     * between a field device and the server) before it is refused with 422 ({@code corridor.shipment.max-clock-skew}).
     */
    @WithDefault("PT15M")
    Duration maxClockSkew();
}
