package org.corridor.allocation.solver;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.corridor.allocation.solver.api.SolverInput;

/** Problem fact: one lot in one depot with its available quantity, earmark and expiry. */
public class Lot {

    private final UUID id;
    private final UUID depotId;
    private final String depotCode;
    private final String depotName;
    private final String countryCode;
    private final double latitude;
    private final double longitude;
    private final String itemCode;
    private final LocalDate expiresOn;
    private final Set<String> earmarkCountryCodes;
    private final Set<String> earmarkIncidentTypes;
    private final int available;
    private final double unitWeightKg;
    private final double unitVolumeM3;
    private final boolean depotSeaport;
    /**
     * Dense index among the lots of one solve, for the array bookkeeping of move selection; assigned by the move
     * selection's index when a phase starts ({@link org.corridor.allocation.solver.move.MoveIndex}; not part of the
     * problem).
     */
    private int index = -1;

    public Lot(UUID id, UUID depotId, String depotCode, String depotName, String countryCode, double latitude,
            double longitude, String itemCode, LocalDate expiresOn, Set<String> earmarkCountryCodes,
            Set<String> earmarkIncidentTypes, int available, double unitWeightKg, double unitVolumeM3) {
        this(id, depotId, depotCode, depotName, countryCode, latitude, longitude, itemCode, expiresOn,
                earmarkCountryCodes, earmarkIncidentTypes, available, unitWeightKg, unitVolumeM3, false);
    }

    /** @param depotSeaport the lot's depot has a port ships load at */
    public Lot(UUID id, UUID depotId, String depotCode, String depotName, String countryCode, double latitude,
            double longitude, String itemCode, LocalDate expiresOn, Set<String> earmarkCountryCodes,
            Set<String> earmarkIncidentTypes, int available, double unitWeightKg, double unitVolumeM3,
            boolean depotSeaport) {
        this.depotSeaport = depotSeaport;
        this.id = id;
        this.depotId = depotId;
        this.depotCode = depotCode;
        this.depotName = depotName;
        this.countryCode = countryCode;
        this.latitude = latitude;
        this.longitude = longitude;
        this.itemCode = itemCode;
        this.expiresOn = expiresOn;
        this.earmarkCountryCodes = earmarkCountryCodes == null ? Set.of() : Set.copyOf(earmarkCountryCodes);
        this.earmarkIncidentTypes = earmarkIncidentTypes == null ? Set.of() : Set.copyOf(earmarkIncidentTypes);
        this.available = available;
        this.unitWeightKg = unitWeightKg;
        this.unitVolumeM3 = unitVolumeM3;
    }

    public static Lot of(SolverInput.LotFact f) {
        return new Lot(f.lotId(), f.depotId(), f.depotCode(), f.depotName(), f.countryCode(), f.latitude(),
                f.longitude(), f.itemCode(), f.expiresOn(), f.earmarkCountryCodes(), f.earmarkIncidentTypes(),
                f.available(), f.unitWeightKg(), f.unitVolumeM3(), Boolean.TRUE.equals(f.depotSeaport()));
    }

    /**
     * True when the earmark (if any) allows this lot to go to a site in {@code countryCode} for {@code incidentType}.
     */
    public boolean earmarkAllows(String siteCountryCode, String incidentType) {
        boolean countryOk = earmarkCountryCodes.isEmpty() || earmarkCountryCodes.contains(siteCountryCode);
        boolean typeOk = earmarkIncidentTypes.isEmpty()
                || (incidentType != null && earmarkIncidentTypes.contains(incidentType));
        return countryOk && typeOk;
    }

    public boolean isDepotSeaport() {
        return depotSeaport;
    }

    public boolean isPerishable() {
        return expiresOn != null;
    }

    public UUID getId() {
        return id;
    }
    public UUID getDepotId() {
        return depotId;
    }
    public String getDepotCode() {
        return depotCode;
    }
    public String getDepotName() {
        return depotName;
    }
    public String getCountryCode() {
        return countryCode;
    }
    public double getLatitude() {
        return latitude;
    }
    public double getLongitude() {
        return longitude;
    }
    public String getItemCode() {
        return itemCode;
    }
    public LocalDate getExpiresOn() {
        return expiresOn;
    }
    public Set<String> getEarmarkCountryCodes() {
        return earmarkCountryCodes;
    }
    public Set<String> getEarmarkIncidentTypes() {
        return earmarkIncidentTypes;
    }
    public int getAvailable() {
        return available;
    }
    public double getUnitWeightKg() {
        return unitWeightKg;
    }
    public double getUnitVolumeM3() {
        return unitVolumeM3;
    }
    public int getIndex() {
        return index;
    }
    public void setIndex(int index) {
        this.index = index;
    }

    @Override
    public String toString() {
        return "Lot[" + depotCode + "/" + itemCode + " x" + available + "]";
    }
}
