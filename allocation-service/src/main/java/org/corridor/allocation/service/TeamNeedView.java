package org.corridor.allocation.service;

import java.time.Instant;
import java.util.UUID;
import org.corridor.allocation.domain.TeamNeed;
import org.corridor.allocation.domain.TeamType;
import org.corridor.allocation.service.coverage.TeamNeedCoverage;

/** A need for teams of one type at a site, with how many approved plans assign. */
public record TeamNeedView(UUID id, UUID incidentId, UUID siteId, TeamType teamType, int count, Instant neededBy,
        TeamNeedCoverage coverage) {

    static TeamNeedView of(TeamNeed t, TeamNeedCoverage coverage) {
        return new TeamNeedView(t.id, t.incidentId, t.siteId, t.teamType, t.count, t.neededBy,
                coverage == null ? TeamNeedCoverage.of(t.count, 0) : coverage);
    }
}
