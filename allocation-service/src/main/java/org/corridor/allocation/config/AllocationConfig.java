package org.corridor.allocation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.corridor.allocation.solver.api.AllocationPlanner;

/**
 * allocation-service's configuration ({@code corridor.*}), one group per concern: the needs estimate's item codes, the
 * solving queue, the solver's limits and weights, and the transport model. Property names are
 * {@code corridor.<group>.<name>}; common's own {@code corridor.security.*} keys are not part of this mapping.
 */
@ConfigMapping(prefix = "corridor")
public interface AllocationConfig {

    /** {@code corridor.estimate.*}: catalogue item codes the needs estimate proposes. */
    Estimate estimate();

    /** {@code corridor.plans.*}: the solving queue shared by the replicas. */
    Plans plans();

    /** {@code corridor.solver.*}: terminations, expiry margin and default constraint weights. */
    Solver solver();

    /** {@code corridor.transport.*}: the transport model. */
    Transport transport();

    /** {@code corridor.approval.*}: the approval process (waits, retries, leases, staleness tolerances). */
    Approval approval();

    /** {@code corridor.coverage.*}: how coverage of needs follows shipments. */
    Coverage coverage();

    /**
     * The approval process: POST /plans/{id}/approval starts it and waits for it a while; the rest runs in the
     * background, resumed by any replica after a crash.
     */
    interface Approval {

        /** How long POST /plans/{id}/approval waits for the outcome before answering 202 (still APPROVING). */
        @WithDefault("PT20S")
        Duration answerWithin();

        /** A service down (timeout, 5xx, unreachable) is retried with the same keys this often... */
        @WithDefault("PT2S")
        Duration retryEvery();

        /** ...until this long after the approval started; then the approval fails and is undone. */
        @WithDefault("PT2M")
        Duration giveUpAfter();

        /**
         * After a request whose outcome is unknown (timed out), wait this long before reconciling: the other service's
         * transaction has committed or rolled back by then, so what the reconciliation finds is final.
         */
        @WithDefault("PT30S")
        Duration settleDelay();

        /** A replica drives an approval while it holds its lease; an expired lease lets any replica resume it. */
        @WithDefault("PT30S")
        Duration lease();

        /** How often each replica looks for approvals to resume (expired lease, retry due). */
        @WithDefault("PT1S")
        Duration sweepEvery();

        /**
         * How often each replica releases reservations left by approvals that ended (a {@code plan-<id>} reservation
         * still HELD while plan {@code <id>} is SOLVED, FAILED, ...: it committed in inventory after the undo had
         * looked). See {@code OrphanReservations}.
         */
        @WithDefault("PT1M")
        Duration orphanSweepEvery();

        /** Approvals one replica drives at the same time; more wait in line (their POST answers 202). */
        @WithDefault("4")
        int workers();

        /** A plan whose first departure is further in the past than this is stale: approval refuses it. */
        @WithDefault("PT6H")
        Duration departureTolerance();

        /** POST /plans refuses a planFrom further in the future than this. */
        @WithDefault("P30D")
        Duration maxPlanAhead();
    }

    /** Coverage of needs: plan lines follow their shipments, read from shipment-service in the background. */
    interface Coverage {

        /** How often shipments of approved plans are read to move plan lines (dispatched, delivered, lost...). */
        @WithDefault("PT5S")
        Duration syncEvery();
    }

    /**
     * Catalogue item codes the needs estimate proposes, one per Sphere purpose. The estimate looks each code up in
     * inventory's catalogue; a code the catalogue does not have is reported as missing instead of proposed.
     */
    interface Estimate {

        /** Jerrycan 10-20 l: two per household for carrying and storing water. */
        @WithDefault("WASH-JERRYCAN-20L")
        String waterContainer();

        /** Water purification tablet; one treats {@link #litresPerTablet()} litres. */
        @WithDefault("WASH-PURIFICATION-TABLET")
        String purificationTablet();

        @WithDefault("20")
        int litresPerTablet();

        /** Family tent, 16 m2 floor, 5 persons. */
        @WithDefault("SHELTER-FAMILY-TENT")
        String familyTent();

        /** Food ration for one person for one day (WFP basket, ~2,100 kcal). */
        @WithDefault("FOOD-RATION-DAY")
        String foodRation();

        /** High-energy biscuits, carton of 10 kg. */
        @WithDefault("FOOD-HEB-CARTON")
        String highEnergyBiscuits();

        /** Hygiene kit for one family for one month. */
        @WithDefault("WASH-HYGIENE-KIT")
        String hygieneKit();

        /** Blanket, one per person. */
        @WithDefault("NFI-BLANKET")
        String blanket();
    }

    /**
     * The solving queue shared by the replicas: who this replica is, how often it looks for work, how long a claim
     * lasts without renewal, how many times a plan is tried and how many plans one replica solves at once.
     */
    interface Plans {

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

    /**
     * The termination used when a request gives none, the maximum a request may ask for, the expiry margin, and default
     * constraint weights.
     */
    interface Solver {

        /** Total solving time when the request gives none. */
        @WithDefault("PT30S")
        Duration defaultSpentLimit();

        /** Stop when the best score has not improved for this long, when the request gives none. */
        @WithDefault("PT10S")
        Duration defaultUnimprovedSpentLimit();

        /** A request's spentLimit is capped to this. */
        @WithDefault("PT5M")
        Duration maxSpentLimit();

        /** A request's unimprovedSpentLimit is capped to this. */
        @WithDefault("PT2M")
        Duration maxUnimprovedSpentLimit();

        /**
         * Independent searches that solve one plan at once, each on a thread of its own with its own random seed; the
         * best plan of all of them is the plan. At most one per processor the JVM may use (a container's CPU limit
         * counts), so a replica limited to one CPU solves with one search.
         */
        @WithDefault(AllocationPlanner.DEFAULT_SEARCHES)
        int parallelSearches();

        /**
         * A plan with more lots than this is solved by one search: each search holds its own copy of the problem (a
         * plan of 53,000 lots takes 1.2 GiB of heap for one search; the Kubernetes limit leaves about 1 GiB of heap).
         */
        @WithDefault(AllocationPlanner.DEFAULT_PARALLEL_SEARCH_MAX_LOTS)
        int parallelSearchMaxLots();

        /** A perishable lot must still be good this many days after it arrives. */
        @WithDefault("2")
        int expiryMarginDays();

        /** Constraint name -> weight; a request's weights override these. */
        Map<String, Long> weights();
    }

    /**
     * The transport model: great-circle distance; road between places joined by land up to ~1,500 km at 50 km/h plus 12
     * h handling; air anywhere at 700 km/h plus 24 h handling; sea between ports of coastal countries at 27 km/h (about
     * 14.5 knots) over 1.3 times the great-circle distance plus 60 h of port handling; truck 20 t / 80 m3, cargo
     * aircraft 40 t / 300 m3, ship 5,000 t / 15,000 m3; cost per vehicle-km truck 2, aircraft 20, ship 50 units of
     * account. Where each figure comes from: the allocation-service README, "Transport model".
     */
    interface Transport {

        /** {@code corridor.transport.usar-stand-down}: USAR teams are not planned to arrive later after the start. */
        @WithDefault("P10D")
        Duration usarStandDown();

        @WithDefault("27")
        double seaSpeedKmh();

        @WithDefault("PT60H")
        Duration seaHandling();

        @WithDefault("1.3")
        double seaDetourFactor();

        @WithDefault("5000000")
        double shipCapacityKg();

        @WithDefault("15000")
        double shipCapacityM3();

        @WithDefault("50")
        double shipCostPerKm();

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
    }
}
