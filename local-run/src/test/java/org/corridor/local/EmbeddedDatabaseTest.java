package org.corridor.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real embedded PostgreSQL restarted underneath an open connection: the connection is cut, the port refuses
 * connections for the downtime, and afterwards the same URL reaches the same committed data.
 */
class EmbeddedDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void restartCutsSessionsKeepsCommittedDataAndComesBackOnTheSamePort() throws Exception {
        Path dataDir = dir.resolve("pgdata");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, true, 0)) {
            int port = db.port();
            try (Connection c = connect(db); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE lot (id INT PRIMARY KEY, on_hand INT NOT NULL)");
                s.execute("INSERT INTO lot VALUES (1, 100)");
            }
            Connection open = connect(db);
            open.setAutoCommit(false);
            try (Statement s = open.createStatement()) {
                // uncommitted when the server goes down: lost, as in any crash
                s.execute("INSERT INTO lot VALUES (2, 5)");
            }

            Instant t0 = Instant.now();
            CompletableFuture<Void> restart = CompletableFuture.runAsync(() -> db.restart(Duration.ofSeconds(2)));
            // down at some point during the restart
            boolean sawDown = false;
            while (!restart.isDone()) {
                sawDown |= !Ports.answers(port);
                Thread.sleep(50);
            }
            restart.get(60, TimeUnit.SECONDS);
            long took = Duration.between(t0, Instant.now()).toMillis();
            System.out.printf("restart with 2 s downtime took %d ms%n", took);
            assertTrue(sawDown, "the port refused connections while the server was down");
            assertTrue(took >= 2000, "down for the downtime asked for: " + took + " ms");

            assertEquals(port, db.port());
            assertTrue(Ports.answers(port));
            SQLException cut = assertThrows(SQLException.class, () -> {
                try (Statement s = open.createStatement()) {
                    s.executeQuery("SELECT 1");
                }
            });
            System.out.println("the open session after the restart: " + cut.getSQLState() + " " + cut.getMessage());
            open.close();

            try (Connection c = connect(db);
                    Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT id, on_hand FROM lot ORDER BY id")) {
                assertTrue(r.next());
                assertEquals(1, r.getInt(1));
                assertEquals(100, r.getInt(2));
                assertFalse(r.next(), "the uncommitted row did not survive");
            }
        }
        assertFalse(Files.exists(dataDir), "a temporary data directory is deleted at close");
    }

    @Test
    void aKeptDataDirectoryOutlivesTheServer() throws Exception {
        Path dataDir = dir.resolve("kept");
        int port;
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, false, 0)) {
            port = db.port();
            try (Connection c = connect(db); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE marker (v TEXT)");
                s.execute("INSERT INTO marker VALUES ('kept')");
            }
        }
        assertFalse(Ports.answers(port), "stopped at close");
        assertTrue(Files.exists(dataDir.resolve("PG_VERSION")));
        try (EmbeddedDatabase again = EmbeddedDatabase.start(dataDir, false, 0);
                Connection c = connect(again);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT v FROM marker")) {
            assertTrue(r.next());
            assertEquals("kept", r.getString(1));
        }
    }

    private static Connection connect(EmbeddedDatabase db) throws SQLException {
        return DriverManager.getConnection(db.adminJdbcUrl(), "postgres", "postgres");
    }
}
