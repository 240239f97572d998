package org.corridor.shipment.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.corridor.common.etag.ETagResponder;
import org.corridor.common.idempotency.Idempotency;
import org.corridor.common.paging.PageParams;
import org.corridor.common.problem.Problem;
import org.corridor.common.security.Roles;
import org.corridor.shipment.domain.Shipment;
import org.corridor.shipment.domain.ShipmentLine;
import org.corridor.shipment.domain.ShipmentStatus;
import org.corridor.shipment.service.ShipmentService;
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

    private static final String IDEMPOTENCY_DESCRIPTION =
            "Same key and body replay the first answer; same key with another body is 422";

    @Inject
    ShipmentService shipments;

    @Inject
    TrackingService tracking;

    @Inject
    Idempotency idempotency;

    @Inject
    ETagResponder etag;

    // ---------------------------------------------------------------- shipments

    @POST
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.ADMIN, Roles.SERVICE})
    @Transactional
    @Operation(operationId = "createShipment", summary = "Create a shipment",
            description = "Records a PLANNED shipment of an approved plan. Its lots must be held by one inventory reservation "
                    + "that no other shipment carries (one reservation per shipment). Requires an Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Created; Location names the shipment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShipmentDto.class)))
    @APIResponse(responseCode = "409", description = "The reservation is already carried by another shipment",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Arrival not after departure, a lot listed twice, or the Idempotency-Key reused with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(
            @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, required = true, description = IDEMPOTENCY_DESCRIPTION,
                    example = "approval-6f1c2a1e-shipment-1") @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull CreateShipmentRequest body) {
        return idempotency.require("shipment-create", key, body, () -> {
            Shipment s = shipments.create(draft(body));
            return Idempotency.Result.created(URI.create("/api/v1/shipments/" + s.id), ShipmentDto.of(s));
        });
    }

    @GET
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "listShipments", summary = "List shipments",
            description = "Shipments matching every given filter, ordered by updatedAt (oldest change first). Dashboards poll "
                    + "with `since` (only shipments changed strictly after it) and If-None-Match (304 when nothing changed).")
    @APIResponse(responseCode = "200", description = "One page of shipments, with an ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShipmentPage.class)))
    @APIResponse(responseCode = "304", description = "Not modified: the If-None-Match tag still matches")
    public Response list(
            @Parameter(description = "Only shipments of this plan (e.g. for an approval to find what it created)",
                    example = "6f1c2a1e-4b7d-4f4e-9a7b-1d2c3e4f5a6b",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("planId") String planId,
            @Parameter(description = "Only shipments of this incident", example = "c1d2e3f4-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("incidentId") String incidentId,
            @Parameter(description = "Only shipments to this site", example = "a3d4e5f6-1b2c-4d3e-8f9a-0b1c2d3e4f5a",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("siteId") String siteId,
            @Parameter(description = "Only shipments in this status", example = "IN_TRANSIT",
                    schema = @Schema(implementation = ShipmentStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "Only shipments changed strictly after this instant (ISO-8601 UTC)", example = "2026-11-23T06:00:00Z",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) @QueryParam("since") String since,
            @BeanParam @Valid PageParams page,
            @Context Request request) {
        return etag.ok(request, shipments.list(Params.queryUuid("planId", planId), Params.queryUuid("incidentId", incidentId), Params.queryUuid("siteId", siteId),
                Params.queryEnum("status", status, ShipmentStatus.class), Params.queryInstant("since", since), page,
                ShipmentDto::of));
    }

    @GET
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Path("{id}")
    @Operation(operationId = "getShipment", summary = "Get one shipment",
            description = "One shipment with its lines, status, allowed next events and proof-of-delivery quantities; "
                    + "answers If-None-Match with 304 when unchanged.")
    @APIResponse(responseCode = "200", description = "The shipment, with an ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShipmentDto.class)))
    @APIResponse(responseCode = "304", description = "Not modified: the If-None-Match tag still matches")
    public Response get(@Parameter(description = "Shipment id", example = "3b2a1f0e-9d8c-4b7a-6f5e-4d3c2b1a0f9e") @PathParam("id") String id,
            @Context Request request) {
        return etag.ok(request, shipments.get(Params.pathId("Shipment", id), ShipmentDto::of));
    }

    // ---------------------------------------------------------------- events

    @POST
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.ADMIN, Roles.SERVICE})
    @Path("{id}/events")
    @Transactional
    @Operation(operationId = "postShipmentEvent", summary = "Record a tracking event",
            description = "Moves the shipment along its state machine (see the README's table). DISPATCHED consumes the "
                    + "shipment's reservation in inventory-service (stock leaves the depot); CANCELLED before dispatch releases "
                    + "it; LOST and CANCELLED after dispatch are recorded on the shipment. If inventory-service cannot be "
                    + "reached nothing is recorded (503). Repeating the shipment's latest event, or reusing an Idempotency-Key "
                    + "with the same body, answers with the recorded event and has no further effect.")
    @APIResponse(responseCode = "201", description = "Recorded; Location names the event",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventDto.class)))
    @APIResponse(responseCode = "200", description = "The request repeated the shipment's latest event; nothing new was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventDto.class)))
    @APIResponse(responseCode = "409", description = "Illegal transition (extensions: currentStatus and allowed events), "
            + "or inventory-service refused the reservation's consume/release",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Time before the previous event or in the future, DELIVERED without proof "
            + "of delivery, reservation unknown to inventory, or Idempotency-Key reused with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "inventory-service unreachable: nothing recorded, retry later",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response postEvent(
            @Parameter(description = "Shipment id", example = "3b2a1f0e-9d8c-4b7a-6f5e-4d3c2b1a0f9e") @PathParam("id") String id,
            @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = "Optional. " + IDEMPOTENCY_DESCRIPTION,
                    example = "tracker-42-evt-1001") @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull EventRequest body) {
        UUID shipmentId = Params.pathId("Shipment", id);
        return idempotency.execute("shipment-event:" + shipmentId, key, body, () -> {
            TrackingService.Outcome o = tracking.post(shipmentId, new TrackingService.NewEvent(body.type(), body.at(),
                    body.location(), body.latitude(), body.longitude(), body.note()));
            EventDto dto = EventDto.of(o.event());
            return o.created()
                    ? Idempotency.Result.created(URI.create("/api/v1/shipments/" + shipmentId + "/events/" + dto.id()), dto)
                    : Idempotency.Result.ok(dto);
        });
    }

    @GET
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Path("{id}/events")
    @Operation(operationId = "listShipmentEvents", summary = "Tracking history",
            description = "The shipment's events, oldest first; answers If-None-Match with 304 when unchanged.")
    @APIResponse(responseCode = "200", description = "One page of events, with an ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventPage.class)))
    @APIResponse(responseCode = "304", description = "Not modified: the If-None-Match tag still matches")
    public Response events(@Parameter(description = "Shipment id", example = "3b2a1f0e-9d8c-4b7a-6f5e-4d3c2b1a0f9e") @PathParam("id") String id,
            @BeanParam @Valid PageParams page, @Context Request request) {
        UUID shipmentId = Params.pathId("Shipment", id);
        return etag.ok(request, tracking.history(shipmentId, page, EventDto::of));
    }

    @GET
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Path("{id}/events/{eventId}")
    @Operation(operationId = "getShipmentEvent", summary = "Get one tracking event", description = "One event of the shipment's history.")
    @APIResponse(responseCode = "200", description = "The event",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventDto.class)))
    public EventDto event(@Parameter(description = "Shipment id", example = "3b2a1f0e-9d8c-4b7a-6f5e-4d3c2b1a0f9e") @PathParam("id") String id,
            @Parameter(description = "Event id", example = "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d") @PathParam("eventId") String eventId) {
        return EventDto.of(tracking.event(Params.pathId("Shipment", id), Params.pathId("Event", eventId)));
    }

    // ---------------------------------------------------------------- proof of delivery

    @POST
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.ADMIN, Roles.SERVICE})
    @Path("{id}/proof-of-delivery")
    @Transactional
    @Operation(operationId = "recordProofOfDelivery", summary = "Record proof of delivery",
            description = "For an ARRIVED shipment: per shipped line, accepted and rejected quantities (adding up to the shipped "
                    + "quantity; a reason for any rejection). Moves the shipment to DELIVERED and appends the DELIVERED event at "
                    + "receivedAt. One proof per shipment: the same proof again gets the same answer, a different one 409.")
    @APIResponse(responseCode = "201", description = "Recorded; Location names the proof",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProofOfDeliveryDto.class)))
    @APIResponse(responseCode = "409", description = "The shipment is not ARRIVED (extensions: currentStatus and allowed events), "
            + "or a different proof is already recorded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Lines do not match the shipment, quantities do not add up, a rejection "
            + "without reason, receivedAt before the last event or in the future",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response recordProofOfDelivery(
            @Parameter(description = "Shipment id", example = "3b2a1f0e-9d8c-4b7a-6f5e-4d3c2b1a0f9e") @PathParam("id") String id,
            @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = "Optional. " + IDEMPOTENCY_DESCRIPTION,
                    example = "pod-3b2a1f0e") @HeaderParam(Idempotency.HEADER) String key,
            @Valid @NotNull ProofOfDeliveryRequest body) {
        UUID shipmentId = Params.pathId("Shipment", id);
        return idempotency.execute("shipment-pod:" + shipmentId, key, body, () -> {
            TrackingService.PodOutcome o = tracking.recordProofOfDelivery(shipmentId, body.receivedBy(), body.receivedAt(),
                    body.lines().stream().map(l -> new TrackingService.DeliveredLine(l.itemCode(), l.lotId(), l.accepted(),
                            l.rejected(), l.rejectionReason())).toList());
            return Idempotency.Result.created(URI.create("/api/v1/shipments/" + shipmentId + "/proof-of-delivery"),
                    ProofOfDeliveryDto.of(o.shipment()));
        });
    }

    @GET
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Path("{id}/proof-of-delivery")
    @Operation(operationId = "getProofOfDelivery", summary = "Get the proof of delivery",
            description = "The shipment's proof of delivery; 404 until one is recorded.")
    @APIResponse(responseCode = "200", description = "The proof of delivery",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProofOfDeliveryDto.class)))
    public ProofOfDeliveryDto proofOfDelivery(
            @Parameter(description = "Shipment id", example = "3b2a1f0e-9d8c-4b7a-6f5e-4d3c2b1a0f9e") @PathParam("id") String id) {
        return tracking.proofOfDelivery(Params.pathId("Shipment", id), ProofOfDeliveryDto::of);
    }

    // ---------------------------------------------------------------- helpers

    private static Shipment draft(CreateShipmentRequest r) {
        Shipment s = new Shipment();
        s.planId = r.planId();
        s.originDepotId = r.originDepotId();
        s.originCountryCode = r.originCountryCode();
        s.siteId = r.siteId();
        s.siteName = r.siteName() == null || r.siteName().isBlank() ? null : r.siteName().strip();
        s.destinationCountryCode = r.destinationCountryCode();
        s.incidentId = r.incidentId();
        s.mode = r.mode();
        s.vehicles = r.vehicles();
        s.plannedDeparture = r.plannedDeparture();
        s.estimatedArrival = r.estimatedArrival();
        s.reservationId = r.reservationId();
        for (CreateShipmentRequest.LineRequest l : r.lines()) {
            ShipmentLine line = new ShipmentLine();
            line.itemCode = l.itemCode().strip();
            line.lotId = l.lotId();
            line.quantity = l.quantity();
            line.weightKg = l.weightKg();
            s.lines.add(line);
        }
        return s;
    }

    /** OpenAPI: the page of shipments. */
    @Schema(name = "ShipmentPage", description = "One page of shipments")
    public record ShipmentPage(
            @Schema(description = "The shipments of this page") java.util.List<ShipmentDto> items,
            @Schema(description = "Page number, 0-based", example = "0") int page,
            @Schema(description = "Page size asked for", example = "20") int size,
            @Schema(description = "Number of shipments on all pages", example = "42") long total) {
    }

    /** OpenAPI: the page of events. */
    @Schema(name = "ShipmentEventPage", description = "One page of tracking events, oldest first")
    public record EventPage(
            @Schema(description = "The events of this page") java.util.List<EventDto> items,
            @Schema(description = "Page number, 0-based", example = "0") int page,
            @Schema(description = "Page size asked for", example = "20") int size,
            @Schema(description = "Number of events on all pages", example = "7") long total) {
    }
}
