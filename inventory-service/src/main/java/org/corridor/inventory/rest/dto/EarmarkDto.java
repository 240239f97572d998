package org.corridor.inventory.rest.dto;

import java.util.List;
import org.corridor.inventory.domain.IncidentType;
import org.corridor.inventory.service.StockLotView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A donor's restriction on a lot: allowed destination countries and/or incident types. */
@Schema(name = "Earmark",
        description = "A donor's restriction on a lot: it may only go to these countries and/or incidents of these "
                + "types; an empty list does not restrict")
public record EarmarkDto(
        @Schema(description = "Allowed destination countries (ISO 3166-1 alpha-3)",
                example = "[\"SYR\", \"TUR\"]") List<String> countryCodes,
        @Schema(description = "Allowed incident types",
                example = "[\"EARTHQUAKE\"]") List<IncidentType> incidentTypes) {

    /** The earmark of a lot, or null for an unrestricted lot. */
    public static EarmarkDto from(StockLotView.Earmark e) {
        return e == null ? null : new EarmarkDto(e.countryCodes(), e.incidentTypes());
    }
}
