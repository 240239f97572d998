package org.corridor.inventory.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Why on-hand stock was adjusted; DAMAGED, EXPIRED and LOST remove stock, FOUND adds it, COUNT_CORRECTION does either.
 */
@Schema(description = "Why on-hand stock was adjusted: DAMAGED, EXPIRED and LOST remove stock, FOUND adds it, "
        + "COUNT_CORRECTION does either")
public enum AdjustmentReason {
    DAMAGED, EXPIRED, LOST, FOUND, COUNT_CORRECTION;

    /** Whether an adjustment with this reason may have the sign of {@code delta}. */
    public boolean allows(long delta) {
        return switch (this) {
            case DAMAGED, EXPIRED, LOST -> delta < 0;
            case FOUND -> delta > 0;
            case COUNT_CORRECTION -> delta != 0;
        };
    }
}
