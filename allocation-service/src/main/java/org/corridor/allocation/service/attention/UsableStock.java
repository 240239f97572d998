package org.corridor.allocation.service.attention;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.corridor.allocation.client.inventory.InventoryClient;

/**
 * Which available lots this incident could use: units available, still good {@code marginDays} from today (the solver's
 * expiry margin, counted from now since nothing can arrive earlier), and an earmark that allows the site's country and
 * the incident's type (no earmark, or an empty list, allows all). Access rules and travel time are left to the solver:
 * usable stock is what a re-plan may use, not what it will.
 */
final class UsableStock {

    private final List<InventoryClient.StockLot> lots;
    private final String incidentType;
    private final LocalDate goodUntil;

    UsableStock(List<InventoryClient.StockLot> lots, String incidentType, LocalDate today, int marginDays) {
        this.lots = lots;
        this.incidentType = incidentType;
        this.goodUntil = today.plusDays(marginDays);
    }

    /** The usable lots of the item for a site in any of {@code countries}. */
    List<InventoryClient.StockLot> of(String itemCode, Collection<String> countries) {
        return lots.stream().filter(l -> l.lotId() != null && itemCode.equals(l.itemCode()) && l.available() > 0)
                .filter(l -> l.expiresOn() == null || !l.expiresOn().isBefore(goodUntil))
                .filter(l -> countries.stream().anyMatch(c -> allows(l.earmark(), c)))
                .toList();
    }

    /** Units of the item usable for a site in {@code country}. */
    long units(String itemCode, String country) {
        return of(itemCode, List.of(country)).stream().mapToLong(InventoryClient.StockLot::available).sum();
    }

    private boolean allows(InventoryClient.Earmark e, String country) {
        if (e == null) {
            return true;
        }
        boolean countryOk = e.countryCodes() == null || e.countryCodes().isEmpty()
                || e.countryCodes().contains(country);
        boolean typeOk = e.incidentTypes() == null || e.incidentTypes().isEmpty()
                || (incidentType != null && e.incidentTypes().contains(incidentType));
        return countryOk && typeOk;
    }
}
