package org.corridor.allocation.solver;

import java.time.Duration;
import java.time.Instant;

import org.corridor.allocation.solver.api.TransportMode;

/**
 * Planning value of a {@link TeamSlot}: "send this team to this site", with its precomputed journey:
 * it departs after mobilisation and arrives after travel (no cargo handling: teams travel light).
 * One instance per (team, site) pair.
 */
public class TeamOption {

    private final String id;
    private final Team team;
    private final Site site;
    private final TransportMode mode;
    private final double distanceKm;
    private final Instant departsAt;
    private final Instant arrivesAt;

    public TeamOption(Team team, Site site, TransportMode mode, double distanceKm, Instant departsAt,
            Duration travel) {
        this.id = team.getId() + "@" + site.getId();
        this.team = team;
        this.site = site;
        this.mode = mode;
        this.distanceKm = distanceKm;
        this.departsAt = departsAt;
        this.arrivesAt = departsAt.plus(travel);
    }

    /** Hours from plan start (request) to arrival on site, rounded up. */
    public long hoursToArrival(Instant planFrom) {
        long minutes = Duration.between(planFrom, arrivesAt).toMinutes();
        return Math.max(0, (minutes + 59) / 60);
    }

    public String getId() { return id; }
    public Team getTeam() { return team; }
    public Site getSite() { return site; }
    public TransportMode getMode() { return mode; }
    public double getDistanceKm() { return distanceKm; }
    public Instant getDepartsAt() { return departsAt; }
    public Instant getArrivesAt() { return arrivesAt; }
    public String getOriginCountryCode() { return team.getCountryCode(); }

    @Override
    public String toString() {
        return "TeamOption[" + team + " -> " + site.getName() + "]";
    }
}
