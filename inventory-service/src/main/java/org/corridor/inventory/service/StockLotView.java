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
        Instant receivedAt, boolean depotSeaport, Instant updatedAt) {

    /** A donor's restriction on a lot; an empty list does not restrict. */
    public record Earmark(List<String> countryCodes, List<IncidentType> incidentTypes) {
    }

    /** The select list {@link #of(Object[])} reads, over {@code b} (balance), {@code l}, {@code d}, {@code o}. */
    static final String COLUMNS = "l.id, d.id, d.code, d.name, d.countryCode, d.latitude, d.longitude, l.itemCode, "
            + "l.lotCode, l.expiresOn, o.id, o.name, l.earmarkCountryCodes, l.earmarkIncidentTypes, b.onHand, "
            + "b.reserved, l.receivedAt, d.seaport, b.updatedAt";

    /** One row of a {@link #COLUMNS} projection. */
    static StockLotView of(Object[] r) {
        long onHand = (Long) r[14];
        long reserved = (Long) r[15];
        return new StockLotView((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4],
                (Double) r[5], (Double) r[6], (String) r[7], (String) r[8], (LocalDate) r[9], (UUID) r[10],
                (String) r[11], earmark((String[]) r[12], (String[]) r[13]), onHand, reserved, onHand - reserved,
                (Instant) r[16], (Boolean) r[17], (Instant) r[18]);
    }

    private static Earmark earmark(String[] countries, String[] types) {
        return countries == null && types == null
                ? null
                : new Earmark(countries == null ? List.of() : List.of(countries),
                        types == null ? List.of() : Arrays.stream(types).map(IncidentType::valueOf).toList());
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
                l.receivedAt, d.seaport, b.updatedAt);
    }
}
