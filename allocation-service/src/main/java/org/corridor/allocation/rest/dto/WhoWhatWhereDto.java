package org.corridor.allocation.rest.dto;

import java.util.UUID;
import org.corridor.allocation.service.exchange.WhoWhatWhereRow;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WhoWhatWhere", description = "One row of the 3W: the units of one item that one organisation's stock "
        + "brings to one site, in one state")
public record WhoWhatWhereDto(
        @Schema(description = "Donor organisation of the lots (inventory-service); absent when inventory no longer "
                + "knows the lot", example = "2c9d4e1a-7b3f-4a5e-9c8d-1e2f3a4b5c6d") UUID organisationId,
        @Schema(description = "The donor's name, or the depot's when the lot names no donor; absent when unknown",
                example = "IFRC") String organisation,
        @Schema(description = "Catalogue item code", example = "SHELTER-FAMILY-TENT") String itemCode,
        @Schema(description = "Site id", example = "5b0c7c1e-6a6f-4f50-9d59-1f1c4d1e2a10") UUID siteId,
        @Schema(description = "Site name", example = "Antakya") String siteName,
        @Schema(description = "Country of the site (ISO 3166-1 alpha-3)", example = "TUR") String countryCode,
        @Schema(description = "Where the units stand: APPROVED (planned, not dispatched yet), DISPATCHED (on the "
                + "road), DELIVERED or LOST", example = "DELIVERED",
                enumeration = {
                        "APPROVED", "DISPATCHED", "DELIVERED", "LOST"}) String status,
        @Schema(description = "Units in this state", example = "200") long quantity,
        @Schema(description = "Units accepted at the site (DELIVERED rows only, else 0)",
                example = "195") long delivered){

    public static WhoWhatWhereDto from(WhoWhatWhereRow r) {
        return new WhoWhatWhereDto(r.organisationId(), r.organisation(), r.itemCode(), r.siteId(), r.siteName(),
                r.countryCode(), r.status(), r.quantity(), r.delivered());
    }
}
