package org.corridor.shipment.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.corridor.common.csv.HxlCsv;
import org.corridor.common.etag.ChangeMarkers;
import org.corridor.common.etag.ETagResponder;
import org.corridor.common.idempotency.Idempotency;
import org.corridor.common.paging.PageParams;
import org.corridor.common.problem.Problem;
import org.corridor.common.rest.QueryParams;
import org.corridor.common.security.Roles;
import org.corridor.shipment.domain.ShipmentStatus;
import org.corridor.shipment.rest.dto.CreateShipmentRequest;
import org.corridor.shipment.rest.dto.EventDto;
import org.corridor.shipment.rest.dto.EventPageDto;
import org.corridor.shipment.rest.dto.EventRequest;
import org.corridor.shipment.rest.dto.ProofOfDeliveryDto;
import org.corridor.shipment.rest.dto.ProofOfDeliveryRequest;
import org.corridor.shipment.rest.dto.ShipmentDto;
import org.corridor.shipment.rest.dto.ShipmentPageDto;
import org.corridor.shipment.service.ShipmentService;
import org.corridor.shipment.service.StockSettlementService;
import org.corridor.shipment.service.TrackingService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/shipments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Shipments", description = "Shipments of approved plans, their tracking events and proof of delivery")
public class ShipmentResource {

    private static final String JSON = MediaType.APPLICATION_JSON;
    private static final String IDEMPOTENCY_DESCRIPTION = "Same key and body replay the first answer; same key with another body is 422";
    private static final String NOT_MODIFIED = "Not modified: the If-None-Match tag still matches";
    private static final String SHIPMENT_ID = "Shipment id";
    private static final String SHIPMENT_ID_EXAMPLE = "3b2a1f0e-9d8c-4b7a-6f5e-4d3c2b1a0f9e";

    private final ShipmentService shipments;
    private final TrackingService tracking;
    private final StockSettlementService settlements;
    private final Idempotency idempotency;
    /** The change marker of everything GET /shipments shows (shipments and their lines). */
    static final String SHIPMENTS_MARKER = "shipments";

    private final ETagResponder etag;
    private final ChangeMarkers markers;

    public ShipmentResource(ShipmentService shipments, TrackingService tracking, StockSettlementService settlements,
            Idempotency idempotency, ETagResponder etag, ChangeMarkers markers) {
        this.shipments = shipments;
        this.tracking = tracking;
        this.settlements = settlements;
        this.idempotency = idempotency;
        this.etag = etag;
        this.markers = markers;
    }

    // ---------------------------------------------------------------- shipments

    @POST
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "createShipment", summary = "Create a shipment",
            description = "Records a PLANNED shipment of an approved plan, with 1 to 5,000 lines. Its lots are held by "
                    + "the plan's reservation in inventory-service: one reservation per plan, shared by all the "
                    + "plan's shipments (one per origin depot, site and mode), each of which settles only its own "
                    + "lines of it, under its own reference, consuming them at dispatch or releasing them when "
                    + "cancelled before dispatch. Requires an Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Created; Location names the shipment",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ShipmentDto.class)))
    @APIResponse(responseCode = "400",
            description = "A missing or invalid field, or no lines or more than 5,000 (errors name each field)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422",
            description = "Arrival not after departure, a lot listed twice, or the Idempotency-Key reused with "
                    + "another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(
            @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, required = true,
                    description = IDEMPOTENCY_DESCRIPTION,
                    example = "approval-6f1c2a1e-shipment-1") @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull CreateShipmentRequest body) {
        return idempotency.require("shipment-create", key, body, () -> {
            ShipmentDto created = ShipmentDto.from(shipments.create(body.toCommand()));
            return Idempotency.Result.created(URI.create("/api/v1/shipments/" + created.id()), created);
        });
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, HxlCsv.MEDIA_TYPE})
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "listShipments", summary = "List shipments",
            description = "Shipments matching every given filter, one page at a time (size up to 500), ordered by "
                    + "updatedAt then id (oldest change first), so pages never overlap or skip while nothing "
                    + "changes. Each shipment comes with all its lines, and with accepted and rejected quantities per "
                    + "line once its proof of delivery is recorded. Dashboards poll with `since` (only shipments "
                    + "changed strictly after it) and If-None-Match (304 when nothing changed). A reader that must "
                    + "not miss a change (e.g. allocation-service reconciling coverage) pages by keyset: it asks "
                    + "page 0 with `since` and `sinceId` set to the updatedAt and id of the last shipment it "
                    + "processed, until a page comes back shorter than size. With format=csv (or Accept: text/csv) "
                    + "every matching shipment (page and size do not apply) as HXL-tagged CSV, streamed, one row per "
                    + "shipment line with the shipment's fields repeated. With lines=false (JSON only) each shipment "
                    + "comes without its lines, with their count and total weight: for readers that need only ids and "
                    + "statuses.")
    @APIResponse(responseCode = "200", description = "One page of shipments, with an ETag (JSON); or every "
            + "matching shipment line (CSV)",
            content = {@Content(mediaType = JSON, schema = @Schema(implementation = ShipmentPageDto.class)),
                    @Content(mediaType = HxlCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                            description = "HXL-tagged CSV, UTF-8, RFC 4180: one row per shipment line",
                            example = CsvTables.SHIPMENTS_EXAMPLE))})
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    @APIResponse(responseCode = "400",
            description = "A filter that is not a UUID, status or instant, sinceId without since, lines that is not "
                    + "true or false, or page/size out of range (size 1 to 500)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(
            @Parameter(description = "Only shipments of this plan (e.g. for an approval to find what it created)",
                    example = "6f1c2a1e-4b7d-4f4e-9a7b-1d2c3e4f5a6b",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("planId") String planId,
            @Parameter(description = "Only shipments of this incident",
                    example = "c1d2e3f4-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
                    schema = @Schema(type = SchemaType.STRING,
                            format = "uuid")) @QueryParam("incidentId") String incidentId,
            @Parameter(description = "Only shipments to this site", example = "a3d4e5f6-1b2c-4d3e-8f9a-0b1c2d3e4f5a",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("siteId") String siteId,
            @Parameter(description = "Only shipments in this status", example = "IN_TRANSIT",
                    schema = @Schema(implementation = ShipmentStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "Only shipments changed strictly after this instant (ISO-8601 UTC); with "
                    + "sinceId, also those changed exactly at it whose id comes after sinceId",
                    example = "2026-11-23T06:00:00Z",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("since") String since,
            @Parameter(description = "Keyset cursor, only with since: the id of the last shipment already read, whose "
                    + "updatedAt is since. The page then starts right after that shipment in the list's order "
                    + "(updatedAt, id), even when several shipments changed at the same instant",
                    example = "3b2a1f0e-9d8c-4b7a-6f5e-4d3c2b1a0f9e",
                    schema = @Schema(type = SchemaType.STRING,
                            format = "uuid")) @QueryParam("sinceId") String sinceId,
            @Parameter(description = "false: each shipment without its lines (lines is null; lineCount and "
                    + "totalWeightKg still given), a much smaller answer for readers that need only ids and "
                    + "statuses. JSON only: the CSV always has one row per line",
                    example = "false") @QueryParam("lines") @DefaultValue("true") boolean lines,
            @BeanParam @Valid PageParams page,
            @QueryParam("format") @Parameter(description = CsvTables.FORMAT, example = "csv", schema = @Schema(
                    type = SchemaType.STRING, enumeration = {"json", "csv"})) String format,
            @Context HttpHeaders headers,
            @Context Request request) {
        UUID plan = QueryParams.uuid("planId", planId);
        UUID incident = QueryParams.uuid("incidentId", incidentId);
        UUID site = QueryParams.uuid("siteId", siteId);
        ShipmentStatus st = QueryParams.enumValue("status", status, ShipmentStatus.class);
        Instant after = QueryParams.instant("since", since);
        UUID afterId = QueryParams.uuid("sinceId", sinceId);
        boolean csv = HxlCsv.requested(format, headers);
        List<Object> variant = Arrays.asList("shipments", plan, incident, site, st, after, afterId,
                csv ? "csv" : page.page + "/" + page.size + (lines ? "" : "/no-lines"));
        return markers.conditional(request, SHIPMENTS_MARKER, variant, () -> csv
                ? HxlCsv.stream("shipments.csv", CsvTables.SHIPMENTS,
                        sink -> shipments.forEachShipment(plan, incident, site, st, after, afterId, v -> {
                            if (v.lines().isEmpty()) {
                                sink.accept(new CsvTables.ShipmentLineRow(v, null));
                            }
                            v.lines().forEach(l -> sink.accept(new CsvTables.ShipmentLineRow(v, l)));
                        }))
                : Response.ok(shipments.list(plan, incident, site, st, after, afterId, page, lines)
                        .map(ShipmentDto::from),
                        MediaType.APPLICATION_JSON).build());
    }

    @GET
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Path("{id}")
    @Operation(operationId = "getShipment", summary = "Get one shipment",
            description = "One shipment with its lines, status, allowed next events, proof-of-delivery quantities, and "
                    + "its stock in inventory-service (`stock`, and `stockSettlement` with a note saying what "
                    + "inventory did, or why a release is pending or was refused); answers If-None-Match with 304 "
                    + "when unchanged.")
    @APIResponse(responseCode = "200", description = "The shipment, with an ETag",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ShipmentDto.class)))
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    public Response get(
            @Parameter(description = SHIPMENT_ID, example = SHIPMENT_ID_EXAMPLE) @PathParam("id") UUID id,
            @Context Request request) {
        return etag.ok(request, ShipmentDto.from(shipments.get(id)));
    }

    // ---------------------------------------------------------------- events

    @POST
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.ADMIN, Roles.SERVICE})
    @Path("{id}/events")
    @Operation(operationId = "postShipmentEvent", summary = "Record a tracking event",
            description = "Moves the shipment along its state machine (see the README's table). DISPATCHED consumes "
                    + "the shipment's own lines of the plan's reservation in inventory-service (stock leaves the "
                    + "depot), in one settlement: if inventory-service cannot be reached nothing is recorded (503), "
                    + "and if it no longer holds the stock the dispatch is refused (409) and the way out is to cancel. "
                    + "CANCELLED before dispatch is always recorded and releases the shipment's lines: inventory "
                    + "gives back what it still holds of them; if inventory-service cannot be reached the release is "
                    + "retried in the background (stock RELEASE_PENDING), and if it refuses, the shipment shows "
                    + "RELEASE_REFUSED with inventory's reason. LOST and CANCELLED after dispatch are recorded on the "
                    + "shipment. CANCELLED of a PLANNED shipment with stockHandedOverTo (a re-plan's approval, whose "
                    + "reservation took the shipment's units over) releases nothing and records the reservation "
                    + "(stockEffect STOCK_HANDED_OVER, stock HANDED_OVER). "
                    + "Repeating the shipment's latest event, or reusing an Idempotency-Key with the same "
                    + "body, answers with the recorded event and has no further effect.")
    @APIResponse(responseCode = "201", description = "Recorded; Location names the event",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = EventDto.class)))
    @APIResponse(responseCode = "200",
            description = "The request repeated the shipment's latest event; nothing new was recorded",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = EventDto.class)))
    @APIResponse(responseCode = "409",
            description = "Illegal transition (extensions: currentStatus and allowed events), or a DISPATCHED whose "
                    + "stock inventory-service no longer holds (title \"Stock no longer held\"; extensions: "
                    + "currentStatus, reservationId, wayOut CANCELLED), or stockHandedOverTo on a shipment that is no "
                    + "longer PLANNED (title \"Stock cannot be handed over\"; extensions: currentStatus, stock)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Time before the previous event or in the future, DELIVERED "
            + "without proof of delivery, a DISPATCHED whose reservation inventory does not know, or Idempotency-Key "
            + "reused with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503",
            description = "DISPATCHED while inventory-service is unreachable: nothing recorded, retry later",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response postEvent(
            @Parameter(description = SHIPMENT_ID, example = SHIPMENT_ID_EXAMPLE) @PathParam("id") UUID id,
            @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = "Optional. "
                    + IDEMPOTENCY_DESCRIPTION,
                    example = "tracker-42-evt-1001") @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull EventRequest body) {
        return idempotency.execute("shipment-event:" + id, key, body, () -> {
            TrackingService.Outcome o = tracking.post(id, body.toCommand());
            EventDto dto = EventDto.from(o.event());
            return o.created()
                    ? Idempotency.Result.created(URI.create("/api/v1/shipments/" + id + "/events/" + dto.id()), dto)
                    : Idempotency.Result.ok(dto);
        });
    }

    @GET
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Path("{id}/events")
    @Operation(operationId = "listShipmentEvents", summary = "Tracking history",
            description = "The shipment's events, oldest first; answers If-None-Match with 304 when unchanged.")
    @APIResponse(responseCode = "200", description = "One page of events, with an ETag",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = EventPageDto.class)))
    @APIResponse(responseCode = "304", description = NOT_MODIFIED)
    public Response events(
            @Parameter(description = SHIPMENT_ID, example = SHIPMENT_ID_EXAMPLE) @PathParam("id") UUID id,
            @BeanParam @Valid PageParams page, @Context Request request) {
        return etag.ok(request, tracking.history(id, page).map(EventDto::from));
    }

    @GET
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Path("{id}/events/{eventId}")
    @Operation(operationId = "getShipmentEvent", summary = "Get one tracking event",
            description = "One event of the shipment's history.")
    @APIResponse(responseCode = "200", description = "The event",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = EventDto.class)))
    public EventDto event(
            @Parameter(description = SHIPMENT_ID, example = SHIPMENT_ID_EXAMPLE) @PathParam("id") UUID id,
            @Parameter(description = "Event id",
                    example = "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d") @PathParam("eventId") UUID eventId) {
        return EventDto.from(tracking.event(id, eventId));
    }

    // ---------------------------------------------------------------- proof of delivery

    @POST
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.ADMIN, Roles.SERVICE})
    @Path("{id}/proof-of-delivery")
    @Operation(operationId = "recordProofOfDelivery", summary = "Record proof of delivery",
            description = "For an ARRIVED shipment: per shipped line, accepted and rejected quantities (adding up to "
                    + "the shipped quantity; a reason for any rejection). Moves the shipment to DELIVERED and appends "
                    + "the DELIVERED event at receivedAt. One proof per shipment: the same proof again gets the same "
                    + "answer, a different one 409.")
    @APIResponse(responseCode = "201", description = "Recorded; Location names the proof",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ProofOfDeliveryDto.class)))
    @APIResponse(responseCode = "409",
            description = "The shipment is not ARRIVED (extensions: currentStatus and allowed events), "
                    + "or a different proof is already recorded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Lines do not match the shipment, quantities do not add up, a "
            + "rejection without reason, receivedAt before the last event or in the future",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response recordProofOfDelivery(
            @Parameter(description = SHIPMENT_ID, example = SHIPMENT_ID_EXAMPLE) @PathParam("id") UUID id,
            @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = "Optional. "
                    + IDEMPOTENCY_DESCRIPTION, example = "pod-3b2a1f0e") @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull ProofOfDeliveryRequest body) {
        return idempotency.execute("shipment-pod:" + id, key, body, () -> {
            TrackingService.PodOutcome o = tracking.recordProofOfDelivery(id, body.toCommand());
            return Idempotency.Result.created(URI.create("/api/v1/shipments/" + id + "/proof-of-delivery"),
                    ProofOfDeliveryDto.from(o.proof()));
        });
    }

    @GET
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Path("{id}/proof-of-delivery")
    @Operation(operationId = "getProofOfDelivery", summary = "Get the proof of delivery",
            description = "The shipment's proof of delivery; 404 until one is recorded.")
    @APIResponse(responseCode = "200", description = "The proof of delivery",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ProofOfDeliveryDto.class)))
    public ProofOfDeliveryDto proofOfDelivery(
            @Parameter(description = SHIPMENT_ID, example = SHIPMENT_ID_EXAMPLE) @PathParam("id") UUID id) {
        return ProofOfDeliveryDto.from(tracking.proofOfDelivery(id));
    }

    // ---------------------------------------------------------------- stock settlement

    @POST
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.ADMIN, Roles.SERVICE})
    @Path("{id}/stock-settlement")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "settleShipmentStock", summary = "Try the release of a cancelled shipment again now",
            description = "For a shipment cancelled before dispatch whose release in inventory-service is pending "
                    + "(stock RELEASE_PENDING: inventory could not be reached; it is also retried in the background) "
                    + "or was refused (stock RELEASE_REFUSED: inventory answered 4xx; try again once the cause is "
                    + "fixed in inventory-service): asks inventory-service to release the shipment's lines once more, "
                    + "at once, and answers the shipment with the outcome in `stock` and `stockSettlement` (RELEASED, "
                    + "still RELEASE_PENDING, or RELEASE_REFUSED with inventory's reason). No body.")
    @APIResponse(responseCode = "200", description = "Tried; the shipment with its stock as it now stands",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = ShipmentDto.class)))
    @APIResponse(responseCode = "409",
            description = "Nothing to settle: the shipment's stock is not RELEASE_PENDING or RELEASE_REFUSED "
                    + "(extensions: currentStatus and stock)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ShipmentDto settleStock(
            @Parameter(description = SHIPMENT_ID, example = SHIPMENT_ID_EXAMPLE) @PathParam("id") UUID id) {
        return ShipmentDto.from(settlements.settleNow(id));
    }
}
