package org.corridor.inventory.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.corridor.inventory.domain.Depot;
import org.corridor.inventory.domain.IncidentType;
import org.corridor.inventory.domain.StockBalance;
import org.corridor.inventory.domain.StockLot;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A lot with its depot, donor, earmark and balance: one row of GET /stock. */
@Schema(name = "StockLot", description = "A lot of one item in one depot, with its donor, earmark and current balance")
public record StockLotDto(
        @Schema(description = "Lot id", example = Examples.LOT_ID) UUID lotId,
        @Schema(description = "Depot holding the lot", example = Examples.DEPOT_ID) UUID depotId,
        @Schema(description = "Code of the depot", example = "UNHRD-BRI") String depotCode,
        @Schema(description = "Name of the depot", example = "UNHRD Brindisi") String depotName,
        @Schema(description = "ISO 3166-1 alpha-3 code of the depot's country", example = "ITA") String countryCode,
        @Schema(description = "Latitude of the depot", example = "40.6327") double latitude,
        @Schema(description = "Longitude of the depot", example = "17.9418") double longitude,
        @Schema(description = "Catalogue code of the item", example = "SHL-TENT-FAMILY") String itemCode,
        @Schema(description = "The donor's or manufacturer's lot code", example = "TENT-2026-0412") String lotCode,
        @Schema(description = "Expiry date; null for items that do not perish", example = "2028-06-30") LocalDate expiresOn,
        @Schema(description = "Organisation that donated the lot", example = Examples.ORGANISATION_ID) UUID donorOrganisationId,
        @Schema(description = "Name of the donor", example = "European Civil Protection and Humanitarian Aid Operations") String donorName,
        @Schema(description = "Restrictions on where the lot may go; null when unrestricted", example = "{\"countryCodes\": [\"SYR\", \"TUR\"], \"incidentTypes\": [\"EARTHQUAKE\"]}") EarmarkDto earmark,
        @Schema(description = "Quantity in the depot, in the item's unit", example = "400") long onHand,
        @Schema(description = "Quantity of it held by reservations", example = "120") long reserved,
        @Schema(description = "On hand minus reserved", example = "280") long available,
        @Schema(description = "When the lot was received", example = Examples.INSTANT) Instant receivedAt) {

    /** A donor's restriction on a lot: allowed destination countries and/or incident types. */
    @Schema(name = "Earmark", description = "A donor's restriction on a lot: it may only go to these countries and/or incidents of these types; an empty list does not restrict")
    public record EarmarkDto(
            @Schema(description = "Allowed destination countries (ISO 3166-1 alpha-3)", example = "[\"SYR\", \"TUR\"]")
            List<String> countryCodes,
            @Schema(description = "Allowed incident types", example = "[\"EARTHQUAKE\"]")
            List<IncidentType> incidentTypes) {
    }

    public static StockLotDto of(StockBalance b) {
        StockLot l = b.lot;
        EarmarkDto earmark = l.earmarkCountryCodes == null && l.earmarkIncidentTypes == null ? null
                : new EarmarkDto(
                        l.earmarkCountryCodes == null ? List.of() : List.of(l.earmarkCountryCodes),
                        l.earmarkIncidentTypes == null ? List.of()
                                : Arrays.stream(l.earmarkIncidentTypes).map(IncidentType::valueOf).toList());
        Depot d = l.depot;
        return new StockLotDto(l.id, d.id, d.code, d.name, d.countryCode, d.latitude, d.longitude, l.itemCode,
                l.lotCode, l.expiresOn, l.donor.id, l.donor.name, earmark, b.onHand, b.reserved, b.available(),
                l.receivedAt);
    }
}
