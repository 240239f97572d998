package org.corridor.allocation.service.coverage;

/**
 * How far a material need is covered, in the item's units. {@code approved}: in APPROVED (or APPROVING) plans, not
 * dispatched yet; {@code dispatched}: on the road; {@code delivered}: accepted at the site; {@code rejected} and
 * {@code lost}: gone, so uncovered again; {@code uncovered} = requested − approved − dispatched − delivered (never
 * below 0): what a new plan may still plan.
 */
public record NeedCoverage(long requested, long approved, long dispatched, long delivered, long rejected, long lost,
        long uncovered) {

    public static NeedCoverage of(long requested, long approved, long dispatched, long delivered, long rejected,
            long lost) {
        return new NeedCoverage(requested, approved, dispatched, delivered, rejected, lost,
                Math.max(0, requested - approved - dispatched - delivered));
    }

    /** Nothing committed yet. */
    public static NeedCoverage none(long requested) {
        return of(requested, 0, 0, 0, 0, 0);
    }
}
