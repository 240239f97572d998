package org.corridor.allocation.rest.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** OpenAPI only: the page of 3W rows (the answer is common's {@code PageResponse} of {@link WhoWhatWhereDto}). */
@Schema(name = "WhoWhatWherePage", description = "One page of the 3W (who does what where) of an incident")
public record WhoWhatWherePageDto(
        @Schema(description = "The rows of this page") List<WhoWhatWhereDto> items,
        @Schema(description = "Page number, 0-based", example = "0") int page,
        @Schema(description = "Page size asked for", example = "20") int size,
        @Schema(description = "Number of rows on all pages", example = "12") long total) {
}
