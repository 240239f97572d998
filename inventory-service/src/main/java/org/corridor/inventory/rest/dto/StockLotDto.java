package org.corridor.inventory.rest.dto;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.corridor.inventory.rest.Examples;
import org.corridor.inventory.service.StockLotView;
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
        @Schema(description = "Expiry date; null for items that do not perish",
                example = "2028-06-30") LocalDate expiresOn,
        @Schema(description = "Organisation that donated the lot",
                example = Examples.ORGANISATION_ID) UUID donorOrganisationId,
        @Schema(description = "Name of the donor",
                example = "European Civil Protection and Humanitarian Aid Operations") String donorName,
        @Schema(description = "Restrictions on where the lot may go; null when unrestricted",
                example = Examples.EARMARK_JSON) EarmarkDto earmark,
        @Schema(description = "Quantity in the depot, in the item's unit", example = "400") long onHand,
        @Schema(description = "Quantity of it held by reservations", example = "120") long reserved,
        @Schema(description = "On hand minus reserved", example = "280") long available,
        @Schema(description = "When the lot was received", example = Examples.INSTANT) Instant receivedAt,
        @Schema(description = "The depot has a port ships can load at (allocation-service may plan SEA from it)",
                example = "true") boolean depotSeaport,
        @Schema(description = "When the lot's balance last changed: with lotId, the keyset cursor of GET /stock "
                + "(since and sinceId)", example = Examples.INSTANT) Instant updatedAt) {

    public static StockLotDto from(StockLotView l) {
        return new StockLotDto(l.lotId(), l.depotId(), l.depotCode(), l.depotName(), l.countryCode(), l.latitude(),
                l.longitude(), l.itemCode(), l.lotCode(), l.expiresOn(), l.donorOrganisationId(), l.donorName(),
                EarmarkDto.from(l.earmark()), l.onHand(), l.reserved(), l.available(), l.receivedAt(),
                l.depotSeaport(), l.updatedAt());
    }
}
