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

    public TeamNeedFact(UUID id, SiteFact site, String teamType, int count, Instant neededBy, int typeDemand) {
        this.id = id;
        this.site = site;
        this.teamType = teamType;
        this.count = count;
        this.neededBy = neededBy;
        this.typeDemand = Math.max(typeDemand, count);
    }

    /** USAR teams (INSARAG light/medium/heavy) save lives mostly in the first 72 h. */
    public boolean isUsar() {
        return teamType != null && teamType.toUpperCase().startsWith("USAR");
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
