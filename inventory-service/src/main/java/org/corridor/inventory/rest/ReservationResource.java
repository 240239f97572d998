package org.corridor.inventory.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.corridor.common.idempotency.Idempotency;
import org.corridor.common.paging.PageParams;
import org.corridor.common.paging.PageResponse;
import org.corridor.common.problem.Problem;
import org.corridor.common.problem.ProblemException;
import org.corridor.common.security.Roles;
import org.corridor.inventory.domain.Reservation;
import org.corridor.inventory.domain.ReservationStatus;
import org.corridor.inventory.service.References;
import org.corridor.inventory.service.ReservationService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/reservations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reservations", description = "Stock held for a plan, all or nothing, until it is released or consumed")
public class ReservationResource {

    private final ReservationService reservations;
    private final Idempotency idempotency;

    public ReservationResource(ReservationService reservations, Idempotency idempotency) {
        this.reservations = reservations;
        this.idempotency = idempotency;
    }

    @Schema(name = "ReservationRequest", description = "Lots and quantities to hold, all or nothing")
    public record ReservationRequest(
            @NotBlank @Size(max = 200) @Schema(description = "The caller's reference, e.g. a plan id", example = "plan-7c1e2d90", maxLength = 200) String reference,
            @NotNull @Size(min = 1, max = 200) @Valid @Schema(description = "1 to 200 lines, each lot at most once", example = "[{\"lotId\": \"" + Examples.LOT_ID + "\", \"quantity\": 120}]") List<@NotNull ReservationLineRequest> lines) {
    }

    @Schema(name = "ReservationLineRequest", description = "A lot and the quantity to hold of it")
    public record ReservationLineRequest(
            @NotNull @Schema(description = "Lot to hold stock of", example = Examples.LOT_ID) UUID lotId,
            @NotNull @Min(1) @Max(1_000_000_000) @Schema(description = "Quantity, 1 to 1,000,000,000, in the item's unit", example = "120") Long quantity) {
    }

    @Schema(name = "Reservation", description = "Stock held for a plan")
    public record ReservationDto(
            @Schema(description = "Id", example = Examples.RESERVATION_ID) UUID id,
            @Schema(description = "The caller's reference", example = "plan-7c1e2d90") String reference,
            @Schema(description = "HELD while anything is held; then CONSUMED, RELEASED or SETTLED (partly each)", example = "HELD") ReservationStatus status,
            @Schema(description = "What is held", example = "[{\"lotId\": \"" + Examples.LOT_ID + "\", \"itemCode\": \"SHL-TENT-FAMILY\", \"quantity\": 120}]") List<ReservationLineDto> lines,
            @Schema(description = "When it was made", example = Examples.INSTANT) Instant createdAt,
            @Schema(description = "When its status last changed", example = Examples.INSTANT) Instant updatedAt) {
        static ReservationDto of(Reservation r) {
            return new ReservationDto(r.id, r.reference, r.status,
                    r.lines.stream().map(l -> new ReservationLineDto(l.lotId, l.itemCode, l.quantity, l.consumed, l.released, l.held())).toList(),
                    r.createdAt, r.updatedAt);
        }
    }

    @Schema(name = "ReservationLine", description = "A lot and the quantity held of it")
    public record ReservationLineDto(
            @Schema(description = "Lot", example = Examples.LOT_ID) UUID lotId,
            @Schema(description = "Item of the lot", example = "SHL-TENT-FAMILY") String itemCode,
            @Schema(description = "Quantity reserved on this line", example = "120") long quantity,
            @Schema(description = "Of it, issued out of the depot", example = "40") long consumed,
            @Schema(description = "Of it, given back to available stock", example = "0") long released,
            @Schema(description = "Of it, still held", example = "80") long held) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "createReservation", summary = "Reserve stock, all or nothing",
            description = "Holds the quantities of every line, or none: if any line is short (not enough available, or "
                    + "the lot has expired) the answer is 409 and its extensions.shortLines lists each short line as "
                    + "{lotId, requested, available, reason}. Requires an Idempotency-Key: the same key and body replay the "
                    + "first answer, the same key with another body is 422. Never oversells under concurrent requests.")
    @APIResponse(responseCode = "201", description = "HELD; Location names the reservation",
            headers = @Header(name = "Location", description = "URI of the reservation", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReservationDto.class)))
    @APIResponse(responseCode = "409", description = "Not enough available stock on one or more lines; nothing was reserved",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown lot" + Problems.IDEMPOTENCY_422,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "Required key making a retry safe", required = true, example = "approve-plan-7c1e2d90") String key,
            @Valid @NotNull ReservationRequest body) {
        return idempotency.require("reservations", key, body, () -> {
            ReservationDto dto = ReservationDto.of(reservations.reserve(body.reference().trim(),
                    body.lines().stream().map(l -> new ReservationService.Line(l.lotId(), l.quantity())).toList()));
            return Idempotency.Result.created(URI.create("/api/v1/reservations/" + dto.id()), dto);
        });
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "listReservations", summary = "List reservations",
            description = "Reservations oldest first, optionally with one reference and/or status.")
    public PageResponse<ReservationDto> list(
            @QueryParam("reference") @Parameter(description = "Only reservations with this reference", example = "plan-7c1e2d90") String reference,
            @QueryParam("status") @Parameter(description = "Only reservations with this status", example = "HELD",
                    schema = @Schema(implementation = ReservationStatus.class)) String status,
            @BeanParam @Valid PageParams page) {
        return PageResponse.of(reservations.list(reference, References.parseFilter(ReservationStatus.class, status, "status")),
                page, ReservationDto::of);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getReservation", summary = "Get one reservation", description = "One reservation by id.")
    public ReservationDto get(@PathParam("id") @Parameter(description = "Reservation id", example = Examples.RESERVATION_ID) UUID id) {
        return ReservationDto.of(reservations.get(id));
    }

    @Schema(name = "SettlementRequest", description = "Optional body of release and consume: settle part of a "
            + "reservation once per reference (e.g. one shipment of a plan). Without a body everything still held is settled.")
    public record SettlementRequest(
            @Size(max = 200) @Schema(description = "What this settlement is for; the same reference again is a replay. "
                    + "Defaults to the Idempotency-Key header. Required when lines are given", example = "shipment-5d1f0b7e", maxLength = 200) String reference,
            @Size(min = 1, max = 200) @Valid @Schema(description = "Lots and quantities to settle; absent: everything still held",
                    example = "[{\"lotId\": \"" + Examples.LOT_ID + "\", \"quantity\": 40}]") List<@NotNull ReservationLineRequest> lines) {
    }

    @POST
    @Path("{id}/release")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "releaseReservation", summary = "Release a reservation, or part of it",
            description = "Held quantities become available again (RELEASE entries). Without a body (and without an "
                    + "Idempotency-Key) everything still held is released; repeating it answers the reservation unchanged, "
                    + "and a reservation that was wholly consumed cannot be released (409). With a reference (body or "
                    + "Idempotency-Key header) the given lines, or everything still held, are released once per reference: "
                    + "the same reference again answers unchanged, with other lines it is 422. Status: HELD while anything "
                    + "is held, then RELEASED, CONSUMED or SETTLED (partly each).")
    @APIResponse(responseCode = "200", description = "The reservation after the release",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReservationDto.class)))
    @APIResponse(responseCode = "409", description = "Nothing (or not that much) is held any more",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The reference was already used for other lines",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReservationDto release(@PathParam("id") @Parameter(description = "Reservation id", example = Examples.RESERVATION_ID) UUID id,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "Reference of this settlement when the body names none", example = "shipment-5d1f0b7e-release") String key,
            @Valid @RequestBody(required = false, description = "Optional: what to release and under which reference") SettlementRequest body) {
        return ReservationDto.of(reservations.release(id, reference(body, key), lines(body)));
    }

    @POST
    @Path("{id}/consume")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "consumeReservation", summary = "Consume a reservation, or part of it",
            description = "Held quantities leave the depot (ISSUE entries lower on-hand and reserved alike). Without a body "
                    + "(and without an Idempotency-Key) everything still held is consumed; repeating it answers the "
                    + "reservation unchanged, and a reservation that was wholly released cannot be consumed (409). With a "
                    + "reference (body or Idempotency-Key header) the given lines, or everything still held, are consumed "
                    + "once per reference: this is how each shipment of a plan consumes its own part when it is dispatched.")
    @APIResponse(responseCode = "200", description = "The reservation after the consumption",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReservationDto.class)))
    @APIResponse(responseCode = "409", description = "Nothing (or not that much) is held any more",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The reference was already used for other lines",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReservationDto consume(@PathParam("id") @Parameter(description = "Reservation id", example = Examples.RESERVATION_ID) UUID id,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "Reference of this settlement when the body names none", example = "shipment-5d1f0b7e-consume") String key,
            @Valid @RequestBody(required = false, description = "Optional: what to consume and under which reference") SettlementRequest body) {
        return ReservationDto.of(reservations.consume(id, reference(body, key), lines(body)));
    }

    /** The contract's form, with no body (any or no Content-Type): settle everything still held. */
    @POST
    @Path("{id}/release")
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.ADMIN, Roles.SERVICE})
    public ReservationDto releaseWithoutBody(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key) {
        return release(id, key, null);
    }

    /** The contract's form, with no body (any or no Content-Type): settle everything still held. */
    @POST
    @Path("{id}/consume")
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.ADMIN, Roles.SERVICE})
    public ReservationDto consumeWithoutBody(@PathParam("id") UUID id, @HeaderParam(Idempotency.HEADER) String key) {
        return consume(id, key, null);
    }

    private static String reference(SettlementRequest body, String key) {
        String ref = body != null && body.reference() != null && !body.reference().isBlank() ? body.reference().trim()
                : key == null || key.isBlank() ? null : key.trim();
        if (ref == null && body != null && body.lines() != null) {
            throw ProblemException.badRequest("A reference (or Idempotency-Key header) is required to settle part of a reservation");
        }
        return ref;
    }

    private static List<ReservationService.Line> lines(SettlementRequest body) {
        return body == null || body.lines() == null ? null
                : body.lines().stream().map(l -> new ReservationService.Line(l.lotId(), l.quantity())).toList();
    }
}
