package org.corridor.allocation.solver;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.corridor.allocation.solver.api.TransportMode;

/**
 * Problem fact: the precomputed way from one depot to one site: great-circle distance, mode, lead time, cost per
 * vehicle-km and vehicle capacity (all after route overrides). Shipments sharing a route share vehicles, which is what
 * the transport cost constraint groups by.
 */
public class Route {

    private final UUID depotId;
    private final String depotCode;
    private final String originCountryCode;
    private final SiteFact site;
    private final TransportMode mode;
    private final double distanceKm;
    private final Duration leadTime;
    private final double costPerVehicleKm;
    private final double vehicleCapacityKg;
    private final double vehicleCapacityM3;
    private final Instant departsAt;
    private final Instant arrivesAt;
    /**
     * Dense index among the routes to the same site, for the array bookkeeping of move selection; assigned by the move
     * selection's index when a phase starts ({@link org.corridor.allocation.solver.move.MoveIndex}; not part of the
     * problem).
     */
    private int index = -1;

    public Route(UUID depotId, String depotCode, String originCountryCode, SiteFact site, TransportMode mode,
            double distanceKm, Duration leadTime, double costPerVehicleKm, double vehicleCapacityKg,
            double vehicleCapacityM3, Instant departsAt) {
        this.depotId = depotId;
        this.depotCode = depotCode;
        this.originCountryCode = originCountryCode;
        this.site = site;
        this.mode = mode;
        this.distanceKm = distanceKm;
        this.leadTime = leadTime;
        this.costPerVehicleKm = costPerVehicleKm;
        this.vehicleCapacityKg = vehicleCapacityKg;
        this.vehicleCapacityM3 = vehicleCapacityM3;
        this.departsAt = departsAt;
        this.arrivesAt = departsAt.plus(leadTime);
    }

    /** Whole vehicles needed for this load (at least one when anything travels). */
    public long vehiclesFor(long grams, long cubicCentimetres) {
        long byWeight = (long) Math.ceil(grams / (vehicleCapacityKg * 1000.0));
        long byVolume = (long) Math.ceil(cubicCentimetres / (vehicleCapacityM3 * 1_000_000.0));
        return Math.max(1, Math.max(byWeight, byVolume));
    }

    /** Cost, in units of account, of the whole vehicles this load needs. */
    public long costFor(long grams, long cubicCentimetres) {
        return Math.round(vehiclesFor(grams, cubicCentimetres) * distanceKm * costPerVehicleKm);
    }

    /** Cost of the fraction of a vehicle this load fills (no rounding up), in units of account. */
    public long loadCostFor(long grams, long cubicCentimetres) {
        double share = Math.max(grams / (vehicleCapacityKg * 1000.0),
                cubicCentimetres / (vehicleCapacityM3 * 1_000_000.0));
        return Math.round(share * distanceKm * costPerVehicleKm);
    }

    public UUID getDepotId() {
        return depotId;
    }
    public String getDepotCode() {
        return depotCode;
    }
    public String getOriginCountryCode() {
        return originCountryCode;
    }
    public SiteFact getSite() {
        return site;
    }
    public TransportMode getMode() {
        return mode;
    }
    public double getDistanceKm() {
        return distanceKm;
    }
    public Duration getLeadTime() {
        return leadTime;
    }
    public double getCostPerVehicleKm() {
        return costPerVehicleKm;
    }
    public double getVehicleCapacityKg() {
        return vehicleCapacityKg;
    }
    public double getVehicleCapacityM3() {
        return vehicleCapacityM3;
    }
    public Instant getDepartsAt() {
        return departsAt;
    }
    public Instant getArrivesAt() {
        return arrivesAt;
    }
    public int getIndex() {
        return index;
    }
    public void setIndex(int index) {
        this.index = index;
    }

    @Override
    public String toString() {
        return "Route[" + depotCode + "->" + site.getName() + " " + mode + " " + Math.round(distanceKm) + "km]";
    }
}
