package org.corridor.allocation.solver;

import java.util.UUID;

/**
 * Problem fact: a site of an incident; {@code materialNeedCount} is how many material needs it has (for fairness).
 * Named apart from the service's JPA entity {@code domain.Site}, which it is built from through {@code SolverInput}.
 */
public class SiteFact {

    private final UUID id;
    private final UUID incidentId;
    private final String name;
    private final String countryCode;
    private final double latitude;
    private final double longitude;
    private int materialNeedCount;
    private boolean seaport;

    public SiteFact(UUID id, UUID incidentId, String name, String countryCode, double latitude, double longitude,
            int materialNeedCount) {
        this.id = id;
        this.incidentId = incidentId;
        this.name = name;
        this.countryCode = countryCode;
        this.latitude = latitude;
        this.longitude = longitude;
        this.materialNeedCount = materialNeedCount;
    }

    /** The site has a port ships can unload at. */
    public SiteFact withSeaport(boolean seaport) {
        this.seaport = seaport;
        return this;
    }

    public boolean isSeaport() {
        return seaport;
    }

    void setMaterialNeedCount(int materialNeedCount) {
        this.materialNeedCount = materialNeedCount;
    }

    public UUID getId() {
        return id;
    }
    public UUID getIncidentId() {
        return incidentId;
    }
    public String getName() {
        return name;
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
    public int getMaterialNeedCount() {
        return materialNeedCount;
    }

    @Override
    public String toString() {
        return "Site[" + name + "/" + countryCode + "]";
    }
}
