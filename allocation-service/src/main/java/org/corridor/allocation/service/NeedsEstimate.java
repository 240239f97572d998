package org.corridor.allocation.service;

import java.util.List;
import java.util.UUID;
import org.corridor.allocation.domain.Priority;

/** Proposed needs of a site from Sphere minimums (not saved), and the purposes no catalogue item served. */
public record NeedsEstimate(UUID siteId, int population, int days, List<ProposedNeed> proposals,
        List<MissingItem> missingItems) {

    /** A need proposed for one catalogue item, with how its quantity was computed. */
    public record ProposedNeed(String itemCode, String itemName, String unit, int quantity, Priority priority,
            String basis) {
    }

    /** A Sphere purpose whose configured item code is not in the catalogue. */
    public record MissingItem(String purpose, String itemCode) {
    }
}
