package org.corridor.inventory.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.corridor.inventory.domain.Depot;
import org.corridor.inventory.domain.IncidentType;
import org.corridor.inventory.domain.StockBalance;
import org.corridor.inventory.domain.StockLot;

/** A lot with its depot, donor, earmark (null when unrestricted) and balance. */
public record StockLotView(UUID lotId, UUID depotId, String depotCode, String depotName, String countryCode,
        double latitude, double longitude, String itemCode, String lotCode, LocalDate expiresOn,
        UUID donorOrganisationId, String donorName, Earmark earmark, long onHand, long reserved, long available,
        Instant receivedAt) {

    /** A donor's restriction on a lot; an empty list does not restrict. */
    public record Earmark(List<String> countryCodes, List<IncidentType> incidentTypes) {
    }

    static StockLotView of(StockBalance b) {
        StockLot l = b.lot;
        Earmark earmark = l.earmarkCountryCodes == null && l.earmarkIncidentTypes == null
                ? null
                : new Earmark(
                        l.earmarkCountryCodes == null ? List.of() : List.of(l.earmarkCountryCodes),
                        l.earmarkIncidentTypes == null
                                ? List.of()
                                : Arrays.stream(l.earmarkIncidentTypes).map(IncidentType::valueOf).toList());
        Depot d = l.depot;
        return new StockLotView(l.id, d.id, d.code, d.name, d.countryCode, d.latitude, d.longitude, l.itemCode,
                l.lotCode, l.expiresOn, l.donor.id, l.donor.name, earmark, b.onHand, b.reserved, b.available(),
                l.receivedAt);
    }
}
