package org.corridor.inventory.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.corridor.inventory.domain.OrganisationType;
import org.corridor.inventory.service.CatalogueService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "OrganisationRequest", description = "An organisation to register")
public record OrganisationRequest(
        @NotBlank @Size(max = 200) @Schema(description = "Name", example = "World Food Programme",
                maxLength = 200) String name,
        @NotNull @Schema(description = "Kind of organisation", example = "UN_AGENCY") OrganisationType type,
        @NotNull @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 3166-1 alpha-3 code in capitals") @Schema(
                description = "ISO 3166-1 alpha-3 code of the country of its headquarters",
                example = "ITA") String countryCode) {

    public CatalogueService.NewOrganisation toCommand() {
        return new CatalogueService.NewOrganisation(name.trim(), type, countryCode);
    }
}
