package org.corridor.inventory.rest.dto;

import java.time.Instant;
import java.util.UUID;
import org.corridor.inventory.domain.TeamStatus;
import org.corridor.inventory.domain.TeamType;
import org.corridor.inventory.rest.Examples;
import org.corridor.inventory.service.TeamView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Team", description = "A registered team")
public record TeamDto(
        @Schema(description = "Id", example = Examples.TEAM_ID) UUID id,
        @Schema(description = "Name", example = "USAR Italy Heavy Team") String name,
        @Schema(description = "ISO 3166-1 alpha-3 code of its home country", example = "ITA") String countryCode,
        @Schema(description = "Organisation fielding it", example = Examples.ORGANISATION_ID) UUID organisationId,
        @Schema(description = "INSARAG class, WHO EMT type, or support team type",
                example = "USAR_HEAVY") TeamType type,
        @Schema(description = "Number of members", example = "59") int members,
        @Schema(description = "Latitude of its base", example = "41.8") double baseLatitude,
        @Schema(description = "Longitude of its base", example = "12.25") double baseLongitude,
        @Schema(description = "Hours from request to departure", example = "10") int mobilisationHours,
        @Schema(description = "Days it can work without resupply", example = "10") int selfSufficiencyDays,
        @Schema(description = "AVAILABLE, ASSIGNED, DEPLOYED or STOOD_DOWN", example = "AVAILABLE") TeamStatus status,
        @Schema(description = "Reference of the assignment while ASSIGNED, else null",
                example = "plan-7c1e2d90") String assignmentReference,
        @Schema(description = "When it was assigned, while ASSIGNED, else null",
                example = Examples.INSTANT) Instant assignedAt,
        @Schema(description = "When it was registered", example = Examples.INSTANT) Instant createdAt) {

    public static TeamDto from(TeamView t) {
        return new TeamDto(t.id(), t.name(), t.countryCode(), t.organisationId(), t.type(), t.members(),
                t.baseLatitude(), t.baseLongitude(), t.mobilisationHours(), t.selfSufficiencyDays(), t.status(),
                t.assignmentReference(), t.assignedAt(), t.createdAt());
    }
}
