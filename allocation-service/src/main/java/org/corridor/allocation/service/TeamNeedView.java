package org.corridor.allocation.service;

import java.time.Instant;
import java.util.UUID;
import org.corridor.allocation.domain.TeamNeed;
import org.corridor.allocation.domain.TeamType;

/** A need for teams of one type at a site. */
public record TeamNeedView(UUID id, UUID incidentId, UUID siteId, TeamType teamType, int count, Instant neededBy) {

    static TeamNeedView of(TeamNeed t) {
        return new TeamNeedView(t.id, t.incidentId, t.siteId, t.teamType, t.count, t.neededBy);
    }
}
