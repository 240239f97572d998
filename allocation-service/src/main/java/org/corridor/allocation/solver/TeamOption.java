package org.corridor.allocation.solver;

import java.time.Duration;
import java.time.Instant;
import org.corridor.allocation.solver.api.TransportMode;

/**
 * Planning value of a {@link TeamSlot}: "send this team to this site", with its precomputed journey: it departs after
 * mobilisation and arrives after travel (no cargo handling: teams travel light). One instance per (team, site) pair.
 */
public class TeamOption {

    private final String id;
    private final Team team;
    private final SiteFact site;
    private final TransportMode mode;
    private final double distanceKm;
    private final Instant departsAt;
    private final Instant arrivesAt;
    /** How many access rules block this team's journey when it departs; see {@link #withAccessRules}. */
    private int blockingRules;

    public TeamOption(Team team, SiteFact site, TransportMode mode, double distanceKm, Instant departsAt,
            Duration travel) {
        this.id = team.getId() + "@" + site.getId();
        this.team = team;
        this.site = site;
        this.mode = mode;
        this.distanceKm = distanceKm;
        this.departsAt = departsAt;
        this.arrivesAt = departsAt.plus(travel);
    }

    /**
     * Records how many of {@code rules} block teams from the team's country to the site's country when it departs
     * ({@link Eligibility#blockingTeamRules}); the problem builder calls it with the problem's rules (see
     * {@link Supply#withAccessRules}).
     */
    public TeamOption withAccessRules(java.util.List<AccessRuleFact> rules) {
        blockingRules = Eligibility.blockingTeamRules(this, site.getCountryCode(), rules).size();
        return this;
    }

    /** How many access rules block this team's journey when it departs (as recorded by {@link #withAccessRules}). */
    public int getBlockingRules() {
        return blockingRules;
    }

    /** Hours from plan start (request) to arrival on site, rounded up. */
    public long hoursToArrival(Instant planFrom) {
        long minutes = Duration.between(planFrom, arrivesAt).toMinutes();
        return Math.max(0, (minutes + 59) / 60);
    }

    public String getId() {
        return id;
    }
    public Team getTeam() {
        return team;
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
    public Instant getDepartsAt() {
        return departsAt;
    }
    public Instant getArrivesAt() {
        return arrivesAt;
    }
    public String getOriginCountryCode() {
        return team.getCountryCode();
    }

    @Override
    public String toString() {
        return "TeamOption[" + team + " -> " + site.getName() + "]";
    }
}
