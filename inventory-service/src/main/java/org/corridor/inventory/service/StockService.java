package org.corridor.inventory.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.corridor.common.paging.PageResponse;
import org.corridor.common.persistence.QueryFilter;
import org.corridor.common.problem.ProblemException;
import org.corridor.common.time.DbClock;
import org.corridor.inventory.domain.AdjustmentReason;
import org.corridor.inventory.domain.Depot;
import org.corridor.inventory.domain.IncidentType;
import org.corridor.inventory.domain.Item;
import org.corridor.inventory.domain.LedgerEntry;
import org.corridor.inventory.domain.LedgerEntryType;
import org.corridor.inventory.domain.Organisation;
import org.corridor.inventory.domain.StockBalance;
import org.corridor.inventory.domain.StockLot;
import org.hibernate.jpa.HibernateHints;

/**
 * The stock ledger. Every change of a lot's quantities is one appended {@link LedgerEntry} plus the matching change of
 * its {@link StockBalance} row, in one transaction, with the balance row locked ({@code SELECT ... FOR UPDATE}), so
 * that the balance always equals the sums of the ledger. Every read and change goes through {@link StockAccess}: a
 * DONOR sees and changes only its own lots.
 */
@ApplicationScoped
public class StockService {

    private final References refs;
    private final EntityManager em;
    private final StockAccess access;

    public StockService(References refs, EntityManager em, StockAccess access) {
        this.refs = refs;
        this.em = em;
        this.access = access;
    }

    /** What a donor registers at a depot. */
    public record Receipt(String itemCode, long quantity, String lotCode, LocalDate expiresOn,
            UUID donorOrganisationId, List<String> earmarkCountryCodes, List<IncidentType> earmarkIncidentTypes,
            String note) {
    }

    /** Registers a new lot at a depot with a RECEIPT entry; answers the lot with its balance. */
    @Transactional
    public StockLotView receive(UUID depotId, Receipt r) {
        access.requireReceiptDonor(r.donorOrganisationId());
        Depot depot = Depot.findById(depotId);
        if (depot == null) {
            throw ProblemException.notFound("Depot", depotId);
        }
        Item item = refs.requireItem(r.itemCode(), "itemCode");
        Organisation donor = refs.requireOrganisation(r.donorOrganisationId(), "donorOrganisationId");
        List<String> countries = earmarkCountries(r);
        countries.forEach(c -> refs.requireCountry(c, "earmark.countryCodes"));
        List<String> types = earmarkTypes(r);
        checkExpiry(item, r.expiresOn());
        if (StockLot.count("depot.id = ?1 and itemCode = ?2 and lotCode = ?3", depotId, item.code, r.lotCode()) > 0) {
            throw lotAlreadyReceived(depot.code, item.code, r.lotCode());
        }
        StockLot lot = new StockLot();
        lot.id = UUID.randomUUID();
        lot.depot = depot;
        lot.itemCode = item.code;
        lot.lotCode = r.lotCode();
        lot.expiresOn = r.expiresOn();
        lot.donor = donor;
        lot.earmarkCountryCodes = countries.isEmpty() ? null : countries.toArray(String[]::new);
        lot.earmarkIncidentTypes = types.isEmpty() ? null : types.toArray(String[]::new);
        lot.receivedAt = DbClock.now();
        lot.persist();
        StockBalance b = new StockBalance();
        b.lot = lot;
        b.onHand = 0;
        b.reserved = 0;
        b.updatedAt = lot.receivedAt;
        b.persist();
        append(b, LedgerEntryType.RECEIPT, r.quantity(), 0, null, null, null, r.note());
        em.flush();
        return StockLotView.of(b);
    }

    /** The earmark's countries as stored: distinct and sorted; empty when the receipt names none. */
    static List<String> earmarkCountries(Receipt r) {
        return r.earmarkCountryCodes() == null
                ? List.of()
                : r.earmarkCountryCodes().stream().distinct().sorted().toList();
    }

    /** The earmark's incident types as stored: distinct and sorted names; empty when the receipt names none. */
    static List<String> earmarkTypes(Receipt r) {
        return r.earmarkIncidentTypes() == null
                ? List.of()
                : r.earmarkIncidentTypes().stream().distinct().sorted().map(Enum::name).toList();
    }

    /**
     * The expiry rules of every receipt (single or imported): an item with a shelf life needs an expiry date, and
     * expired stock cannot be received.
     */
    static void checkExpiry(Item item, LocalDate expiresOn) {
        if (expiresOn == null && item.shelfLifeDays != null) {
            throw ProblemException.unprocessable("Expiry date required",
                    "Item " + item.code + " perishes (shelf life " + item.shelfLifeDays
                            + " days): give the lot's expiresOn");
        }
        if (expiresOn != null && expiresOn.isBefore(References.today())) {
            throw ProblemException.unprocessable("Lot already expired",
                    "expiresOn " + expiresOn + " is in the past: expired stock cannot be received");
        }
    }

    /** A depot holds each (item, lot code) once: a second receipt of it is refused, never merged. */
    static ProblemException lotAlreadyReceived(String depotCode, String itemCode, String lotCode) {
        return ProblemException.conflict("Lot already received",
                "Depot " + depotCode + " already holds lot " + lotCode + " of " + itemCode
                        + ": give the new receipt its own lotCode, or record a FOUND adjustment");
    }

    /** Corrects on-hand stock of a lot; never below zero nor below what is reserved. */
    @Transactional
    public LedgerEntryView adjust(UUID lotId, long delta, AdjustmentReason reason, String note) {
        requireChangeableLot(lotId);
        StockBalance b = lockBalance(lotId, "lotId");
        if (!reason.allows(delta)) {
            throw ProblemException.unprocessable("Adjustment reason does not fit the delta",
                    "An adjustment for " + reason + " must " + switch (reason) {
                        case DAMAGED, EXPIRED, LOST -> "remove stock (negative delta)";
                        case FOUND -> "add stock (positive delta)";
                        case COUNT_CORRECTION -> "change stock (non-zero delta)";
                    });
        }
        long newOnHand = b.onHand + delta;
        if (newOnHand < 0) {
            throw ProblemException.conflict("Not enough stock on hand",
                    "Lot " + lotId + " has " + b.onHand + " on hand: an adjustment of " + delta
                            + " would make it negative");
        }
        if (newOnHand < b.reserved) {
            throw ProblemException.conflict("Stock is reserved",
                    "Lot " + lotId + " has " + b.onHand + " on hand of which " + b.reserved
                            + " reserved: an adjustment of " + delta
                            + " would leave less on hand than reserved; release reservations first");
        }
        LedgerEntry e = append(b, LedgerEntryType.ADJUSTMENT, delta, 0, reason, null, null, note);
        em.flush();
        return LedgerEntryView.of(e);
    }

    /** Reverses a RECEIPT or ADJUSTMENT entry with a new REVERSAL entry that negates it. */
    @Transactional
    public LedgerEntryView reverse(UUID entryId, String note) {
        requireReversibleEntry(entryId);
        LedgerEntry original = LedgerEntry.findById(entryId);
        if (original == null) {
            throw ProblemException.unprocessable("Unknown ledger entry",
                    "ledgerEntryId " + entryId + " is not an entry of the stock ledger");
        }
        if (original.type == LedgerEntryType.REVERSAL) {
            throw ProblemException.conflict("A reversal cannot be reversed",
                    "Entry " + entryId + " is itself a reversal; record a new receipt or adjustment instead");
        }
        if (!original.type.reversible()) {
            throw ProblemException.conflict("Entry type is not reversible",
                    "Only RECEIPT and ADJUSTMENT entries can be reversed; a " + original.type + " entry is undone by "
                            + (original.type == LedgerEntryType.ISSUE
                                    ? "a new receipt or a FOUND adjustment"
                                    : "releasing or re-creating the reservation"));
        }
        StockBalance b = lockBalance(original.lotId, "ledgerEntryId");
        // checked under the lot's lock, so two concurrent reversals of one entry cannot both pass
        if (LedgerEntry.count("reversesEntryId", entryId) > 0) {
            throw ProblemException.conflict("Entry already reversed",
                    "Entry " + entryId + " has already been reversed");
        }
        long newOnHand = b.onHand - original.onHandDelta;
        long newReserved = b.reserved - original.reservedDelta;
        if (newOnHand < 0 || newReserved < 0 || newOnHand < newReserved) {
            throw ProblemException.conflict("Reversal would break the balance",
                    "Reversing entry " + entryId + " would leave lot " + original.lotId + " with " + newOnHand
                            + " on hand and " + newReserved
                            + " reserved; on hand may never fall below reserved or zero");
        }
        LedgerEntry e = append(b, LedgerEntryType.REVERSAL, -original.onHandDelta, -original.reservedDelta,
                null, original.reservationId, original.id, note);
        em.flush();
        return LedgerEntryView.of(e);
    }

    /**
     * Refuses a caller confined to its own lots (a DONOR) a change of any other lot: 404 as for a lot that does not
     * exist, never revealing it exists; for such a caller an unknown lot is 404 too (officers get 422 for an unknown
     * lot in a body). Checked before the Idempotency-Key is looked at.
     */
    public void requireChangeableLot(UUID lotId) {
        if (!access.confined()) {
            return;
        }
        StockLot lot = lotId == null ? null : StockLot.findById(lotId);
        if (lot == null) {
            throw StockAccess.lotNotFound(lotId);
        }
        access.requireMayChange(lot.donor.id, StockAccess.lotNotFound(lotId));
    }

    /** As {@link #requireChangeableLot} for the lot of a ledger entry to reverse; unknown or hidden entry: 404. */
    public void requireReversibleEntry(UUID entryId) {
        if (!access.confined()) {
            return;
        }
        LedgerEntry e = entryId == null ? null : LedgerEntry.findById(entryId);
        StockLot lot = e == null ? null : StockLot.findById(e.lotId);
        if (lot == null) {
            throw StockAccess.entryNotFound(entryId);
        }
        access.requireMayChange(lot.donor.id, StockAccess.entryNotFound(entryId));
    }

    /** Locks a lot's balance row for the rest of the transaction; unknown lot is a 422. */
    StockBalance lockBalance(UUID lotId, String field) {
        StockBalance b = em.find(StockBalance.class, lotId, LockModeType.PESSIMISTIC_WRITE);
        if (b == null) {
            throw ProblemException.unprocessable("Unknown lot", field + " " + lotId + " is not a stock lot");
        }
        return b;
    }

    /**
     * Appends one ledger entry and moves the (locked) balance by the same deltas. The callers check the business rules
     * with precise messages; this is the last guard.
     */
    LedgerEntry append(StockBalance b, LedgerEntryType type, long onHandDelta, long reservedDelta,
            AdjustmentReason reason, UUID reservationId, UUID reverses, String note) {
        long onHand = b.onHand + onHandDelta;
        long reserved = b.reserved + reservedDelta;
        if (onHand < 0 || reserved < 0 || onHand < reserved) {
            throw ProblemException.conflict("Stock balance would be broken",
                    "This change would leave lot " + b.lotId + " with " + onHand + " on hand and " + reserved
                            + " reserved");
        }
        Instant now = DbClock.now();
        LedgerEntry e = new LedgerEntry();
        e.id = UUID.randomUUID();
        e.lotId = b.lot.id;
        e.type = type;
        e.onHandDelta = onHandDelta;
        e.reservedDelta = reservedDelta;
        e.onHandAfter = onHand;
        e.reservedAfter = reserved;
        e.reason = reason;
        e.reservationId = reservationId;
        e.reversesEntryId = reverses;
        e.note = note;
        e.occurredAt = now;
        e.persist();
        b.onHand = onHand;
        b.reserved = reserved;
        b.updatedAt = now;
        return e;
    }

    public StockLotView lot(UUID lotId) {
        List<StockBalance> found = em.createQuery("select b from StockBalance b join fetch b.lot l join fetch l.depot "
                + "join fetch l.donor where b.lotId = :id", StockBalance.class).setParameter("id", lotId)
                .getResultList();
        if (found.isEmpty() || !access.maySee(found.get(0).lot.donor.id)) {
            throw StockAccess.lotNotFound(lotId);
        }
        return StockLotView.of(found.get(0));
    }

    /**
     * One page of lots with their balances, and the total count. The rows are read as scalars
     * ({@link StockLotView#COLUMNS}), never as entities: a polled list builds no managed objects, snapshots or proxies.
     */
    public PageResponse<StockLotView> stock(StockFilter filter, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        String where = " where " + filter.where(access.visibleDonor().orElse(null), params);
        TypedQuery<Long> count = em.createQuery("select count(b) from StockBalance b join b.lot l join l.depot d"
                + where, Long.class);
        TypedQuery<Object[]> list = em.createQuery("select " + StockLotView.COLUMNS
                + " from StockBalance b join b.lot l join l.depot d join l.donor o" + where + filter.orderBy(),
                Object[].class);
        params.forEach(count::setParameter);
        params.forEach(list::setParameter);
        List<StockLotView> rows = list.setFirstResult(page * size).setMaxResults(size)
                .setHint(HibernateHints.HINT_READ_ONLY, true).getResultList().stream().map(StockLotView::of).toList();
        return new PageResponse<>(rows, page, size, count.getSingleResult());
    }

    /** Rows fetched per round trip when a whole list is streamed (CSV exports). */
    static final int STREAM_FETCH_SIZE = 500;

    /**
     * Every lot matching the filter of {@link #stock}, in the same order, handed one by one to {@code sink} while a
     * database cursor reads them {@value #STREAM_FETCH_SIZE} at a time: the rows are scalars, never managed entities,
     * so an export of any size holds one fetch in memory.
     */
    @Transactional
    public void forEachLot(StockFilter filter, Consumer<StockLotView> sink) {
        Map<String, Object> params = new HashMap<>();
        String where = filter.where(access.visibleDonor().orElse(null), params);
        TypedQuery<Object[]> q = em.createQuery("select " + StockLotView.COLUMNS
                + " from StockBalance b join b.lot l join l.depot d join l.donor o where " + where
                + filter.orderBy(), Object[].class);
        params.forEach(q::setParameter);
        q.setHint(HibernateHints.HINT_FETCH_SIZE, STREAM_FETCH_SIZE).setHint(HibernateHints.HINT_READ_ONLY, true);
        try (Stream<Object[]> rows = q.getResultStream()) {
            rows.forEach(r -> sink.accept(StockLotView.of(r)));
        }
    }

    /** Totals per group; {@code key} is the country code, item code or depot id. */
    public record SummaryRow(String key, String label, long lots, long onHand, long reserved) {
    }

    /**
     * The totals per group with their labels, in one grouped SQL statement read as plain rows: no entity is built and
     * no second query looks the labels up (the dashboard's most polled 200).
     */
    public List<SummaryRow> summary(String groupBy, String countryCode, String itemCode) {
        SummarySql grouping = SummarySql.of(groupBy);
        StringBuilder sql = new StringBuilder("select ").append(grouping.key()).append(", ")
                .append(grouping.label()).append(", count(*), sum(b.on_hand), sum(b.reserved) "
                        + "from stock_balance b join stock_lot l on l.id = b.lot_id "
                        + "join depot d on d.id = l.depot_id ")
                .append(grouping.join()).append(" where true");
        Map<String, Object> params = new HashMap<>();
        if (countryCode != null && !countryCode.isBlank()) {
            sql.append(" and d.country_code = :country");
            params.put("country", countryCode);
        }
        if (itemCode != null && !itemCode.isBlank()) {
            sql.append(" and l.item_code = :item");
            params.put("item", itemCode);
        }
        access.visibleDonor().ifPresent(donor -> {
            sql.append(" and l.donor_organisation_id = :donor");
            params.put("donor", donor);
        });
        sql.append(" group by ").append(grouping.groupBy()).append(" order by ").append(grouping.key());
        jakarta.persistence.Query q = em.createNativeQuery(sql.toString(), Object[].class);
        params.forEach(q::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream().map(r -> new SummaryRow(String.valueOf(r[0]), String.valueOf(r[1]),
                ((Number) r[2]).longValue(), ((Number) r[3]).longValue(), ((Number) r[4]).longValue())).toList();
    }

    public PageResponse<LedgerEntryView> ledger(UUID lotId, Instant since, int page, int size) {
        QueryFilter f = QueryFilter.create().eq("lotId", lotId).cond("occurredAt >= ?", since)
                .cond("lotId in (select sl.id from StockLot sl where sl.donor.id = ?)",
                        access.visibleDonor().orElse(null));
        return PageResponse.of(LedgerEntry.find(f.where(), Sort.by("seq"), f.params()), page, size,
                LedgerEntryView::of);
    }

    public LedgerEntryView entry(UUID id) {
        LedgerEntry e = LedgerEntry.findById(id);
        if (e == null || access.visibleDonor().isPresent()
                && !access.maySee(StockLot.<StockLot>findById(e.lotId).donor.id)) {
            throw StockAccess.entryNotFound(id);
        }
        return LedgerEntryView.of(e);
    }
}
