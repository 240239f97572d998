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

    /** The background retry of releases that inventory-service could not take when a shipment was cancelled. */
    StockRetry stockRetry();

    /** The copy of allocation-service's needs that the delivery summary reads. */
    DeliverySummary deliverySummary();

    /**
     * {@code corridor.shipment.delivery-summary.*}: the requested quantities of an incident are read from
     * allocation-service once, then re-read conditionally (If-None-Match) in the background every
     * {@code requested-refresh-every}, as long as a summary of the incident was asked for within
     * {@code requested-idle-after}.
     */
    interface DeliverySummary {

        /** How often the copy is refreshed ({@code ...requested-refresh-every}); also the scheduler's period. */
        @WithDefault("5s")
        Duration requestedRefreshEvery();

        /** An incident no summary asked for during this long is dropped from the copy. */
        @WithDefault("PT10M")
        Duration requestedIdleAfter();
    }

    /**
     * {@code corridor.shipment.stock-retry.*}: a cancelled shipment whose release could not reach inventory-service is
     * retried every {@code every} once its next attempt is due; the wait after the n-th failed attempt is
     * {@code first-delay * 2^(n-1)}, at most {@code max-delay}. Retries never stop until inventory answers.
     */
    interface StockRetry {

        /** How often the retry looks for due releases ({@code corridor.shipment.stock-retry.every}). */
        @WithDefault("10s")
        Duration every();

        /** The wait after the first failed attempt ({@code corridor.shipment.stock-retry.first-delay}). */
        @WithDefault("PT30S")
        Duration firstDelay();

        /** The longest wait between two attempts ({@code corridor.shipment.stock-retry.max-delay}). */
        @WithDefault("PT10M")
        Duration maxDelay();

        /** At most this many releases are retried per run ({@code corridor.shipment.stock-retry.batch-size}). */
        @WithDefault("50")
        int batchSize();
    }
}
