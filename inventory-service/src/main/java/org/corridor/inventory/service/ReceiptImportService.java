package org.corridor.inventory.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.corridor.common.csv.RowError;
import org.corridor.common.csv.RowErrorsException;
import org.corridor.common.problem.ProblemException;
import org.corridor.common.time.DbClock;
import org.corridor.inventory.domain.Depot;
import org.corridor.inventory.domain.Item;
import org.corridor.inventory.domain.Organisation;
import org.hibernate.Session;

/**
 * A donor's bulk receipt: many rows, each a receipt as {@link StockService#receive} registers it, all written or none.
 * Every row goes through the same rules as a single receipt (the caller's right to donate as that organisation, known
 * item, donor and earmark countries, the expiry rules, one lot code per depot and item), and every bad row is named,
 * not only the first. Fast for 10,000 rows: the references are looked up once per distinct value, the lot codes already
 * received are found with one query, and the lots, balances and RECEIPT entries are written as JDBC batches (each
 * balance equals its single RECEIPT entry, so the ledger rule holds).
 */
@ApplicationScoped
public class ReceiptImportService {

    /** Rows sent per JDBC batch. */
    static final int BATCH = 1000;

    private final References refs;
    private final StockAccess access;
    private final EntityManager em;

    public ReceiptImportService(References refs, StockAccess access, EntityManager em) {
        this.refs = refs;
        this.access = access;
        this.em = em;
    }

    /** One row of the upload, already read into a receipt; {@code row} is its spreadsheet row number. */
    public record ImportRow(int row, String depotCode, StockService.Receipt receipt) {
    }

    /** What an import registered: the number of rows and the new lots (none for a dry run). */
    public record ImportResult(UUID id, int rows, boolean dryRun, List<StockLotView> lots) {
    }

    /**
     * Checks every row (adding to the errors the caller found while reading the file) and, unless {@code dryRun},
     * registers them all in this transaction; any error refuses the whole upload with a {@link RowErrorsException}.
     */
    @Transactional
    public ImportResult importRows(List<ImportRow> rows, List<RowError> readErrors, boolean dryRun) {
        List<RowError> errors = new ArrayList<>(readErrors);
        Map<String, Depot> depots = new HashMap<>();
        Set<String> codes = new HashSet<>();
        rows.forEach(r -> codes.add(r.depotCode()));
        if (!codes.isEmpty()) {
            Depot.<Depot>list("code in ?1", codes).forEach(d -> depots.put(d.code, d));
        }
        Map<String, Object> items = new HashMap<>();
        Map<UUID, Object> donors = new HashMap<>();
        Map<String, Object> countries = new HashMap<>();
        Map<String, Integer> firstRowOfLot = new HashMap<>();
        List<Checked> checked = new ArrayList<>();
        for (ImportRow r : rows) {
            StockService.Receipt receipt = r.receipt();
            int before = errors.size();
            Depot depot = depots.get(r.depotCode());
            if (depot == null) {
                errors.add(new RowError(r.row(), "depotCode", "depotCode " + r.depotCode()
                        + " is not a depot (see GET /api/v1/depots)"));
            }
            try {
                access.requireReceiptDonor(receipt.donorOrganisationId());
            } catch (ProblemException e) {
                errors.add(new RowError(r.row(), "donorOrganisationId", e.getMessage()));
            }
            Item item = lookUp(items, receipt.itemCode(), c -> refs.requireItem(c, "itemCode"), r.row(), "itemCode",
                    errors, Item.class);
            Organisation donor = lookUp(donors, receipt.donorOrganisationId(),
                    id -> refs.requireOrganisation(id, "donorOrganisationId"), r.row(), "donorOrganisationId", errors,
                    Organisation.class);
            List<String> earmarkCountries = StockService.earmarkCountries(receipt);
            for (String c : earmarkCountries) {
                lookUp(countries, c, code -> refs.requireCountry(code, "earmarkCountryCodes"), r.row(),
                        "earmarkCountryCodes", errors, Object.class);
            }
            if (item != null) {
                try {
                    StockService.checkExpiry(item, receipt.expiresOn());
                } catch (ProblemException e) {
                    errors.add(new RowError(r.row(), "expiresOn", e.getMessage()));
                }
            }
            if (depot != null && item != null) {
                String key = depot.id + "|" + item.code + "|" + receipt.lotCode();
                Integer first = firstRowOfLot.putIfAbsent(key, r.row());
                if (first != null) {
                    errors.add(new RowError(r.row(), "lotCode", "lot " + receipt.lotCode() + " of " + item.code
                            + " at depot " + depot.code + " is already on row " + first
                            + " of this file: each lot is received once"));
                }
            }
            if (errors.size() == before) {
                checked.add(new Checked(r, depot, item, donor, earmarkCountries, StockService.earmarkTypes(receipt)));
            }
        }
        alreadyReceived(checked).forEach(c -> errors.add(new RowError(c.row.row(), "lotCode",
                StockService.lotAlreadyReceived(c.depot.code, c.item.code, c.row.receipt().lotCode()).getMessage())));
        if (!errors.isEmpty()) {
            errors.sort(
                    Comparator.comparingInt(RowError::row).thenComparing(e -> e.column() == null ? "" : e.column()));
            throw new RowErrorsException("Receipt import refused", errors);
        }
        if (dryRun) {
            return new ImportResult(null, rows.size(), true, List.of());
        }
        UUID id = UUID.randomUUID();
        List<StockLotView> lots = write(checked);
        em.createNativeQuery("INSERT INTO receipt_import (id, row_count, lot_ids, created_at) VALUES (?1, ?2, "
                + "CAST(?3 AS uuid[]), ?4)").setParameter(1, id).setParameter(2, lots.size())
                .setParameter(3, lots.stream().map(l -> l.lotId().toString())
                        .collect(java.util.stream.Collectors.joining(",", "{", "}")))
                .setParameter(4, lots.get(0).receivedAt().atOffset(ZoneOffset.UTC)).executeUpdate();
        return new ImportResult(id, rows.size(), false, lots);
    }

    /**
     * An import as its POST answered it, with its lots as they stand now. To a caller confined to its own lots (a
     * DONOR), an import of another organisation's lots is 404, as if it did not exist.
     */
    @Transactional
    public ImportResult get(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery("SELECT row_count, CAST(lot_ids AS varchar) FROM receipt_import "
                + "WHERE id = ?1").setParameter(1, id).getResultList();
        if (found.isEmpty()) {
            throw ProblemException.notFound("Receipt import", id);
        }
        List<UUID> lotIds = java.util.Arrays.stream(((String) found.get(0)[1]).replaceAll("[{}]", "").split(","))
                .map(UUID::fromString).toList();
        Map<UUID, StockLotView> byId = new HashMap<>();
        em.createQuery("select " + StockLotView.COLUMNS + " from StockBalance b join b.lot l join l.depot d "
                + "join l.donor o where l.id in :ids", Object[].class).setParameter("ids", lotIds).getResultList()
                .forEach(r -> {
                    StockLotView v = StockLotView.of(r);
                    byId.put(v.lotId(), v);
                });
        if (byId.values().stream().anyMatch(v -> !access.maySee(v.donorOrganisationId()))) {
            throw ProblemException.notFound("Receipt import", id);
        }
        return new ImportResult(id, ((Number) found.get(0)[0]).intValue(), false,
                lotIds.stream().map(byId::get).toList());
    }

    /** A row that passed every check, with what it refers to. */
    private record Checked(ImportRow row, Depot depot, Item item, Organisation donor, List<String> countries,
            List<String> types) {
    }

    /** Looks a reference up once per distinct value; an unknown one is a row error with the service's message. */
    private static <K, V> V lookUp(Map<K, Object> cache, K key, Function<K, V> find, int row, String column,
            List<RowError> errors, Class<V> type) {
        Object found = cache.computeIfAbsent(key, k -> {
            try {
                return find.apply(k);
            } catch (ProblemException e) {
                return e;
            }
        });
        if (found instanceof ProblemException e) {
            errors.add(new RowError(row, column, e.getMessage()));
            return null;
        }
        return type.cast(found);
    }

    /** The checked rows whose lot code the depot already holds for the item, found with one query. */
    private List<Checked> alreadyReceived(List<Checked> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Checked> byKey = new HashMap<>();
        UUID[] depotIds = new UUID[rows.size()];
        String[] itemCodes = new String[rows.size()];
        String[] lotCodes = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Checked c = rows.get(i);
            depotIds[i] = c.depot.id;
            itemCodes[i] = c.item.code;
            lotCodes[i] = c.row.receipt().lotCode();
            byKey.put(c.depot.id + "|" + c.item.code + "|" + lotCodes[i], c);
        }
        List<Checked> found = new ArrayList<>();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT l.depot_id, l.item_code, l.lot_code
                    FROM stock_lot l
                    JOIN unnest(?::uuid[], ?::varchar[], ?::varchar[]) AS v (depot_id, item_code, lot_code)
                      ON l.depot_id = v.depot_id AND l.item_code = v.item_code AND l.lot_code = v.lot_code""")) {
                ps.setArray(1, c.createArrayOf("uuid", depotIds));
                ps.setArray(2, c.createArrayOf("varchar", itemCodes));
                ps.setArray(3, c.createArrayOf("varchar", lotCodes));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(byKey.get(rs.getObject(1, UUID.class) + "|" + rs.getString(2) + "|"
                                + rs.getString(3)));
                    }
                }
            }
        });
        found.sort(Comparator.comparingInt(c -> c.row.row()));
        return found;
    }

    /** Writes the lots, their balances and their RECEIPT entries as JDBC batches; answers the new lots. */
    private List<StockLotView> write(List<Checked> rows) {
        Instant now = DbClock.now();
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        List<StockLotView> lots = new ArrayList<>(rows.size());
        UUID[] ids = new UUID[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            ids[i] = UUID.randomUUID();
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement lot = c.prepareStatement("INSERT INTO stock_lot (id, depot_id, item_code, "
                    + "lot_code, expires_on, donor_organisation_id, earmark_country_codes, earmark_incident_types, "
                    + "received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement balance = c.prepareStatement("INSERT INTO stock_balance (lot_id, on_hand, "
                            + "reserved, updated_at) VALUES (?, ?, 0, ?)");
                    PreparedStatement entry = c.prepareStatement("INSERT INTO ledger_entry (id, lot_id, type, "
                            + "on_hand_delta, reserved_delta, on_hand_after, reserved_after, note, occurred_at) "
                            + "VALUES (?, ?, 'RECEIPT', ?, 0, ?, 0, ?, ?)")) {
                for (int i = 0; i < rows.size(); i++) {
                    Checked r = rows.get(i);
                    StockService.Receipt receipt = r.row.receipt();
                    lot.setObject(1, ids[i]);
                    lot.setObject(2, r.depot.id);
                    lot.setString(3, r.item.code);
                    lot.setString(4, receipt.lotCode());
                    lot.setObject(5, receipt.expiresOn());
                    lot.setObject(6, r.donor.id);
                    lot.setArray(7, array(c, r.countries));
                    lot.setArray(8, array(c, r.types));
                    lot.setObject(9, at);
                    lot.addBatch();
                    balance.setObject(1, ids[i]);
                    balance.setLong(2, receipt.quantity());
                    balance.setObject(3, at);
                    balance.addBatch();
                    entry.setObject(1, UUID.randomUUID());
                    entry.setObject(2, ids[i]);
                    entry.setLong(3, receipt.quantity());
                    entry.setLong(4, receipt.quantity());
                    entry.setString(5, receipt.note());
                    entry.setObject(6, at);
                    entry.addBatch();
                    if ((i + 1) % BATCH == 0 || i == rows.size() - 1) {
                        // lots first: balances and entries refer to them
                        lot.executeBatch();
                        balance.executeBatch();
                        entry.executeBatch();
                    }
                }
            }
        });
        for (int i = 0; i < rows.size(); i++) {
            Checked r = rows.get(i);
            StockService.Receipt receipt = r.row.receipt();
            Depot d = r.depot;
            StockLotView.Earmark earmark = r.countries.isEmpty() && r.types.isEmpty()
                    ? null
                    : new StockLotView.Earmark(r.countries, receipt.earmarkIncidentTypes() == null
                            ? List.of()
                            : receipt.earmarkIncidentTypes().stream().distinct().sorted().toList());
            lots.add(new StockLotView(ids[i], d.id, d.code, d.name, d.countryCode, d.latitude, d.longitude,
                    r.item.code, receipt.lotCode(), receipt.expiresOn(), r.donor.id, r.donor.name, earmark,
                    receipt.quantity(), 0, receipt.quantity(), now, d.seaport, now));
        }
        return lots;
    }

    private static java.sql.Array array(Connection c, List<String> values) throws SQLException {
        return values.isEmpty() ? null : c.createArrayOf("varchar", values.toArray());
    }
}
