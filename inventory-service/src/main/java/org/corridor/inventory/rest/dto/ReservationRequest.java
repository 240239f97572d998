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
                        + Examples.LOT_ID + "\", \"quantity\": 120}]") List<@NotNull ReservationLineRequest> lines,
        @Size(max = MAX_SOURCES) @Valid @Schema(
                description = "Optional, up to 50 reservations to release units from in the same transaction, before "
                        + "the new lines are held: the released units count as available for this reservation and "
                        + "are never free for anybody else in between (hand-over, e.g. a re-plan taking over lines "
                        + "of its base plan). Each source must still hold every quantity given for it, each "
                        + "reservation appears at most once; if a source holds too little or the new hold is short, "
                        + "nothing is released and nothing is held (409). The releases are recorded on each source "
                        + "as a release under the reference handover-<new reservation id>",
                maxItems = MAX_SOURCES,
                example = "[{\"reservationId\": \"" + Examples.RESERVATION_ID + "\", \"lines\": [{\"lotId\": \""
                        + Examples.LOT_ID
                        + "\", \"quantity\": 40}]}]") List<@NotNull HandOverSourceRequest> releasing) {

    /**
     * Most lines one reservation (or one settlement) may have: a plan of a large response draws on thousands of lots.
     */
    public static final int MAX_LINES = 10_000;

    /** Most reservations one request may release units from ({@code releasing}). */
    public static final int MAX_SOURCES = 50;

    public List<ReservationService.Line> toLines() {
        return lines.stream().map(ReservationLineRequest::toLine).toList();
    }

    /** The reservations to release units from first; empty when none are given. */
    public List<ReservationService.Source> toSources() {
        return releasing == null ? List.of() : releasing.stream().map(HandOverSourceRequest::toSource).toList();
    }
}
