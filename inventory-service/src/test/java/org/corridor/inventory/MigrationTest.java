package org.corridor.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Upgrades a database that holds data written before V6: a schema of its own is migrated to V5, given reservations as
 * V5 stored them (a mixed one as SETTLED) and a settlement, then migrated to the latest version.
 */
@QuarkusTest
class MigrationTest {

    private static final String SCHEMA = "upgrade_from_v5";

    /** Connections of their own (not the service's pool), so that the schema's search path stays with this test. */
    private static Connection connect() throws SQLException {
        Config config = ConfigProvider.getConfig();
        Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
        try (Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + SCHEMA);
        }
        return c;
    }

    @Test
    void v6RenamesSettledToPartialAndKeepsEverythingElse() throws Exception {
        UUID mixed = UUID.randomUUID();
        UUID held = UUID.randomUUID();
        try {
            flyway("5").migrate();
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO reservation (id, reference, status, created_at, updated_at) VALUES "
                        + "('" + mixed + "', 'plan-old', 'SETTLED', now(), now()), "
                        + "('" + held + "', 'plan-old', 'HELD', now(), now())");
                s.executeUpdate("INSERT INTO reservation_settlement (reservation_id, kind, reference, lines, "
                        + "settled_at) VALUES ('" + mixed + "', 'RELEASE', 'shipment-old', '" + UUID.randomUUID()
                        + ":4', now())");
            }
            flyway(null).migrate();
            try (Connection c = connect(); Statement s = c.createStatement()) {
                assertEquals("PARTIAL", status(s, mixed));
                assertEquals("HELD", status(s, held));
                try (ResultSet rs = s.executeQuery("SELECT settled FROM reservation_settlement")) {
                    rs.next();
                    assertNull(rs.getString(1), "settlements made before V6 settled their lines in full");
                }
                SQLException refused = assertThrows(SQLException.class, () -> s
                        .executeUpdate("UPDATE reservation SET status = 'SETTLED' WHERE id = '" + held + "'"));
                assertEquals("23514", refused.getSQLState(), "the old name is refused by the check constraint");
            }
        } finally {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            }
        }
    }

    private Flyway flyway(String target) {
        Config db = ConfigProvider.getConfig();
        var config = Flyway.configure()
                .dataSource(db.getValue("quarkus.datasource.jdbc.url", String.class),
                        db.getValue("quarkus.datasource.username", String.class),
                        db.getOptionalValue("quarkus.datasource.password", String.class).orElse(""))
                .schemas(SCHEMA)
                .locations("filesystem:src/main/resources/db/migration");
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }

    private static String status(Statement s, UUID id) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT status FROM reservation WHERE id = '" + id + "'")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
