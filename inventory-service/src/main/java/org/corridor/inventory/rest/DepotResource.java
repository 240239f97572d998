package org.corridor.inventory.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.corridor.common.idempotency.Idempotency;
import org.corridor.common.paging.PageParams;
import org.corridor.common.paging.PageResponse;
import org.corridor.common.problem.Problem;
import org.corridor.common.security.Roles;
import org.corridor.inventory.domain.Depot;
import org.corridor.inventory.domain.DepotKind;
import org.corridor.inventory.domain.IncidentType;
import org.corridor.inventory.service.CatalogueService;
import org.corridor.inventory.service.References;
import org.corridor.inventory.service.StockAccess;
import org.corridor.inventory.service.StockService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/depots")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Depots", description = "Warehouses holding relief stock, and the receipts donors register at them")
public class DepotResource {

    private final CatalogueService catalogue;
    private final StockService stock;
    private final Idempotency idempotency;
    private final StockAccess access;

    public DepotResource(CatalogueService catalogue, StockService stock, Idempotency idempotency, StockAccess access) {
        this.catalogue = catalogue;
        this.stock = stock;
        this.idempotency = idempotency;
        this.access = access;
    }

    @Schema(name = "DepotRequest", description = "A depot to register")
    public record DepotRequest(
            @NotNull @Pattern(regexp = "^[A-Z0-9][A-Z0-9_-]{1,39}$", message = "must be 2 to 40 capital letters, digits, '-' or '_'")
            @Schema(description = "Unique code: 2 to 40 capital letters, digits, '-' or '_'", example = "UNHRD-BRI", maxLength = 40) String code,
            @NotBlank @Size(max = 200) @Schema(description = "Name", example = "UNHRD Brindisi", maxLength = 200) String name,
            @NotNull @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 3166-1 alpha-3 code in capitals")
            @Schema(description = "ISO 3166-1 alpha-3 code of its country", example = "ITA") String countryCode,
            @NotNull @DecimalMin("-90") @DecimalMax("90") @Schema(description = "Latitude, -90 to 90", example = "40.6327") Double latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") @Schema(description = "Longitude, -180 to 180", example = "17.9418") Double longitude,
            @NotNull @Schema(description = "Organisation that runs it", example = Examples.ORGANISATION_ID) UUID organisationId,
            @NotNull @Schema(description = "Kind of depot", example = "UN_HUB") DepotKind kind) {
    }

    @Schema(name = "Depot", description = "A registered depot")
    public record DepotDto(
            @Schema(description = "Id", example = Examples.DEPOT_ID) UUID id,
            @Schema(description = "Unique code", example = "UNHRD-BRI") String code,
            @Schema(description = "Name", example = "UNHRD Brindisi") String name,
            @Schema(description = "ISO 3166-1 alpha-3 code of its country", example = "ITA") String countryCode,
            @Schema(description = "Latitude", example = "40.6327") double latitude,
            @Schema(description = "Longitude", example = "17.9418") double longitude,
            @Schema(description = "Organisation that runs it", example = Examples.ORGANISATION_ID) UUID organisationId,
            @Schema(description = "Kind of depot", example = "UN_HUB") DepotKind kind,
            @Schema(description = "When it was registered", example = Examples.INSTANT) Instant createdAt) {
        static DepotDto of(Depot d) {
            return new DepotDto(d.id, d.code, d.name, d.countryCode, d.latitude, d.longitude, d.organisationId, d.kind, d.createdAt);
        }
    }

    @Schema(name = "ReceiptRequest", description = "Stock a donor registers at a depot: one new lot")
    public record ReceiptRequest(
            @NotBlank @Size(max = 40) @Schema(description = "Catalogue code of the item", example = "SHL-TENT-FAMILY", maxLength = 40) String itemCode,
            @NotNull @Min(1) @Max(1_000_000_000) @Schema(description = "Quantity received, in the item's unit, 1 to 1,000,000,000", example = "400") Long quantity,
            @NotBlank @Size(max = 60) @Schema(description = "The donor's or manufacturer's lot code, unique per depot and item", example = "TENT-2026-0412", maxLength = 60) String lotCode,
            @Schema(description = "Expiry date; required for items with a shelf life, never in the past", example = "2028-06-30") LocalDate expiresOn,
            @NotNull @Schema(description = "Donor organisation", example = Examples.ORGANISATION_ID) UUID donorOrganisationId,
            @Valid @Schema(description = "Optional restriction on where the lot may go", example = "{\"countryCodes\": [\"SYR\", \"TUR\"], \"incidentTypes\": [\"EARTHQUAKE\"]}") EarmarkRequest earmark,
            @Size(max = 500) @Schema(description = "Free-text note recorded on the RECEIPT entry", example = "ECHO grant 2026/041, delivered by truck", maxLength = 500) String note) {
    }

    @Schema(name = "EarmarkRequest", description = "Allowed destination countries and/or incident types; at least one of the two lists must name something")
    public record EarmarkRequest(
            @Size(max = 250) @Schema(description = "Allowed destination countries (ISO 3166-1 alpha-3)", example = "[\"SYR\", \"TUR\"]")
            List<@NotNull @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 3166-1 alpha-3 code in capitals") String> countryCodes,
            @Size(max = 20) @Schema(description = "Allowed incident types", example = "[\"EARTHQUAKE\"]")
            List<@NotNull IncidentType> incidentTypes) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed({Roles.ADMIN})
    @Operation(operationId = "createDepot", summary = "Register a depot",
            description = "Registers a depot; its code must be unique and its country and organisation known. Honours an optional Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Registered; Location names it",
            headers = @Header(name = "Location", description = "URI of the new depot", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DepotDto.class)))
    @APIResponse(responseCode = "409", description = "A depot with this code already exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown country or organisation" + Problems.IDEMPOTENCY_422,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "Optional key making a retry safe", example = "depot-unhrd-bri") String key,
            @Valid @NotNull DepotRequest body) {
        return idempotency.execute("depots", key, body, () -> {
            Depot d = new Depot();
            d.code = body.code();
            d.name = body.name().trim();
            d.countryCode = body.countryCode();
            d.latitude = body.latitude();
            d.longitude = body.longitude();
            d.organisationId = body.organisationId();
            d.kind = body.kind();
            DepotDto dto = DepotDto.of(catalogue.createDepot(d));
            return Idempotency.Result.created(URI.create("/api/v1/depots/" + dto.id()), dto);
        });
    }

    @GET
    @RolesAllowed({Roles.DONOR, Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "listDepots", summary = "List depots",
            description = "Depots ordered by code, optionally filtered by country, kind and organisation.")
    public PageResponse<DepotDto> list(
            @QueryParam("countryCode") @Parameter(description = "Only depots in this country", example = "ITA") String countryCode,
            @QueryParam("kind") @Parameter(description = "Only depots of this kind", example = "UN_HUB",
                    schema = @Schema(implementation = DepotKind.class)) String kind,
            @QueryParam("organisationId") @Parameter(description = "Only depots run by this organisation", example = Examples.ORGANISATION_ID)
            @Pattern(regexp = StockResource.UUID_PATTERN, message = "must be a UUID") String organisationId,
            @BeanParam @Valid PageParams page) {
        return PageResponse.of(catalogue.depots(countryCode, References.parseFilter(DepotKind.class, kind, "kind"),
                StockResource.uuid(organisationId)), page, DepotDto::of);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.DONOR, Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getDepot", summary = "Get one depot", description = "One depot by id.")
    public DepotDto get(@PathParam("id") @Parameter(description = "Depot id", example = Examples.DEPOT_ID) UUID id) {
        return DepotDto.of(catalogue.depot(id));
    }

    @POST
    @Path("{id}/receipts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed({Roles.DONOR, Roles.LOGISTICS_OFFICER, Roles.ADMIN})
    @Operation(operationId = "receiveStock", summary = "Register a receipt of stock",
            description = "A donor registers stock at the depot: creates a new lot with its lot code, expiry, donor and "
                    + "optional earmark, and a RECEIPT entry in the ledger. Items with a shelf life need an expiry date. "
                    + "A DONOR token registers receipts only with its own organisation as donorOrganisationId (else 403). "
                    + "Honours an optional Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Received; Location names the new lot",
            headers = @Header(name = "Location", description = "URI of the new lot", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StockLotDto.class)))
    @APIResponse(responseCode = "409", description = "The depot already holds a lot with this code of this item",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown item, donor or earmark country; missing or past expiry date"
            + Problems.IDEMPOTENCY_422,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response receive(
            @PathParam("id") @Parameter(description = "Depot id", example = Examples.DEPOT_ID) UUID id,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "Optional key making a retry safe", example = "receipt-echo-2026-041") String key,
            @Valid @NotNull ReceiptRequest body) {
        if (body.earmark() != null && isEmpty(body.earmark().countryCodes()) && isEmpty(body.earmark().incidentTypes())) {
            throw org.corridor.common.problem.ProblemException.badRequest(
                    "earmark must name at least one country or incident type; leave it out for unrestricted stock");
        }
        // a donor registers only as itself (403), checked before a stored answer could be replayed
        access.requireReceiptDonor(body.donorOrganisationId());
        return idempotency.execute(access.scope("receipts:" + id), key, body, () -> {
            StockService.Receipt r = new StockService.Receipt(body.itemCode(), body.quantity(), body.lotCode().trim(),
                    body.expiresOn(), body.donorOrganisationId(),
                    body.earmark() == null ? null : body.earmark().countryCodes(),
                    body.earmark() == null ? null : body.earmark().incidentTypes(), body.note());
            StockLotDto dto = StockLotDto.of(stock.receive(id, r));
            return Idempotency.Result.created(URI.create("/api/v1/stock/lots/" + dto.lotId()), dto);
        });
    }

    private static boolean isEmpty(List<?> l) {
        return l == null || l.isEmpty();
    }
}
