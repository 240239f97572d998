package org.corridor.inventory.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corridor.common.problem.ProblemException;
import org.corridor.common.time.DbClock;
import org.corridor.inventory.domain.LedgerEntryType;
import org.hibernate.Session;

/**
 * Moves the stock of many lots at once, for reservations and their settlements (up to 10,000 lines each). A plan draws
 * on thousands of lots, so nothing here costs one round trip per line:
 * <ul>
 * <li>{@link #lock} locks every balance row in <em>one</em> {@code SELECT ... WHERE lot_id = ANY(?) ORDER BY lot_id FOR
 * UPDATE}: the database takes the row locks in lot-id order, the same order for every request, so two requests naming
 * overlapping lots queue behind each other and never deadlock;</li>
 * <li>{@link #append} writes the ledger entries as JDBC batches and moves all the balances with one {@code UPDATE ...
 * FROM unnest(...)}, in the caller's transaction.</li>
 * </ul>
 * The ledger rule of {@link StockService} holds: each balance changes only together with the entry that records it,
 * under its row lock, and each entry stores the balance after it. The database's checks ({@code on_hand >= reserved},
 * {@code reserved >= 0}) remain the last guard.
 */
@ApplicationScoped
public class LotBatch {

    /** Ledger rows sent per JDBC batch. */
    static final int BATCH = 1000;

    private final EntityManager em;

    public LotBatch(EntityManager em) {
        this.em = em;
    }

    /** A lot whose balance row this transaction holds locked, with its balance as it now stands. */
    public static final class LockedLot {
        private final UUID lotId;
        private final String itemCode;
        private final LocalDate expiresOn;
        private long onHand;
        private long reserved;

        LockedLot(UUID lotId, String itemCode, LocalDate expiresOn, long onHand, long reserved) {
            this.lotId = lotId;
            this.itemCode = itemCode;
            this.expiresOn = expiresOn;
            this.onHand = onHand;
            this.reserved = reserved;
        }

        public UUID lotId() {
            return lotId;
        }

        public String itemCode() {
            return itemCode;
        }

        public boolean expired() {
            return expiresOn != null && expiresOn.isBefore(References.today());
        }

        public long available() {
            return onHand - reserved;
        }
    }

    /** One ledger movement of a locked lot. */
    public record Move(LockedLot lot, long onHandDelta, long reservedDelta) {
    }

    /**
     * Locks the balance rows of the lots (duplicates allowed) in one statement, in lot-id order, and answers them by
     * lot id; any unknown lot is a 422 naming it, before anything is written.
     */
    public Map<UUID, LockedLot> lock(Collection<UUID> lotIds) {
        List<UUID> ids = new ArrayList<>(new LinkedHashSet<>(lotIds));
        Map<UUID, LockedLot> locked = new LinkedHashMap<>();
        work(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT b.lot_id, b.on_hand, b.reserved, l.item_code, l.expires_on
                    FROM stock_balance b JOIN stock_lot l ON l.id = b.lot_id
                    WHERE b.lot_id = ANY (?)
                    ORDER BY b.lot_id
                    FOR UPDATE OF b""")) {
                ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID id = rs.getObject(1, UUID.class);
                        Date expires = rs.getDate(5);
                        locked.put(id, new LockedLot(id, rs.getString(4),
                                expires == null ? null : expires.toLocalDate(), rs.getLong(2), rs.getLong(3)));
                    }
                }
            }
        });
        if (locked.size() < ids.size()) {
            List<UUID> unknown = ids.stream().filter(id -> !locked.containsKey(id)).toList();
            throw ProblemException.unprocessable("Unknown lot", "lotId " + unknown
                    + (unknown.size() == 1 ? " is" : " are") + " not a stock lot (see GET /api/v1/stock)");
        }
        return locked;
    }

    /**
     * Appends one ledger entry of {@code type} per move, in the given order, and moves the locked balances by the same
     * deltas; the lots must have been locked by {@link #lock} in this transaction.
     */
    public void append(List<Move> moves, LedgerEntryType type, UUID reservationId, String note) {
        if (moves.isEmpty()) {
            return;
        }
        for (Move m : moves) {
            long onHand = m.lot().onHand + m.onHandDelta();
            long reserved = m.lot().reserved + m.reservedDelta();
            if (onHand < 0 || reserved < 0 || onHand < reserved) {
                throw ProblemException.conflict("Stock balance would be broken",
                        "This change would leave lot " + m.lot().lotId + " with " + onHand + " on hand and "
                                + reserved + " reserved");
            }
        }
        OffsetDateTime now = DbClock.now().atOffset(ZoneOffset.UTC);
        Map<UUID, LockedLot> touched = new LinkedHashMap<>();
        work(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ledger_entry (id, lot_id, type, "
                    + "on_hand_delta, reserved_delta, on_hand_after, reserved_after, reservation_id, note, "
                    + "occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int pending = 0;
                for (Move m : moves) {
                    LockedLot lot = m.lot();
                    lot.onHand += m.onHandDelta();
                    lot.reserved += m.reservedDelta();
                    touched.put(lot.lotId, lot);
                    ps.setObject(1, UUID.randomUUID());
                    ps.setObject(2, lot.lotId);
                    ps.setString(3, type.name());
                    ps.setLong(4, m.onHandDelta());
                    ps.setLong(5, m.reservedDelta());
                    ps.setLong(6, lot.onHand);
                    ps.setLong(7, lot.reserved);
                    ps.setObject(8, reservationId);
                    ps.setString(9, note);
                    ps.setObject(10, now);
                    ps.addBatch();
                    if (++pending == BATCH) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    ps.executeBatch();
                }
            }
            updateBalances(c, touched.values(), now);
        });
    }

    private static void updateBalances(Connection c, Collection<LockedLot> lots, OffsetDateTime now)
            throws SQLException {
        UUID[] ids = new UUID[lots.size()];
        Long[] onHand = new Long[lots.size()];
        Long[] reserved = new Long[lots.size()];
        int i = 0;
        for (LockedLot lot : lots) {
            ids[i] = lot.lotId;
            onHand[i] = lot.onHand;
            reserved[i++] = lot.reserved;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE stock_balance b SET on_hand = v.on_hand, reserved = v.reserved, updated_at = ?
                FROM unnest(?::uuid[], ?::bigint[], ?::bigint[]) AS v (lot_id, on_hand, reserved)
                WHERE b.lot_id = v.lot_id""")) {
            ps.setObject(1, now);
            ps.setArray(2, c.createArrayOf("uuid", ids));
            ps.setArray(3, c.createArrayOf("bigint", onHand));
            ps.setArray(4, c.createArrayOf("bigint", reserved));
            int updated = ps.executeUpdate();
            if (updated != ids.length) {
                throw new IllegalStateException("moved " + updated + " balances of " + ids.length + " locked lots");
            }
        }
    }

    private interface Work {
        void run(Connection c) throws SQLException;
    }

    private void work(Work w) {
        em.unwrap(Session.class).doWork(w::run);
    }
}
