package org.corridor.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Checks, straight in the database, that every lot's balance row equals the sums of its ledger. */
final class LedgerInvariant {

    private LedgerInvariant() {
    }

    static void assertBalancesEqualLedgerSums(DataSource ds) {
        List<String> broken = new ArrayList<>();
        int lots = 0;
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        SELECT b.lot_id, b.on_hand, b.reserved,
                               COALESCE(SUM(e.on_hand_delta), 0) AS ledger_on_hand,
                               COALESCE(SUM(e.reserved_delta), 0) AS ledger_reserved
                        FROM stock_balance b LEFT JOIN ledger_entry e ON e.lot_id = b.lot_id
                        GROUP BY b.lot_id, b.on_hand, b.reserved""")) {
            while (rs.next()) {
                lots++;
                long onHand = rs.getLong(2);
                long reserved = rs.getLong(3);
                if (onHand != rs.getLong(4) || reserved != rs.getLong(5) || reserved > onHand || reserved < 0) {
                    broken.add(rs.getString(1) + ": balance " + onHand + "/" + reserved + ", ledger "
                            + rs.getLong(4) + "/" + rs.getLong(5));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertTrue(lots > 0, "no lots to check");
        assertEquals(List.of(), broken, "balances that differ from their ledger sums");
    }
}
