package org.corridor.inventory.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.corridor.common.security.Roles;
import org.corridor.inventory.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * GET /reservations?referencePrefix=plan-&status=HELD, which allocation's orphan sweep sends every minute on every
 * replica, can be answered from an index whatever the database's collation: PostgreSQL turns the LIKE prefix (with its
 * ESCAPE clause, its pattern bound as a parameter as Hibernate sends it) into a range of
 * {@code reservation_status_reference_prefix_idx}. Sequential scans are switched off for the statement so that the
 * answer does not depend on how few rows a test database has: the question is whether the index can serve it.
 */
@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class ReservationReferenceIndexTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aReferencePrefixWithAStatusIsAnIndexRange() throws SQLException {
        String lot = Fixtures.lot(10);
        Fixtures.reserve(UUID.randomUUID().toString(), "plan-" + UUID.randomUUID(), List.of(Fixtures.line(lot, 1)))
                .then().statusCode(201);
        String plan = explain("SELECT count(*) FROM reservation r WHERE r.reference LIKE ? ESCAPE '!' "
                + "AND r.status = ?", ReservationService.likePrefix("plan-"), "HELD");
        assertThat(plan, containsString("reservation_status_reference_prefix_idx"));
        // the prefix bounds the index range: text_pattern_ops' operators, not a filter on every HELD row
        assertThat(plan, containsString("~>=~"));
        assertThat(plan, containsString("~<~"));
    }

    private String explain(String sql, String... params) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL enable_seqscan = off");
            }
            StringBuilder out = new StringBuilder();
            try (PreparedStatement p = c.prepareStatement("EXPLAIN " + sql)) {
                for (int i = 0; i < params.length; i++) {
                    p.setString(i + 1, params[i]);
                }
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.append(r.getString(1)).append('\n');
                    }
                }
            } finally {
                c.rollback();
            }
            return out.toString();
        }
    }
}
