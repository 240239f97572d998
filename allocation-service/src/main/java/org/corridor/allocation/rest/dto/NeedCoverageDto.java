package org.corridor.allocation.rest.dto;

import org.corridor.allocation.service.coverage.NeedCoverage;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NeedCoverage", description = "How far approved plans cover a material need, in the item's units. "
        + "uncovered = requested - approved - dispatched - delivered: lost and rejected units count as uncovered "
        + "again. A new plan plans only what is uncovered. Follows shipments within seconds.")
public record NeedCoverageDto(
        @Schema(description = "Units the need asks for", example = "500") long requested,
        @Schema(description = "In APPROVED (or APPROVING) plans, not dispatched yet", example = "200") long approved,
        @Schema(description = "Dispatched and on the road", example = "100") long dispatched,
        @Schema(description = "Accepted at the site (proof of delivery)", example = "95") long delivered,
        @Schema(description = "Rejected at the site; uncovered again", example = "5") long rejected,
        @Schema(description = "Lost on the way (or cancelled after dispatch); uncovered again",
                example = "0") long lost,
        @Schema(description = "What no approved plan covers yet", example = "105") long uncovered) {

    public static NeedCoverageDto from(NeedCoverage c) {
        return new NeedCoverageDto(c.requested(), c.approved(), c.dispatched(), c.delivered(), c.rejected(),
                c.lost(), c.uncovered());
    }
}
