package org.corridor.allocation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The solving queue shared by the replicas ({@code corridor.plans.*}): who this replica is, how
 * often it looks for work, how long a claim lasts without renewal, how many times a plan is tried and
 * how many plans one replica solves at once.
 */
@ConfigMapping(prefix = "corridor.plans")
public interface PlanQueueSettings {

    /** This replica's name in the queue (owner of its jobs); default host name plus a random suffix. */
    Optional<String> instanceId();

    /** False: this replica accepts, reads and cancels plans but never solves (claims nothing). */
    @WithDefault("true")
    boolean workerEnabled();

    /** How often the worker looks for a claimable job (besides the nudge after each local submit). */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long a claim lasts without renewal; a crashed replica's plans are claimable again after it. */
    @WithDefault("30s")
    Duration lease();

    /** The owner checks for a cancel request (and renews the lease) at least this often. */
    @WithDefault("1s")
    Duration cancelPollInterval();

    /** Claims per plan before it is given up as FAILED (claims given back at shutdown do not count). */
    @WithDefault("3")
    int maxAttempts();

    /** Plans this replica solves at the same time. */
    @WithDefault("1")
    int maxConcurrentSolves();

    /** How long DELETE /plans/{id}/solving waits for the owning replica to record the stopped plan. */
    @WithDefault("30s")
    Duration stopWait();

    /** The keeper's period: renews leases and reads cancel requests, at most a third of the lease. */
    default Duration keeperInterval() {
        Duration third = lease().dividedBy(3);
        return third.compareTo(cancelPollInterval()) < 0 ? third : cancelPollInterval();
    }
}
