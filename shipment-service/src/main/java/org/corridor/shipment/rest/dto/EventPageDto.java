package org.corridor.shipment.rest.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** OpenAPI only: the page of events (the answer is common's {@code PageResponse} of {@link EventDto}). */
@Schema(name = "ShipmentEventPage", description = "One page of tracking events, oldest first")
public record EventPageDto(
        @Schema(description = "The events of this page") List<EventDto> items,
        @Schema(description = "Page number, 0-based", example = "0") int page,
        @Schema(description = "Page size asked for", example = "20") int size,
        @Schema(description = "Number of events on all pages", example = "7") long total) {
}
