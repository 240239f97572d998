package org.corridor.allocation.service.replan;

import java.util.List;
import java.util.UUID;

/**
 * What a re-plan changes against its base plan, as an officer reads it before approving: lines added, removed and
 * changed (same need, lot, depot and mode; another quantity), team assignments added and removed. Lines are compared on
 * the base's approved, undispatched lines (dispatched ones are facts no re-plan touches). For a plan without a base,
 * everything is added.
 */
public record PlanChanges(UUID planId, UUID basePlanId, List<LineChange> added, List<LineChange> removed,
        List<LineChange> changed, List<TeamChange> teamsAdded, List<TeamChange> teamsRemoved) {

    /** Units of one lot for one need by one mode: {@code quantity} in the re-plan, {@code baseQuantity} in the base. */
    public record LineChange(UUID needId, UUID siteId, String itemCode, UUID lotId, UUID depotId, String mode,
            int quantity, int baseQuantity) {
    }

    /** One team for one team need. */
    public record TeamChange(UUID teamNeedId, UUID teamId) {
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty() && teamsAdded.isEmpty()
                && teamsRemoved.isEmpty();
    }
}
