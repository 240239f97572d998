package org.corridor.inventory.rest.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.corridor.inventory.domain.IncidentType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EarmarkRequest",
        description = "Allowed destination countries and/or incident types; at least one of the two lists must name "
                + "something")
public record EarmarkRequest(
        @Size(max = 250) @Schema(description = "Allowed destination countries (ISO 3166-1 alpha-3)",
                example = "[\"SYR\", \"TUR\"]") List<@NotNull @Pattern(regexp = "^[A-Z]{3}$",
                        message = "must be an ISO 3166-1 alpha-3 code in capitals") String> countryCodes,
        @Size(max = 20) @Schema(description = "Allowed incident types",
                example = "[\"EARTHQUAKE\"]") List<@NotNull IncidentType> incidentTypes) {

    /** True when neither list names anything. */
    boolean namesNothing() {
        return (countryCodes == null || countryCodes.isEmpty()) && (incidentTypes == null || incidentTypes.isEmpty());
    }
}
