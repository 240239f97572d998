package org.corridor.allocation.service.coverage;

/**
 * How far a team need is covered: {@code assigned} teams in APPROVED (or APPROVING) plans; {@code uncovered} =
 * requested − assigned (never below 0).
 */
public record TeamNeedCoverage(long requested, long assigned, long uncovered) {

    public static TeamNeedCoverage of(long requested, long assigned) {
        return new TeamNeedCoverage(requested, assigned, Math.max(0, requested - assigned));
    }
}
