package org.corridor.inventory.rest.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.corridor.inventory.rest.Examples;
import org.corridor.inventory.service.ReservationService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One reservation whose units a new reservation takes over ({@code releasing} of {@link ReservationRequest}): the given
 * quantities are released from it and held by the new reservation in the same transaction, so that they are never free
 * for anybody else in between (a re-plan's approval hands the changed lines of the base plan over to the re-plan).
 */
@Schema(name = "ReservationHandOverSource",
        description = "A reservation to release units from, in the same transaction as the new hold: each lot's "
                + "quantity must still be held by it in full, or nothing happens (409)")
public record HandOverSourceRequest(
        @NotNull @Schema(description = "The reservation that gives the units up; HELD (holding at least each "
                + "quantity below)", example = Examples.RESERVATION_ID) UUID reservationId,
        @NotNull @Size(min = 1, max = ReservationRequest.MAX_LINES) @Valid @Schema(
                description = "1 to 10,000 lots of that reservation and the quantities to release of each, each lot "
                        + "at most once",
                maxItems = ReservationRequest.MAX_LINES,
                example = "[{\"lotId\": \"" + Examples.LOT_ID
                        + "\", \"quantity\": 40}]") List<@NotNull ReservationLineRequest> lines) {

    public ReservationService.Source toSource() {
        return new ReservationService.Source(reservationId,
                lines.stream().map(ReservationLineRequest::toLine).toList());
    }
}
