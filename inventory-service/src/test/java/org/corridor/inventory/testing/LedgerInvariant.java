package org.corridor.inventory.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Checks that balances equal the sums of the ledger: every lot's balance row, straight in the database, and one lot's
 * balance as the API answers it.
 */
public final class LedgerInvariant {

    private LedgerInvariant() {
    }

    public static void assertBalancesEqualLedgerSums(DataSource ds) {
        List<String> broken = new ArrayList<>();
        int lots = 0;
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement();
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

    /** The lot's onHand, reserved and available, as GET /stock/lots/{id} answers them, agree with its ledger. */
    public static void assertLotAgreesWithItsLedger(String lotId) {
        List<Map<String, Object>> entries = Fixtures.ledgerOf(lotId);
        long onHand = entries.stream().mapToLong(e -> ((Number) e.get("onHandDelta")).longValue()).sum();
        long reserved = entries.stream().mapToLong(e -> ((Number) e.get("reservedDelta")).longValue()).sum();
        Response lot = Fixtures.lotBalance(lotId);
        assertEquals(onHand, ((Number) lot.path("onHand")).longValue(), "onHand of " + lotId);
        assertEquals(reserved, ((Number) lot.path("reserved")).longValue(), "reserved of " + lotId);
        assertEquals(onHand - reserved, ((Number) lot.path("available")).longValue(), "available of " + lotId);
    }
}
