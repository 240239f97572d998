package org.corridor.allocation.solver;

import java.time.Instant;
import java.util.UUID;

/**
 * Problem fact: a need for {@code count} teams of one type at one site. {@code typeDemand} is the number of slots of
 * this type across the problem, used to normalise unfilled slots like material needs are normalised per item. Named
 * apart from the service's JPA entity {@code domain.TeamNeed}; built from a
 * {@link org.corridor.allocation.solver.api.SolverInput.TeamNeedFact}.
 */
public class TeamNeedFact {

    private final UUID id;
    private final SiteFact site;
    private final String teamType;
    private final int count;
    private final Instant neededBy;
    private final int typeDemand;
    /** Teams the base plan assigned here and the re-plan may change (released), for "Team plan stability". */
    private final java.util.Set<UUID> releasedBaseTeams = new java.util.HashSet<>();
    /** When the incident struck (null = unknown: the rescue window is counted from plan start). */
    private Instant incidentStartedAt;
    /** No team is planned to arrive after this (USAR stand-down); null = no limit. */
    private Instant standDownAt;
    /** Cache of {@link #usarWindowHoursAfter}: the plan start it was computed for and the result. */
    private Instant windowFor;
    private long windowHours;

    public TeamNeedFact(UUID id, SiteFact site, String teamType, int count, Instant neededBy, int typeDemand) {
        this.id = id;
        this.site = site;
        this.teamType = teamType;
        this.count = count;
        this.neededBy = neededBy;
        this.typeDemand = Math.max(typeDemand, count);
    }

    /**
     * The incident's start and the stand-down instant (see {@link #arrivesInTime}); both may be null.
     */
    public TeamNeedFact withIncident(Instant incidentStartedAt, Instant standDownAt) {
        this.incidentStartedAt = incidentStartedAt;
        this.standDownAt = standDownAt;
        return this;
    }

    /** USAR rescue hours: the first {@value #USAR_WINDOW_HOURS} h after the incident struck. */
    public static final long USAR_WINDOW_HOURS = 72;

    /**
     * Whole hours from {@code planFrom} to the end of the USAR rescue window, the first {@value #USAR_WINDOW_HOURS} h
     * after the incident struck (counted from {@code planFrom} when its start is unknown); 0 once the window is over.
     */
    public long usarWindowHoursAfter(Instant planFrom) {
        if (incidentStartedAt == null) {
            return USAR_WINDOW_HOURS;
        }
        if (windowFor != planFrom) {
            Instant end = incidentStartedAt.plusSeconds(USAR_WINDOW_HOURS * 3600);
            windowHours = Math.max(0, java.time.Duration.between(planFrom, end).toMinutes() / 60);
            windowFor = planFrom;
        }
        return windowHours;
    }

    /** False when {@code option} arrives after the stand-down instant (USAR teams no longer useful then). */
    public boolean arrivesInTime(TeamOption option) {
        return standDownAt == null || !option.getArrivesAt().isAfter(standDownAt);
    }

    public Instant getIncidentStartedAt() {
        return incidentStartedAt;
    }

    public Instant getStandDownAt() {
        return standDownAt;
    }

    /** USAR teams (INSARAG light/medium/heavy) save lives mostly in the first 72 h. */
    public boolean isUsar() {
        return teamType != null && teamType.toUpperCase().startsWith("USAR");
    }

    /** Records a released base assignment of {@code teamId} to this team need. */
    public void addReleasedBaseTeam(UUID teamId) {
        releasedBaseTeams.add(teamId);
    }

    public boolean hasReleasedBaseTeams() {
        return !releasedBaseTeams.isEmpty();
    }

    public int releasedBaseTeamCount() {
        return releasedBaseTeams.size();
    }

    /** True when {@code team} is one the base plan assigned here (released). */
    public boolean isReleasedBaseTeam(Team team) {
        return team != null && releasedBaseTeams.contains(team.getId());
    }

    public UUID getId() {
        return id;
    }
    public SiteFact getSite() {
        return site;
    }
    public String getSiteCountryCode() {
        return site.getCountryCode();
    }
    public String getTeamType() {
        return teamType;
    }
    public int getCount() {
        return count;
    }
    public Instant getNeededBy() {
        return neededBy;
    }
    public int getTypeDemand() {
        return typeDemand;
    }

    @Override
    public String toString() {
        return "TeamNeed[" + site.getName() + "/" + teamType + " x" + count + "]";
    }
}
