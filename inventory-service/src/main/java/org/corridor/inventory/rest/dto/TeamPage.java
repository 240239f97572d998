package org.corridor.inventory.rest.dto;

import java.util.List;
import org.corridor.common.paging.PageResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of teams: GET /teams in JSON (the list answers CSV too, so its schema is named here). */
@Schema(name = "TeamPage", description = "One page of teams")
public record TeamPage(
        @Schema(description = "The teams of this page") List<TeamDto> items,
        @Schema(description = "Page number, 0-based", example = "0") int page,
        @Schema(description = "Page size asked for", example = "20") int size,
        @Schema(description = "Number of teams on all pages", example = "42") long total) {

    public static TeamPage from(PageResponse<TeamDto> teams) {
        return new TeamPage(teams.items(), teams.page(), teams.size(), teams.total());
    }
}
