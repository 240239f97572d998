package org.corridor.inventory.rest.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.corridor.inventory.rest.Examples;
import org.corridor.inventory.service.ReservationService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReservationRequest", description = "Lots and quantities to hold, all or nothing")
public record ReservationRequest(
        @NotBlank @Size(max = 200) @Schema(description = "The caller's reference, e.g. a plan id",
                example = "plan-7c1e2d90", maxLength = 200) String reference,
        @NotNull @Size(min = 1, max = MAX_LINES) @Valid @Schema(
                description = "1 to 10,000 lines, each lot at most once",
                maxItems = MAX_LINES,
                example = "[{\"lotId\": \""
                        + Examples.LOT_ID + "\", \"quantity\": 120}]") List<@NotNull ReservationLineRequest> lines) {

    /**
     * Most lines one reservation (or one settlement) may have: a plan of a large response draws on thousands of lots.
     */
    public static final int MAX_LINES = 10_000;

    public List<ReservationService.Line> toLines() {
        return lines.stream().map(ReservationLineRequest::toLine).toList();
    }
}
