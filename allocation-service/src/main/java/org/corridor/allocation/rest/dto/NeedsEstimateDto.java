package org.corridor.allocation.rest.dto;

import java.util.List;
import java.util.UUID;
import org.corridor.allocation.service.NeedsEstimate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NeedsEstimate", description = "Proposed needs of a site from Sphere minimums; not saved")
public record NeedsEstimateDto(
        @Schema(description = "Site id", example = "5b0c7c1e-6a6f-4f50-9d59-1f1c4d1e2a10") UUID siteId,
        @Schema(description = "People covered", example = "12000") int population,
        @Schema(description = "Days covered", example = "14") int days,
        @Schema(description = "Proposed needs, to be posted as needs after review") List<ProposedNeedDto> proposals,
        @Schema(description = "Purposes that could not be mapped to a catalogue item") List<MissingItemDto> missingItems) {

    public static NeedsEstimateDto from(NeedsEstimate e) {
        return new NeedsEstimateDto(e.siteId(), e.population(), e.days(),
                e.proposals().stream().map(ProposedNeedDto::from).toList(),
                e.missingItems().stream().map(MissingItemDto::from).toList());
    }
}
