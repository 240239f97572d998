package org.corridor.local;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watchdog on its own, without the packaged services: a JVM ({@link Owner}) starts a real embedded PostgreSQL and a
 * stand-in service process and tells its watchdog about them, then is killed with SIGKILL. Both must be gone within
 * seconds. (The cross-service test {@code LauncherIT} does the same with {@code ./corridor} and the real services.)
 */
class WatchdogTest {

    @TempDir
    Path dir;

    @Test
    void stopsTheServicesAndPostgresWhenItsOwnerIsKilled() throws Exception {
        int pgPort;
        try (ServerSocket s = new ServerSocket(0)) {
            pgPort = s.getLocalPort();
        }
        Path dataDir = dir.resolve("pgdata");
        Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Owner.class.getName(), dir.toString(), dataDir.toString(),
                String.valueOf(pgPort)).redirectError(dir.resolve("owner.err").toFile()).start();
        // the owner's output is read until it is ready, then no more: the pipe's buffer is enough for the rest
        ProcessHandle service = null;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(owner.getInputStream(),
                    StandardCharsets.UTF_8));
            String ready = out.readLine();
            while (ready != null && !ready.startsWith("ready ")) {
                // PostgreSQL's log
                ready = out.readLine();
            }
            assertTrue(ready != null && ready.startsWith("ready "), "owner: " + ready + " " + stderr());
            service = ProcessHandle.of(Long.parseLong(ready.substring(6))).orElseThrow();
            ProcessHandle postgres = Watchdog.postmaster(dataDir, Duration.ZERO).orElseThrow();
            assertTrue(Ports.answers(pgPort), "PostgreSQL listens on " + pgPort);

            owner.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

            Instant t0 = Instant.now();
            Instant deadline = t0.plusSeconds(30);
            while (service.isAlive() || postgres.isAlive() || Ports.answers(pgPort)) {
                if (Instant.now().isAfter(deadline)) {
                    fail("still running 30 s after the owner was killed: service " + service.isAlive()
                            + ", PostgreSQL " + postgres.isAlive() + "\n" + log());
                }
                Thread.sleep(100);
            }
            System.out.printf("service and PostgreSQL gone %d ms after the owner was killed%n",
                    Duration.between(t0, Instant.now()).toMillis());
            assertTrue(log().contains("stopping PostgreSQL"), log());
        } finally {
            owner.destroyForcibly();
            if (service != null) {
                service.destroyForcibly();
            }
        }
    }

    private String log() throws Exception {
        Path log = dir.resolve("watchdog.log");
        return Files.exists(log) ? Files.readString(log) : "(no watchdog log)";
    }

    private String stderr() throws Exception {
        return Files.readString(dir.resolve("owner.err"));
    }

    /** {@code Owner LOG_DIR DATA_DIR PG_PORT}: a watchdog, PostgreSQL, a stand-in service; then waits. */
    public static final class Owner {
        public static void main(String[] args) throws Exception {
            Path dataDir = Path.of(args[1]);
            Watchdog.Link watchdog = Watchdog.Link.start(Path.of(args[0]).resolve("watchdog.log"));
            watchdog.postgres(dataDir, false);
            Files.createDirectories(dataDir);
            EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(true)
                    .setPort(Integer.parseInt(args[2])).start();
            Process service = new ProcessBuilder("sleep", "600").start();
            watchdog.service(service.pid());
            System.out.println("ready " + service.pid());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
