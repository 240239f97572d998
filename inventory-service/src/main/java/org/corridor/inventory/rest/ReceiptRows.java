package org.corridor.inventory.rest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.corridor.common.csv.CsvTable;
import org.corridor.common.csv.RowError;
import org.corridor.common.problem.ProblemException;
import org.corridor.inventory.domain.IncidentType;
import org.corridor.inventory.rest.dto.EarmarkRequest;
import org.corridor.inventory.rest.dto.ReceiptRequest;
import org.corridor.inventory.service.ReceiptImportService.ImportRow;

/**
 * Reads the rows of a receipt upload into {@link ReceiptRequest}s, the body of a single receipt, and validates them
 * with the very constraints of that body (the bean validator), so an imported row is held to exactly the rules of
 * {@code POST /depots/{id}/receipts}. Cell text that is not of its column's type (a quantity that is not a whole
 * number, a date that is not YYYY-MM-DD) is a row error naming the cell; every row is read, so that every bad row is
 * reported at once.
 */
final class ReceiptRows {

    /** The columns of a receipt upload, in the order the docs list them. */
    static final List<String> COLUMNS = List.of("depotCode", "itemCode", "quantity", "lotCode", "expiresOn",
            "donorOrganisationId", "earmarkCountryCodes", "earmarkIncidentTypes", "note");
    static final List<String> REQUIRED = List.of("depotCode", "itemCode", "quantity", "lotCode",
            "donorOrganisationId");
    /** Separators of the values of a list in one cell: semicolon (as the CSV exports write), comma or space. */
    static final String LIST_SEPARATORS = "[;,\\s]+";

    /** The rows read, and the errors found while reading. */
    record Read(List<ImportRow> rows, List<RowError> errors) {
    }

    private ReceiptRows() {
    }

    static Read read(CsvTable table, Validator validator) {
        List<String> unknown = table.header().stream().filter(h -> !h.isEmpty() && !COLUMNS.contains(h)).toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.badRequest("The header names " + String.join(", ", unknown)
                    + (unknown.size() == 1 ? ", which is not a column" : ", which are not columns")
                    + " of a receipt import; the columns are " + String.join(", ", COLUMNS));
        }
        List<String> missing = REQUIRED.stream().filter(c -> !table.header().contains(c)).toList();
        if (!missing.isEmpty()) {
            throw ProblemException.badRequest("The header lacks the column" + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing) + "; the columns are " + String.join(", ", COLUMNS));
        }
        if (table.rows().isEmpty()) {
            throw ProblemException.badRequest("The file has a header but no rows to import");
        }
        List<ImportRow> rows = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        for (CsvTable.Row r : table.rows()) {
            List<RowError> rowErrors = new ArrayList<>();
            Set<String> bad = new HashSet<>();
            Long quantity = null;
            String q = r.get("quantity");
            if (q != null) {
                try {
                    quantity = Long.parseLong(q);
                } catch (NumberFormatException e) {
                    bad(rowErrors, bad, r, "quantity", "quantity must be a whole number from 1 to 1000000000, not "
                            + quote(q));
                }
            }
            LocalDate expiresOn = null;
            String e = r.get("expiresOn");
            if (e != null) {
                try {
                    expiresOn = LocalDate.parse(e);
                } catch (DateTimeParseException ex) {
                    bad(rowErrors, bad, r, "expiresOn", "expiresOn must be a date as YYYY-MM-DD, not " + quote(e));
                }
            }
            UUID donor = null;
            String d = r.get("donorOrganisationId");
            if (d != null) {
                try {
                    donor = UUID.fromString(d);
                } catch (IllegalArgumentException ex) {
                    bad(rowErrors, bad, r, "donorOrganisationId",
                            "donorOrganisationId must be an organisation id (a UUID), not " + quote(d));
                }
            }
            List<String> countries = list(r.get("earmarkCountryCodes"));
            List<IncidentType> types = new ArrayList<>();
            for (String t : list(r.get("earmarkIncidentTypes"))) {
                try {
                    types.add(IncidentType.valueOf(t));
                } catch (IllegalArgumentException ex) {
                    bad(rowErrors, bad, r, "earmarkIncidentTypes", quote(t) + " is not an incident type; one of "
                            + Arrays.stream(IncidentType.values()).map(Enum::name).collect(Collectors.joining(", ")));
                }
            }
            if (r.get("depotCode") == null) {
                bad(rowErrors, bad, r, "depotCode", "depotCode is required");
            }
            EarmarkRequest earmark = countries.isEmpty() && types.isEmpty()
                    ? null
                    : new EarmarkRequest(countries.isEmpty() ? null : countries, types.isEmpty() ? null : types);
            ReceiptRequest request = new ReceiptRequest(r.get("itemCode"), quantity, r.get("lotCode"), expiresOn,
                    donor, earmark, r.get("note"));
            for (ConstraintViolation<ReceiptRequest> v : validator.validate(request)) {
                String column = column(v.getPropertyPath().toString());
                if (!bad.contains(column)) {
                    rowErrors.add(new RowError(r.number(), column, column + " "
                            + (v.getInvalidValue() == null ? "is required" : v.getMessage())));
                }
            }
            if (rowErrors.isEmpty()) {
                rows.add(new ImportRow(r.number(), r.get("depotCode"), request.toCommand()));
            }
            errors.addAll(rowErrors);
        }
        return new Read(rows, errors);
    }

    private static void bad(List<RowError> errors, Set<String> bad, CsvTable.Row r, String column, String message) {
        errors.add(new RowError(r.number(), column, message));
        bad.add(column);
    }

    /** The upload column of a violated property of {@link ReceiptRequest}. */
    private static String column(String path) {
        if (path.startsWith("earmark.countryCodes")) {
            return "earmarkCountryCodes";
        }
        if (path.startsWith("earmark.incidentTypes")) {
            return "earmarkIncidentTypes";
        }
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(0, dot);
    }

    private static List<String> list(String cell) {
        return cell == null
                ? List.of()
                : Arrays.stream(cell.trim().split(LIST_SEPARATORS)).filter(s -> !s.isEmpty())
                        .toList();
    }

    private static String quote(String value) {
        return "\"" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "\"";
    }
}
