package org.corridor.allocation.client.inventory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.corridor.common.client.ListPage;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * inventory-service's API as allocation uses it (base URL {@code quarkus.rest-client.inventory.url}): the reads a plan
 * is built from (countries, catalogue, available stock and teams) and the writes of plan approval (one reservation per
 * plan, team assignments). Only {@link InventoryGateway} calls it. The paths are on the methods: a class-level
 * {@code @Path} is what marks a JAX-RS resource, and resources live in {@code rest/}.
 */
@RegisterRestClient(configKey = "inventory")
@Produces(MediaType.APPLICATION_JSON)
public interface InventoryClient {

    @GET
    @Path("/api/v1/countries/{iso3}")
    Country country(@PathParam("iso3") String iso3);

    @GET
    @Path("/api/v1/items/{code}")
    Item item(@PathParam("code") String code);

    @GET
    @Path("/api/v1/items")
    Page<Item> items(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/api/v1/stock")
    Page<StockLot> stock(@QueryParam("availableOnly") boolean availableOnly, @QueryParam("page") int page,
            @QueryParam("size") int size);

    /** Just the lots named (at most {@link InventoryGateway#LOTS_PER_LOOKUP}), whatever their balance. */
    @GET
    @Path("/api/v1/stock")
    Page<StockLot> stockLots(@QueryParam("lotId") List<UUID> lotIds, @QueryParam("size") int size);

    @GET
    @Path("/api/v1/teams/{id}")
    Team team(@PathParam("id") UUID id);

    @GET
    @Path("/api/v1/teams")
    Page<Team> teams(@QueryParam("status") String status, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @POST
    @Path("/api/v1/reservations")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode reserve(@HeaderParam("Idempotency-Key") String key, ReservationRequest body);

    /** Without a body: releases whatever is still held; repeating it answers unchanged. */
    @POST
    @Path("/api/v1/reservations/{id}/release")
    JsonNode release(@PathParam("id") UUID reservationId);

    /** Releases these lines (at most what each lot still holds), once per reference. */
    @POST
    @Path("/api/v1/reservations/{id}/release")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode release(@PathParam("id") UUID reservationId, SettlementRequest body);

    @POST
    @Path("/api/v1/teams/{id}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    JsonNode assign(@PathParam("id") UUID teamId, AssignmentRequest body);

    @DELETE
    @Path("/api/v1/teams/{id}/assignment")
    JsonNode unassign(@PathParam("id") UUID teamId);

    /** Releases the team only if it is assigned under {@code reference} (409 under another, 200 if AVAILABLE). */
    @DELETE
    @Path("/api/v1/teams/{id}/assignment")
    JsonNode unassign(@PathParam("id") UUID teamId, @QueryParam("reference") String reference);

    /** Teams assigned under a reference: what an approval really assigned. */
    @GET
    @Path("/api/v1/teams")
    Page<Team> teamsAssigned(@QueryParam("assignmentReference") String reference, @QueryParam("page") int page,
            @QueryParam("size") int size);

    /** Reservations by reference and status: what an approval really left in inventory. */
    @GET
    @Path("/api/v1/reservations")
    Page<Reservation> reservations(@QueryParam("reference") String reference, @QueryParam("status") String status,
            @QueryParam("page") int page, @QueryParam("size") int size);

    /** Reservations whose reference starts with a prefix, by status: what all plans' approvals left in inventory. */
    @GET
    @Path("/api/v1/reservations")
    Page<Reservation> reservationsStartingWith(@QueryParam("referencePrefix") String referencePrefix,
            @QueryParam("status") String status, @QueryParam("page") int page, @QueryParam("size") int size);

    /** Releases whatever is still held, once per key: the same key again answers the first outcome. */
    @POST
    @Path("/api/v1/reservations/{id}/release")
    JsonNode release(@PathParam("id") UUID reservationId, @HeaderParam("Idempotency-Key") String key);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Reservation(UUID id, String reference, String status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Page<T>(List<T> items, int page, int size, long total) implements ListPage<T> {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Country(String code, String name, String region, double latitude, double longitude) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Item(String code, String name, String category, String unit, double unitWeightKg, double unitVolumeM3,
            Integer shelfLifeDays) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Earmark(List<String> countryCodes, List<String> incidentTypes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StockLot(UUID lotId, UUID depotId, String depotCode, String depotName, String countryCode,
            double latitude, double longitude, String itemCode, String lotCode, LocalDate expiresOn,
            UUID donorOrganisationId, String donorName, Earmark earmark, long onHand, long reserved, long available,
            Instant receivedAt, Boolean depotSeaport) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Team(UUID id, String name, String countryCode, UUID organisationId, String type, int members,
            double baseLatitude, double baseLongitude, int mobilisationHours, Integer selfSufficiencyDays,
            String status, String assignmentReference) {
    }

    /** {@code releasing}: a re-plan's hand-over, released in the same transaction as the hold (omitted when null). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ReservationRequest(String reference, List<ReservationLine> lines, List<ReleasingSource> releasing) {

        public ReservationRequest(String reference, List<ReservationLine> lines) {
            this(reference, lines, null);
        }
    }

    /** Units of one existing reservation to release in the same transaction as a new hold. */
    record ReleasingSource(UUID reservationId, List<ReservationLine> lines) {
    }

    /** A partial release: these lines, once per reference. */
    record SettlementRequest(String reference, List<ReservationLine> lines) {
    }

    record ReservationLine(UUID lotId, long quantity) {
    }

    record AssignmentRequest(String reference) {
    }
}
