package org.corridor.inventory.service;

import java.time.Instant;
import java.util.UUID;
import org.corridor.inventory.domain.Team;
import org.corridor.inventory.domain.TeamStatus;
import org.corridor.inventory.domain.TeamType;

/** A registered team, with its assignment while it is ASSIGNED. */
public record TeamView(UUID id, String name, String countryCode, UUID organisationId, TeamType type, int members,
        double baseLatitude, double baseLongitude, int mobilisationHours, int selfSufficiencyDays, TeamStatus status,
        String assignmentReference, Instant assignedAt, Instant createdAt) {

    static TeamView of(Team t) {
        return new TeamView(t.id, t.name, t.countryCode, t.organisationId, t.type, t.members, t.baseLatitude,
                t.baseLongitude, t.mobilisationHours, t.selfSufficiencyDays, t.status, t.assignmentReference,
                t.assignedAt, t.createdAt);
    }
}
