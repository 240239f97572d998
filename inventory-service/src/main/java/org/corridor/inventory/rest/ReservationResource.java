package org.corridor.inventory.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.corridor.common.idempotency.Idempotency;
import org.corridor.common.paging.PageParams;
import org.corridor.common.paging.PageResponse;
import org.corridor.common.problem.Problem;
import org.corridor.common.problem.ProblemException;
import org.corridor.common.rest.QueryParams;
import org.corridor.common.security.Roles;
import org.corridor.inventory.domain.ReservationStatus;
import org.corridor.inventory.rest.dto.ReservationDto;
import org.corridor.inventory.rest.dto.ReservationRequest;
import org.corridor.inventory.rest.dto.SettledReservationDto;
import org.corridor.inventory.rest.dto.SettlementRequest;
import org.corridor.inventory.service.ReservationService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reservations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reservations", description = "Stock held for a plan, all or nothing, until it is released or consumed")
public class ReservationResource {

    private static final String SETTLEMENT_KEY = "Reference of this settlement when the body names none";

    private final ReservationService reservations;
    private final Idempotency idempotency;

    public ReservationResource(ReservationService reservations, Idempotency idempotency) {
        this.reservations = reservations;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "createReservation", summary = "Reserve stock, all or nothing",
            description = "Holds the quantities of every line (1 to 10,000 lines), or none: if any line is short (not enough available, "
                    + "or the lot has expired) the answer is 409 and its extensions.shortLines lists each short line "
                    + "as {lotId, requested, available, reason}. Requires an Idempotency-Key: the same key and body "
                    + "replay the first answer, the same key with another body is 422. Never oversells under "
                    + "concurrent requests. Hand-over: with releasing (up to 50 source reservations, each with 1 to "
                    + "10,000 lots and quantities it still holds), those units are released from the sources and "
                    + "the new lines are held in ONE transaction, so the released units count as available for the "
                    + "new reservation and are never free for anybody else in between (a re-plan's approval taking "
                    + "over lines of its base plan). Each source's release is recorded like a normal release (RELEASE "
                    + "ledger entries, the lines' released totals, the status) under the reference "
                    + "handover-<new reservation id>. If a source holds less than asked of a lot (or not the lot at "
                    + "all), or a new line is short, nothing is released and nothing is held: 409 with every short "
                    + "line in extensions.shortLines, a source's line carrying its reservationId and reason NOT_HELD "
                    + "or NOT_IN_RESERVATION, available being what the source still holds.")
    @APIResponse(responseCode = "201", description = "HELD; Location names the reservation",
            headers = @Header(name = "Location", description = "URI of the reservation",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReservationDto.class)))
    @APIResponse(responseCode = "400", description = "A missing or invalid field, a lot given twice in lines or in one "
            + "source of releasing, or a reservation given twice in releasing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409",
            description = "Not enough available stock on one or more lines, or a source reservation of releasing "
                    + "that does not hold what is asked of it; nothing was reserved or released. "
                    + "extensions.shortLines: [{lotId, requested, available, reason, reservationId?}], reason "
                    + "INSUFFICIENT_STOCK or EXPIRED for a new line, NOT_HELD or NOT_IN_RESERVATION (with the "
                    + "source's reservationId) for a release",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown lot, or an unknown reservation in releasing"
            + Problems.IDEMPOTENCY_422,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "Required key making a retry safe",
                    required = true, example = "approve-plan-7c1e2d90") String key,
            @Valid @NotNull ReservationRequest body) {
        return idempotency.require("reservations", key, body, () -> {
            ReservationDto dto = ReservationDto.from(reservations.reserve(body.reference().trim(), body.toLines(),
                    body.toSources()));
            return Idempotency.Result.created(URI.create("/api/v1/reservations/" + dto.id()), dto);
        });
    }

    @GET
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "listReservations", summary = "List reservations",
            description = "Reservations oldest first (by createdAt, then id), optionally only those with exactly "
                    + "one reference, or with references starting with a prefix, and/or one status (HELD, CONSUMED, "
                    + "RELEASED, PARTIAL). Each item is a reservation with its lines (lotId, itemCode, quantity, "
                    + "consumed, released, held): this is how a caller finds out what a reference really holds, e.g. "
                    + "before undoing a plan's approval, or which of its references still hold stock "
                    + "(referencePrefix=plan-&status=HELD).")
    public PageResponse<ReservationDto> list(
            @QueryParam("reference") @Parameter(description = "Only reservations with exactly this reference",
                    example = "plan-7c1e2d90") String reference,
            @QueryParam("referencePrefix") @Parameter(
                    description = "Only reservations whose reference starts with this text (compared exactly, case "
                            + "sensitive; % and _ are plain characters). Combines with reference and status.",
                    example = "plan-") String referencePrefix,
            @QueryParam("status") @Parameter(
                    description = "Only reservations with this status: HELD, CONSUMED, RELEASED or "
                            + "PARTIAL",
                    example = "HELD",
                    schema = @Schema(implementation = ReservationStatus.class)) String status,
            @BeanParam @Valid PageParams page) {
        ReservationStatus s = QueryParams.enumValue("status", status, ReservationStatus.class);
        return reservations.list(reference, referencePrefix, s, page.page, page.size).map(ReservationDto::from);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getReservation", summary = "Get one reservation", description = "One reservation by id.")
    public ReservationDto get(
            @PathParam("id") @Parameter(description = "Reservation id", example = Examples.RESERVATION_ID) UUID id) {
        return ReservationDto.from(reservations.get(id));
    }

    @POST
    @Path("{id}/release")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "releaseReservation", summary = "Release a reservation, or part of it",
            description = "Held quantities become available again (RELEASE entries). A release never fails because "
                    + "stock is no longer held: per line it releases what was asked but at most what is still held, "
                    + "and settlement.lines[].released tells what it really released (0 on a reservation that is "
                    + "already RELEASED, CONSUMED or PARTIAL). Without a body (and without an Idempotency-Key) "
                    + "everything still held is released. With a reference (body or Idempotency-Key header) the "
                    + "given lines (up to 10,000), or everything still held, are released once per reference, even "
                    + "when that is nothing: the same reference again answers the first outcome (settlement.replay "
                    + "true), with other lines it is 422. A lot that is not a line of the reservation is 409 and "
                    + "nothing is released. Status: HELD while anything is held, then RELEASED, CONSUMED or PARTIAL "
                    + "(partly each).")
    @APIResponse(responseCode = "200", description = "The reservation after the release, and what was released",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SettledReservationDto.class)))
    @APIResponse(responseCode = "409", description = "A lot that is not a line of the reservation; nothing was "
            + "released",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The reference was already used for other lines",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SettledReservationDto release(
            @PathParam("id") @Parameter(description = "Reservation id", example = Examples.RESERVATION_ID) UUID id,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = SETTLEMENT_KEY,
                    example = "shipment-5d1f0b7e-release") String key,
            @Valid @RequestBody(required = false,
                    description = "Optional: what to release and under which reference") SettlementRequest body) {
        return SettledReservationDto.from(reservations.release(id, reference(body, key), lines(body)));
    }

    @POST
    @Path("{id}/consume")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "consumeReservation", summary = "Consume a reservation, or part of it",
            description = "Held quantities leave the depot (ISSUE entries lower on-hand and reserved alike). Strict: "
                    + "goods that are not held cannot be dispatched, so a line asking for more than it holds is 409 "
                    + "and nothing is consumed. Without a body (and without an Idempotency-Key) everything still held "
                    + "is consumed; repeating it answers the reservation unchanged, and a reservation that holds "
                    + "nothing and was never consumed is 409. With a reference (body or Idempotency-Key header) the "
                    + "given lines (up to 10,000), or everything still held, are consumed once per reference: this is "
                    + "how each shipment of a plan consumes its own part when it is dispatched. "
                    + "settlement.lines[].consumed tells what this consumption issued.")
    @APIResponse(responseCode = "200", description = "The reservation after the consumption, and what was consumed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SettledReservationDto.class)))
    @APIResponse(responseCode = "409", description = "Nothing (or not that much) is held, or a lot that is not a "
            + "line of the reservation; nothing was consumed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The reference was already used for other lines",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SettledReservationDto consume(
            @PathParam("id") @Parameter(description = "Reservation id", example = Examples.RESERVATION_ID) UUID id,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = SETTLEMENT_KEY,
                    example = "shipment-5d1f0b7e-consume") String key,
            @Valid @RequestBody(required = false,
                    description = "Optional: what to consume and under which reference") SettlementRequest body) {
        return SettledReservationDto.from(reservations.consume(id, reference(body, key), lines(body)));
    }

    /** The contract's form, with no body (any or no Content-Type): settle everything still held. */
    @POST
    @Path("{id}/release")
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.ADMIN, Roles.SERVICE})
    public SettledReservationDto releaseWithoutBody(@PathParam("id") UUID id,
            @HeaderParam(Idempotency.HEADER) String key) {
        return release(id, key, null);
    }

    /** The contract's form, with no body (any or no Content-Type): settle everything still held. */
    @POST
    @Path("{id}/consume")
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.ADMIN, Roles.SERVICE})
    public SettledReservationDto consumeWithoutBody(@PathParam("id") UUID id,
            @HeaderParam(Idempotency.HEADER) String key) {
        return consume(id, key, null);
    }

    private static String reference(SettlementRequest body, String key) {
        String ref = body != null && body.reference() != null && !body.reference().isBlank()
                ? body.reference().trim()
                : key == null || key.isBlank() ? null : key.trim();
        if (ref == null && body != null && body.lines() != null) {
            throw ProblemException.badRequest(
                    "A reference (or Idempotency-Key header) is required to settle part of a reservation");
        }
        return ref;
    }

    private static List<ReservationService.Line> lines(SettlementRequest body) {
        return body == null ? null : body.toLines();
    }
}
