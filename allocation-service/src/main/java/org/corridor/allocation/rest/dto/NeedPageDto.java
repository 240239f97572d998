package org.corridor.allocation.rest.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** OpenAPI only: the page of needs (the answer is common's {@code PageResponse} of {@link NeedDto}). */
@Schema(name = "NeedPage", description = "One page of material needs")
public record NeedPageDto(
        @Schema(description = "The needs of this page") List<NeedDto> items,
        @Schema(description = "Page number, 0-based", example = "0") int page,
        @Schema(description = "Page size asked for", example = "20") int size,
        @Schema(description = "Number of needs on all pages", example = "42") long total) {
}
