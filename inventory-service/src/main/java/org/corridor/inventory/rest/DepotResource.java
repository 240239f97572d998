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
import java.util.UUID;
import org.corridor.common.idempotency.Idempotency;
import org.corridor.common.paging.PageParams;
import org.corridor.common.paging.PageResponse;
import org.corridor.common.problem.Problem;
import org.corridor.common.problem.ProblemException;
import org.corridor.common.rest.QueryParams;
import org.corridor.common.security.Roles;
import org.corridor.inventory.domain.DepotKind;
import org.corridor.inventory.rest.dto.DepotDto;
import org.corridor.inventory.rest.dto.DepotRequest;
import org.corridor.inventory.rest.dto.ReceiptRequest;
import org.corridor.inventory.rest.dto.StockLotDto;
import org.corridor.inventory.service.CatalogueService;
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

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ADMIN})
    @Operation(operationId = "createDepot", summary = "Register a depot",
            description = "Registers a depot; its code must be unique and its country and organisation known; "
                    + "a seaport must be in a country with a coast. Honours an optional Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Registered; Location names it",
            headers = @Header(name = "Location", description = "URI of the new depot",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DepotDto.class)))
    @APIResponse(responseCode = "409", description = "A depot with this code already exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown country or organisation, or a seaport in a "
            + "landlocked country" + Problems.IDEMPOTENCY_422,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "Optional key making a retry safe",
                    example = "depot-unhrd-bri") String key,
            @Valid @NotNull DepotRequest body) {
        return idempotency.execute("depots", key, body, () -> {
            DepotDto dto = DepotDto.from(catalogue.createDepot(body.toCommand()));
            return Idempotency.Result.created(URI.create("/api/v1/depots/" + dto.id()), dto);
        });
    }

    @GET
    @RolesAllowed({Roles.DONOR, Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "listDepots", summary = "List depots",
            description = "Depots ordered by code, optionally filtered by country, kind and organisation.")
    public PageResponse<DepotDto> list(
            @QueryParam("countryCode") @Parameter(description = "Only depots in this country",
                    example = "ITA") String countryCode,
            @QueryParam("kind") @Parameter(description = "Only depots of this kind", example = "UN_HUB",
                    schema = @Schema(implementation = DepotKind.class)) String kind,
            @QueryParam("organisationId") @Parameter(description = "Only depots run by this organisation",
                    example = Examples.ORGANISATION_ID,
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String organisationId,
            @BeanParam @Valid PageParams page) {
        return catalogue.depots(countryCode, QueryParams.enumValue("kind", kind, DepotKind.class),
                QueryParams.uuid("organisationId", organisationId), page.page, page.size).map(DepotDto::from);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.DONOR, Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getDepot", summary = "Get one depot", description = "One depot by id.")
    public DepotDto get(@PathParam("id") @Parameter(description = "Depot id", example = Examples.DEPOT_ID) UUID id) {
        return DepotDto.from(catalogue.depot(id));
    }

    @POST
    @Path("{id}/receipts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DONOR, Roles.LOGISTICS_OFFICER, Roles.ADMIN})
    @Operation(operationId = "receiveStock", summary = "Register a receipt of stock",
            description = "A donor registers stock at the depot: creates a new lot with its lot code, expiry, "
                    + "donor and optional earmark, and a RECEIPT entry in the ledger. Items with a shelf life need an "
                    + "expiry date. A DONOR token registers receipts only with its own organisation as "
                    + "donorOrganisationId (else 403). Honours an optional Idempotency-Key.")
    @APIResponse(responseCode = "201", description = "Received; Location names the new lot",
            headers = @Header(name = "Location", description = "URI of the new lot",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StockLotDto.class)))
    @APIResponse(responseCode = "409", description = "The depot already holds a lot with this code of this item",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422",
            description = "Unknown item, donor or earmark country; missing or past expiry date"
                    + Problems.IDEMPOTENCY_422,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response receive(
            @PathParam("id") @Parameter(description = "Depot id", example = Examples.DEPOT_ID) UUID id,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "Optional key making a retry safe",
                    example = "receipt-echo-2026-041") String key,
            @Valid @NotNull ReceiptRequest body) {
        if (body.earmarkNamesNothing()) {
            throw ProblemException.badRequest(
                    "earmark must name at least one country or incident type; leave it out for unrestricted stock");
        }
        // a donor registers only as itself (403), checked before a stored answer could be replayed
        access.requireReceiptDonor(body.donorOrganisationId());
        return idempotency.execute(access.scope("receipts:" + id), key, body, () -> {
            StockLotDto dto = StockLotDto.from(stock.receive(id, body.toCommand()));
            return Idempotency.Result.created(URI.create("/api/v1/stock/lots/" + dto.lotId()), dto);
        });
    }
}
