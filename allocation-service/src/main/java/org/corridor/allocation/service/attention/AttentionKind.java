package org.corridor.allocation.service.attention;

/**
 * Why something about an incident may need an officer's attention since its last approved plan. Listed in the order the
 * attention list gives them.
 */
public enum AttentionKind {
    /** Units on lines in state LOST: their shipment was LOST, or CANCELLED after dispatch; uncovered again. */
    SHIPMENT_LOST,
    /** Units rejected at delivery (proof of delivery); uncovered again. */
    REJECTED_AT_DELIVERY,
    /** A shipment cancelled before dispatch: its units never left and are uncovered again. */
    SHIPMENT_CANCELLED,
    /**
     * An approved, not yet dispatched line of a committing plan that an access rule in force over its travel now
     * forbids, whose lot expires before it arrives (with the expiry margin), or whose lot was adjusted away (no longer
     * listed by inventory, or fewer units on hand than the approved lines hold on it).
     */
    LINE_FORBIDDEN,
    /** A need created after the last approval, or never covered by a committing plan, with uncovered units. */
    NEW_NEED,
    /** Any other need with uncovered units that the kinds above do not explain. */
    NEED_UNCOVERED,
    /** A team need that committing plans do not fill. */
    TEAM_NEED_UNFILLED,
    /** A team a committing plan assigned that inventory no longer shows assigned to that plan. */
    TEAM_STOOD_DOWN,
    /** Usable stock, received since the last approval, of an item that has uncovered needs here; per item. */
    NEW_STOCK,
    /** A SOLVING or SOLVED plan of the incident made before one of the changes above: re-plan before approving. */
    PLAN_OUTDATED
}
