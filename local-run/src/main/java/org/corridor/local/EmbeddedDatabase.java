package org.corridor.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The embedded PostgreSQL server of a local run: one data directory and one port for its whole life, so that it can be
 * stopped and started again underneath running services ({@link #restart}), as a real database server restarts. The
 * services keep their JDBC URLs; what they see is every connection cut and, for the downtime, connections refused.
 * <p>
 * The data directory is never cleaned by the server itself (Zonky's clean flag would delete it at each stop); a
 * temporary one is deleted here once the server is closed for good.
 */
final class EmbeddedDatabase implements AutoCloseable {

    private final Path dataDir;
    private final boolean temporary;
    private final int port;
    private EmbeddedPostgres server;

    private EmbeddedDatabase(Path dataDir, boolean temporary, int port, EmbeddedPostgres server) {
        this.dataDir = dataDir;
        this.temporary = temporary;
        this.port = port;
        this.server = server;
    }

    /**
     * Starts a server on {@code dataDir} (initialised when it holds no cluster yet) and {@code port} (0: any free
     * port); a {@code temporary} directory is deleted by {@link #close()}.
     */
    static EmbeddedDatabase start(Path dataDir, boolean temporary, int port) {
        int chosen = port > 0 ? port : Processes.freePort();
        return new EmbeddedDatabase(dataDir, temporary, chosen, launch(dataDir, chosen));
    }

    private static EmbeddedPostgres launch(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            return EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60)).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL on " + dataDir, e);
        }
    }

    /** The superuser's JDBC URL of database {@code postgres}. */
    String adminJdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    int port() {
        return port;
    }

    Path dataDir() {
        return dataDir;
    }

    /**
     * Stops the server with a fast shutdown (open sessions are cut, committed work is kept), leaves it down for
     * {@code downtime}, and starts it again on the same data directory and port.
     */
    synchronized void restart(Duration downtime) {
        stopServer();
        Processes.sleep(downtime.toMillis());
        server = launch(dataDir, port);
    }

    private void stopServer() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop embedded PostgreSQL", e);
        } finally {
            server = null;
        }
        // pg_ctl waits for the postmaster; the port check covers a stop that failed without saying so
        Instant deadline = Instant.now().plusSeconds(30);
        while (Ports.answers(port)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("PostgreSQL still answers on port " + port + " after its stop");
            }
            Processes.sleep(100);
        }
    }

    /** Stops the server; deletes the data directory if it is temporary. */
    @Override
    public synchronized void close() {
        try {
            stopServer();
        } finally {
            if (temporary) {
                deleteTree(dataDir);
            }
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // the run is over; a leftover temporary directory is harmless
        }
    }
}
