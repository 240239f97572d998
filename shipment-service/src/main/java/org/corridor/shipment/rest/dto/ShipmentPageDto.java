package org.corridor.shipment.rest.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** OpenAPI only: the page of shipments (the answer is common's {@code PageResponse} of {@link ShipmentDto}). */
@Schema(name = "ShipmentPage", description = "One page of shipments")
public record ShipmentPageDto(
        @Schema(description = "The shipments of this page") List<ShipmentDto> items,
        @Schema(description = "Page number, 0-based", example = "0") int page,
        @Schema(description = "Page size asked for", example = "20") int size,
        @Schema(description = "Number of shipments on all pages", example = "42") long total) {
}
