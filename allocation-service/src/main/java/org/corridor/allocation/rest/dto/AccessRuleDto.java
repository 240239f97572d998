package org.corridor.allocation.rest.dto;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.corridor.allocation.domain.AccessRuleKind;
import org.corridor.allocation.domain.AppliesTo;
import org.corridor.allocation.domain.TransportMode;
import org.corridor.allocation.service.AccessRuleView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AccessRule", description = "An embargo or closed border")
public record AccessRuleDto(
        @Schema(description = "Rule id", example = "3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a") UUID id,
        @Schema(description = "Origin country", example = "USA") String originCountryCode,
        @Schema(description = "Destination country", example = "SYR") String destinationCountryCode,
        @Schema(description = "EMBARGO or BORDER_CLOSED", example = "EMBARGO") AccessRuleKind kind,
        @Schema(description = "What the rule blocks", example = "MATERIALS") AppliesTo appliesTo,
        @Schema(description = "Why", example = "Sanctions regime in force") String reason,
        @Schema(description = "In force from", example = "2011-05-18T00:00:00Z") Instant validFrom,
        @Schema(description = "In force until (exclusive), if bounded",
                example = "2030-01-01T00:00:00Z") Instant validUntil,
        @Schema(description = "Transport modes the rule stops (ROAD, AIR, SEA), every mode when the rule names none",
                example = "[\"ROAD\"]") List<TransportMode> modes) {

    public static AccessRuleDto from(AccessRuleView r) {
        return new AccessRuleDto(r.id(), r.originCountryCode(), r.destinationCountryCode(), r.kind(), r.appliesTo(),
                r.reason(), r.validFrom(), r.validUntil(),
                r.modes().isEmpty() ? List.of(TransportMode.values()) : r.modes().stream().sorted().toList());
    }
}
