package org.corridor.inventory.rest.dto;

import java.time.Instant;
import java.util.UUID;
import org.corridor.inventory.domain.OrganisationType;
import org.corridor.inventory.rest.Examples;
import org.corridor.inventory.service.OrganisationView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Organisation", description = "A registered organisation")
public record OrganisationDto(
        @Schema(description = "Id", example = Examples.ORGANISATION_ID) UUID id,
        @Schema(description = "Name", example = "World Food Programme") String name,
        @Schema(description = "Kind of organisation", example = "UN_AGENCY") OrganisationType type,
        @Schema(description = "ISO 3166-1 alpha-3 code of the country of its headquarters",
                example = "ITA") String countryCode,
        @Schema(description = "When it was registered", example = Examples.INSTANT) Instant createdAt) {

    public static OrganisationDto from(OrganisationView o) {
        return new OrganisationDto(o.id(), o.name(), o.type(), o.countryCode(), o.createdAt());
    }
}
