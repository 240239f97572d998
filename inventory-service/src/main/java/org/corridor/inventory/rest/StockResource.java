package org.corridor.inventory.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.corridor.common.csv.HxlCsv;
import org.corridor.common.etag.ChangeMarkers;
import org.corridor.common.idempotency.Idempotency;
import org.corridor.common.paging.PageParams;
import org.corridor.common.paging.PageResponse;
import org.corridor.common.problem.Problem;
import org.corridor.common.rest.QueryParams;
import org.corridor.common.security.Roles;
import org.corridor.inventory.rest.dto.AdjustmentRequest;
import org.corridor.inventory.rest.dto.LedgerEntryDto;
import org.corridor.inventory.rest.dto.ReversalRequest;
import org.corridor.inventory.rest.dto.StockLotDto;
import org.corridor.inventory.rest.dto.StockLotPage;
import org.corridor.inventory.rest.dto.SummaryDto;
import org.corridor.inventory.service.References;
import org.corridor.inventory.service.StockAccess;
import org.corridor.inventory.service.StockFilter;
import org.corridor.inventory.service.StockService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/stock")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stock", description = "Lots and their balances, the append-only stock ledger, adjustments and reversals")
public class StockResource {

    /** The description of the {@code format} parameter of every list that also answers CSV. */
    static final String FORMAT = "json (default) or csv: HXL-tagged CSV for spreadsheets and HDX, as with "
            + "Accept: text/csv";

    /** The change marker of everything GET /stock and GET /stock/summary show. */
    static final String STOCK_MARKER = "stock";

    private final StockService stock;
    private final ChangeMarkers markers;
    private final Idempotency idempotency;
    private final StockAccess access;

    public StockResource(StockService stock, ChangeMarkers markers, Idempotency idempotency, StockAccess access) {
        this.stock = stock;
        this.markers = markers;
        this.idempotency = idempotency;
        this.access = access;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, HxlCsv.MEDIA_TYPE})
    @RolesAllowed({Roles.DONOR, Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "listStock", summary = "List lots with their balances",
            description = "Lots with depot, country, item, lot code, expiry, donor, earmark and on-hand / reserved / "
                    + "available quantities, ordered by depot code, item, expiry and lot code. With availableOnly=true "
                    + "only lots with available stock that have not expired. A DONOR token sees only the lots it "
                    + "donated. Answers with an ETag; If-None-Match gives 304 when nothing changed. Dashboards poll "
                    + "with `since` (only lots whose balance changed strictly after it, oldest change first: "
                    + "updatedAt, then lotId). A reader that must not miss a change pages by keyset: it asks page 0 "
                    + "with `since` and `sinceId` set to the updatedAt and lotId of the last lot it read, until a "
                    + "page comes back shorter than size; page and size keep working for every list. With lotId "
                    + "(repeated, at most " + StockFilter.MAX_LOT_IDS + ") only those lots: a batch lookup. With "
                    + "format=csv (or Accept: text/csv) the answer is every matching lot (page and size do not apply) "
                    + "as HXL-tagged CSV, streamed: a header row, a row of HXL hashtags, then one row per lot.")
    @APIResponse(responseCode = "200", description = "One page of lots (JSON), or every matching lot (CSV)",
            headers = @Header(name = "ETag", description = "Tag of this answer, for If-None-Match",
                    schema = @Schema(type = SchemaType.STRING)),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StockLotPage.class)),
                    @Content(mediaType = HxlCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                            description = "HXL-tagged CSV, UTF-8, RFC 4180", example = CsvTables.STOCK_EXAMPLE))})
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match")
    @APIResponse(responseCode = "400", description = "A depotId, lotId or sinceId that is not a UUID, a since that is "
            + "not an ISO-8601 UTC instant, sinceId without since, more than " + StockFilter.MAX_LOT_IDS
            + " lotId, or page/size out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(
            @QueryParam("countryCode") @Parameter(description = "Only lots in depots of this country",
                    example = "ITA") String countryCode,
            @QueryParam("itemCode") @Parameter(description = "Only lots of this item",
                    example = "SHL-TENT-FAMILY") String itemCode,
            @QueryParam("depotId") @Parameter(description = "Only lots in this depot", example = Examples.DEPOT_ID,
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String depotId,
            @QueryParam("availableOnly") @DefaultValue("false") @Parameter(
                    description = "Only unexpired lots with available stock", example = "true") boolean availableOnly,
            @QueryParam("lotId") @Parameter(description = "Only these lots; repeat the parameter for several (at "
                    + "most " + StockFilter.MAX_LOT_IDS + " per request)", example = "[\"" + Examples.LOT_ID + "\"]",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = UUID.class)) List<String> lotIds,
            @QueryParam("since") @Parameter(description = "Only lots whose balance changed strictly after this instant "
                    + "(ISO-8601 UTC); with sinceId, also those changed exactly at it whose lotId comes after sinceId. "
                    + "Orders the list by updatedAt, then lotId",
                    example = Examples.INSTANT,
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) String since,
            @QueryParam("sinceId") @Parameter(description = "Keyset cursor, only with since: the lotId of the last lot "
                    + "already read, whose updatedAt is since. The page then starts right after that lot in the "
                    + "list's order (updatedAt, lotId), even when several lots changed at the same instant",
                    example = Examples.LOT_ID,
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String sinceId,
            @BeanParam @Valid PageParams page,
            @QueryParam("format") @Parameter(description = FORMAT, example = "csv", schema = @Schema(
                    type = SchemaType.STRING, enumeration = {"json", "csv"})) String format,
            @Context HttpHeaders headers,
            @Context Request request) {
        StockFilter filter = new StockFilter(countryCode, itemCode, QueryParams.uuid("depotId", depotId),
                availableOnly, QueryParams.instant("since", since), QueryParams.uuid("sinceId", sinceId),
                uuids("lotId", lotIds));
        boolean csv = HxlCsv.requested(format, headers);
        // the answer depends on the stock, on this query, on who asks (a donor sees its own lots) and on the day
        List<Object> variant = Arrays.asList("stock", filter, availableOnly ? References.today() : null,
                csv ? "csv" : page.page + "/" + page.size, access.visibleDonor().orElse(null));
        return markers.conditional(request, STOCK_MARKER, variant, () -> csv
                ? HxlCsv.stream("stock.csv", CsvTables.STOCK, sink -> stock.forEachLot(filter, sink))
                : Response.ok(StockLotPage.from(stock.stock(filter, page.page, page.size)),
                        MediaType.APPLICATION_JSON).build());
    }

    /** Every value of a repeated UUID query parameter; blank values are left out, a malformed one is a 400. */
    static List<UUID> uuids(String name, List<String> raw) {
        return raw == null
                ? List.of()
                : raw.stream().map(v -> QueryParams.uuid(name, v)).filter(v -> v != null)
                        .toList();
    }

    @GET
    @Path("summary")
    @Produces({MediaType.APPLICATION_JSON, HxlCsv.MEDIA_TYPE})
    @RolesAllowed({Roles.DONOR, Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "summariseStock", summary = "Stock totals per country, item or depot",
            description = "On-hand, reserved and available totals grouped by country, item or depot, optionally for "
                    + "one country and/or item. A DONOR token gets the totals of the lots it donated only. Answers "
                    + "with an ETag; If-None-Match gives 304 when nothing changed. With format=csv (or Accept: "
                    + "text/csv) the groups as HXL-tagged CSV; the key and label columns are tagged after groupBy.")
    @APIResponse(responseCode = "200", description = "The totals",
            headers = @Header(name = "ETag", description = "Tag of this answer, for If-None-Match",
                    schema = @Schema(type = SchemaType.STRING)),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SummaryDto.class)),
                    @Content(mediaType = HxlCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                            description = "HXL-tagged CSV, UTF-8, RFC 4180", example = CsvTables.SUMMARY_EXAMPLE))})
    @APIResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match")
    public Response summary(
            @QueryParam("groupBy") @DefaultValue("country") @Pattern(regexp = "country|item|depot",
                    message = "must be country, item or depot") @Parameter(description = "country, item or depot",
                            example = "item", schema = @Schema(type = SchemaType.STRING, enumeration = {
                                    "country", "item", "depot"})) String groupBy,
            @QueryParam("countryCode") @Parameter(description = "Only depots of this country",
                    example = "ITA") String countryCode,
            @QueryParam("itemCode") @Parameter(description = "Only this item",
                    example = "SHL-TENT-FAMILY") String itemCode,
            @QueryParam("format") @Parameter(description = FORMAT, example = "csv", schema = @Schema(
                    type = SchemaType.STRING, enumeration = {"json", "csv"})) String format,
            @Context HttpHeaders headers,
            @Context Request request) {
        boolean csv = HxlCsv.requested(format, headers);
        List<Object> variant = Arrays.asList("summary", groupBy, countryCode, itemCode, csv ? "csv" : "json",
                access.visibleDonor().orElse(null));
        return markers.conditional(request, STOCK_MARKER, variant, () -> {
            List<StockService.SummaryRow> rows = stock.summary(groupBy, countryCode, itemCode);
            return csv
                    ? HxlCsv.stream("stock-summary-" + groupBy + ".csv", CsvTables.summary(groupBy), rows::forEach)
                    : Response.ok(SummaryDto.from(groupBy, rows), MediaType.APPLICATION_JSON).build();
        });
    }

    @GET
    @Path("lots/{id}")
    @RolesAllowed({Roles.DONOR, Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getStockLot", summary = "Get one lot",
            description = "One lot with its depot, donor, earmark and balance. "
                    + "To a DONOR token another organisation's lot is 404, as if it did not exist.")
    public StockLotDto lot(@PathParam("id") @Parameter(description = "Lot id", example = Examples.LOT_ID) UUID id) {
        return StockLotDto.from(stock.lot(id));
    }

    @GET
    @Path("ledger")
    @RolesAllowed({Roles.DONOR, Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "listLedgerEntries", summary = "Read the stock ledger",
            description = "Append-only ledger entries, oldest first, optionally of one lot and/or since an instant. "
                    + "A DONOR token sees only the entries of the lots it donated.")
    public PageResponse<LedgerEntryDto> ledger(
            @QueryParam("lotId") @Parameter(description = "Only entries of this lot", example = Examples.LOT_ID,
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) String lotId,
            @QueryParam("since") @Parameter(description = "Only entries recorded at or after this instant "
                    + "(ISO-8601 UTC)", example = Examples.INSTANT,
                    schema = @Schema(type = SchemaType.STRING, format = "date-time")) String since,
            @BeanParam @Valid PageParams page) {
        return stock.ledger(QueryParams.uuid("lotId", lotId), QueryParams.instant("since", since), page.page,
                page.size).map(LedgerEntryDto::from);
    }

    @GET
    @Path("ledger/{id}")
    @RolesAllowed({Roles.DONOR, Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getLedgerEntry", summary = "Get one ledger entry",
            description = "One ledger entry by id. "
                    + "To a DONOR token an entry of another organisation's lot is 404, as if it did not exist.")
    public LedgerEntryDto entry(
            @PathParam("id") @Parameter(description = "Entry id", example = Examples.ENTRY_ID) UUID id) {
        return LedgerEntryDto.from(stock.entry(id));
    }

    @POST
    @Path("adjustments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DONOR, Roles.LOGISTICS_OFFICER, Roles.ADMIN})
    @Operation(operationId = "adjustStock", summary = "Adjust a lot's on-hand stock",
            description = "Records an ADJUSTMENT entry (damaged, expired, lost, found, count correction). Never drives "
                    + "on-hand below zero nor below the reserved quantity. A DONOR token adjusts only the lots it "
                    + "donated: any other lot (or an unknown one) is 404. Honours an optional Idempotency-Key.")
    @APIResponse(responseCode = "404",
            description = "To a DONOR token: the lot is not one it donated, or does not exist",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "201", description = "Recorded; Location names the ledger entry",
            headers = @Header(name = "Location", description = "URI of the new ledger entry",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LedgerEntryDto.class)))
    @APIResponse(responseCode = "409",
            description = "The adjustment would leave on-hand below zero or below the reserved quantity",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown lot, or a reason that does not fit the sign of delta"
            + Problems.IDEMPOTENCY_422,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response adjust(
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "Optional key making a retry safe",
                    example = "count-2026-11-bri-07") String key,
            @Valid @NotNull AdjustmentRequest body) {
        // a donor's adjustment of another's lot is 404 before a stored answer could be replayed
        stock.requireChangeableLot(body.lotId());
        return idempotency.execute(access.scope("adjustments"), key, body, () -> {
            LedgerEntryDto dto = LedgerEntryDto.from(
                    stock.adjust(body.lotId(), body.delta(), body.reason(), body.note()));
            return Idempotency.Result.created(URI.create("/api/v1/stock/ledger/" + dto.id()), dto);
        });
    }

    @POST
    @Path("reversals")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DONOR, Roles.LOGISTICS_OFFICER, Roles.ADMIN})
    @Operation(operationId = "reverseLedgerEntry", summary = "Reverse a ledger entry",
            description = "Records a REVERSAL entry that exactly negates a RECEIPT or ADJUSTMENT entry; the original "
                    + "stays in the ledger. An entry is reversed at most once; reversals, issues and reservation "
                    + "entries cannot be reversed (reservations are undone by release). A DONOR token reverses only "
                    + "entries of the lots it donated: any other entry (or an unknown one) is 404. Honours an "
                    + "optional Idempotency-Key.")
    @APIResponse(responseCode = "404",
            description = "To a DONOR token: the entry is not of a lot it donated, or does not exist",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "201", description = "Reversed; Location names the new REVERSAL entry",
            headers = @Header(name = "Location", description = "URI of the new ledger entry",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LedgerEntryDto.class)))
    @APIResponse(responseCode = "409", description = "Already reversed, not a reversible type, or the reversal would "
            + "leave on-hand below reserved or zero",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown ledger entry"
            + Problems.IDEMPOTENCY_422,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response reverse(
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "Optional key making a retry safe",
                    example = "reverse-dup-receipt-0412") String key,
            @Valid @NotNull ReversalRequest body) {
        // a donor's reversal of another's entry is 404 before a stored answer could be replayed
        stock.requireReversibleEntry(body.ledgerEntryId());
        return idempotency.execute(access.scope("reversals"), key, body, () -> {
            LedgerEntryDto dto = LedgerEntryDto.from(stock.reverse(body.ledgerEntryId(), body.note().trim()));
            return Idempotency.Result.created(URI.create("/api/v1/stock/ledger/" + dto.id()), dto);
        });
    }
}
