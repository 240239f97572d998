package org.corridor.allocation.domain;

/**
 * Life cycle of a plan: SOLVING, then SOLVED / FAILED / CANCELLED; a SOLVED plan becomes APPROVING through POST
 * /plans/{id}/approval, then APPROVED, or SOLVED again (with its approval error) when the approval failed and was
 * undone. SUPERSEDED: an APPROVED plan replaced by an approved re-plan.
 */
public enum PlanStatus {
    SOLVING, SOLVED, APPROVING, APPROVED, FAILED, CANCELLED, SUPERSEDED
}
