package org.corridor.allocation.domain;

/** State of a plan's solving job in the queue. */
public enum PlanJobStatus {
    /** Waiting for a replica (new, or given back by a replica shutting down). */
    QUEUED,
    /** Claimed: its owner holds a lease; claimable again once the lease has expired. */
    RUNNING,
    /** Solving ended and the final plan was recorded by the owner. */
    DONE,
    /** Stopped by DELETE /plans/{id}/solving before any replica was solving it. */
    CANCELLED,
    /** Given up: the attempt cap was reached. */
    FAILED
}
