package org.corridor.inventory.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.corridor.common.csv.CsvTable;
import org.corridor.common.csv.CsvTableReader;
import org.corridor.common.csv.HxlCsv;
import org.corridor.common.csv.RowProblem;
import org.corridor.common.idempotency.Idempotency;
import org.corridor.common.problem.Problem;
import org.corridor.common.security.Roles;
import org.corridor.inventory.rest.dto.ReceiptImportDto;
import org.corridor.inventory.service.ReceiptImportService;
import org.corridor.inventory.service.StockAccess;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A donor's bulk receipt upload: a CSV (or .xlsx) file of receipts, all registered or none. The file is read here
 * (columns, cell types, the single receipt's bean constraints); the use case checks the references and the stock rules.
 */
@Path("/api/v1/receipt-imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Depots", description = "Warehouses holding relief stock, and the receipts donors register at them")
public class ReceiptImportResource {

    /** Data rows one upload may hold. */
    static final int MAX_ROWS = 10_000;

    static final String CSV_EXAMPLE = "depotCode,itemCode,quantity,lotCode,expiresOn,donorOrganisationId,"
            + "earmarkCountryCodes,earmarkIncidentTypes,note\r\n"
            + "#loc +code,#item +code,#indicator +num +received,#item +lot,#date +expiry,#org +funder +id,"
            + "#country +code +earmark,#crisis +type +earmark,#description\r\n"
            + "UNHRD-BRI,SHL-TENT-FAMILY,400,TENT-2026-0412,2028-06-30," + Examples.ORGANISATION_ID
            + ",TUR;SYR,EARTHQUAKE,ECHO grant 2026/041\r\n"
            + "UNHRD-BRI,NFI-BLANKET,2000,BLK-2026-77,," + Examples.ORGANISATION_ID + ",,,\r\n";

    private final ReceiptImportService imports;
    private final Idempotency idempotency;
    private final StockAccess access;
    private final Validator validator;

    public ReceiptImportResource(ReceiptImportService imports, Idempotency idempotency, StockAccess access,
            Validator validator) {
        this.imports = imports;
        this.idempotency = idempotency;
        this.access = access;
        this.validator = validator;
    }

    @POST
    @Consumes({HxlCsv.MEDIA_TYPE, Spreadsheets.XLSX})
    @RolesAllowed({Roles.DONOR, Roles.LOGISTICS_OFFICER, Roles.ADMIN})
    @Operation(operationId = "importReceipts", summary = "Register many receipts from a CSV or .xlsx file",
            description = "A donor's bulk receipt: one lot per row, with the columns depotCode, itemCode, quantity, "
                    + "lotCode, expiresOn (YYYY-MM-DD), donorOrganisationId, earmarkCountryCodes and "
                    + "earmarkIncidentTypes (lists separated by ; or ,) and note; the first row names the columns "
                    + "(any order; depotCode, itemCode, quantity, lotCode and donorOrganisationId are required), an "
                    + "HXL hashtag row may follow it. Up to 10,000 rows. Every row meets the rules of POST "
                    + "/depots/{id}/receipts (a DONOR token imports only as its own organisation). All rows or none: "
                    + "any bad row refuses the upload with 422 naming every bad row and column, by the row number a "
                    + "spreadsheet shows (the header is row 1). A lot code the depot already holds for the item, or "
                    + "one given twice in the file, is a row error. dryRun=true checks everything and writes "
                    + "nothing. Body as text/csv (UTF-8) or as an .xlsx workbook (first sheet). Honours an optional "
                    + "Idempotency-Key.")
    @RequestBody(description = "The receipts: CSV with a header row (and optionally an HXL row), or an .xlsx "
            + "workbook whose first sheet has the same layout", required = true,
            content = {
                    @Content(mediaType = HxlCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                            example = CSV_EXAMPLE)),
                    @Content(mediaType = Spreadsheets.XLSX, schema = @Schema(type = SchemaType.STRING,
                            format = "binary", description = "An .xlsx workbook; its first sheet is read"))})
    @APIResponse(responseCode = "201", description = "Every row registered; Location names the import",
            headers = @Header(name = "Location", description = "URI of the import",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReceiptImportDto.class)))
    @APIResponse(responseCode = "200", description = "Dry run: every row is good; nothing was written",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReceiptImportDto.class)))
    @APIResponse(responseCode = "400", description = "Not a readable CSV or .xlsx file, an unknown or missing "
            + "column, no rows, or more than 10,000 rows",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Some rows are bad: errors names each (row, column, "
            + "message); nothing was written" + Problems.IDEMPOTENCY_422,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = RowProblem.class)))
    public Response create(
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "Optional key making a retry safe",
                    example = "echo-receipts-2026-11") String key,
            @QueryParam("dryRun") @DefaultValue("false") @Parameter(
                    description = "Check every row and write nothing", example = "true") boolean dryRun,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) @Parameter(hidden = true) String contentType,
            InputStream body) {
        byte[] bytes = readAll(body);
        boolean xlsx = contentType != null && contentType.toLowerCase().startsWith(Spreadsheets.XLSX);
        CsvTable table = xlsx
                ? Spreadsheets.read(new ByteArrayInputStream(bytes), MAX_ROWS)
                : CsvTableReader.read(new ByteArrayInputStream(bytes), MAX_ROWS);
        ReceiptRows.Read read = ReceiptRows.read(table, validator);
        Map<String, Object> request = Map.of("sha256", sha256(bytes), "dryRun", dryRun, "xlsx", xlsx);
        return idempotency.execute(access.scope("receipt-imports"), key, request, () -> {
            ReceiptImportDto dto = ReceiptImportDto.from(imports.importRows(read.rows(), read.errors(), dryRun));
            return dryRun
                    ? Idempotency.Result.ok(dto)
                    : Idempotency.Result.created(URI.create("/api/v1/receipt-imports/" + dto.id()), dto);
        });
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.DONOR, Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getReceiptImport", summary = "Get one receipt import",
            description = "The import with its rows and its lots as they stand now. To a DONOR token an import of "
                    + "another organisation's lots is 404, as if it did not exist.")
    @APIResponse(responseCode = "200", description = "The import",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReceiptImportDto.class)))
    public ReceiptImportDto get(
            @PathParam("id") @Parameter(description = "Import id", example = Examples.IMPORT_ID) UUID id) {
        return ReceiptImportDto.from(imports.get(id));
    }

    private static byte[] readAll(InputStream body) {
        try {
            return body == null ? new byte[0] : body.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
