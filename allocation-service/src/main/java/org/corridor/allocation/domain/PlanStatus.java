package org.corridor.allocation.domain;

/**
 * Life cycle of a plan: SOLVING, then SOLVED / FAILED / CANCELLED; a SOLVED plan becomes APPROVED through POST
 * /plans/{id}/approval.
 */
public enum PlanStatus {
    SOLVING, SOLVED, APPROVED, FAILED, CANCELLED
}
