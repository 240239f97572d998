package org.corridor.allocation.domain;

/**
 * Where a plan line stands. PLANNED while its plan is not approved; APPROVED once approved (its units are committed to
 * the need); then it follows its shipment: DISPATCHED (on the road), DELIVERED (accepted and rejected units from the
 * proof of delivery), LOST (lost, or cancelled after dispatch), CANCELLED (cancelled before dispatch: the units are
 * uncovered again and the stock was released).
 */
public enum LineState {
    PLANNED, APPROVED, DISPATCHED, DELIVERED, LOST, CANCELLED
}
