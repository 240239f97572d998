package org.corridor.allocation.domain;

/** Life cycle of a plan; APPROVED comes with the approval endpoint. */
public enum PlanStatus {
    SOLVING, SOLVED, APPROVED, FAILED, CANCELLED
}
