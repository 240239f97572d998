package org.corridor.allocation.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.corridor.local.CorridorSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ./corridor} as people run it (the script, the launcher, the packaged services, the embedded PostgreSQL), on
 * free ports given through its variables and with its state under {@code target/}, without the demo. Killed with
 * SIGKILL, it leaves nothing running: its services and PostgreSQL are gone within seconds (its watchdog stops them).
 * Stopped with SIGTERM (what Ctrl-C does), it stops everything itself. While it runs, a second {@code ./corridor} on
 * the same ports refuses to start and names the ports.
 */
class LauncherIT {

    private static final Duration START = Duration.ofSeconds(240);
    private static final Duration GONE = Duration.ofSeconds(60);

    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private Path dir;
    private final List<Process> launched = new ArrayList<>();

    @BeforeEach
    void freePorts() throws IOException {
        for (String name : List.of("INVENTORY", "ALLOCATION", "SHIPMENT", "PG")) {
            try (ServerSocket s = new ServerSocket(0)) {
                ports.put("CORRIDOR_" + name + "_PORT", s.getLocalPort());
            }
        }
        dir = Path.of("target/it-logs/launcher").toAbsolutePath();
        Files.createDirectories(dir);
    }

    @AfterEach
    void stopLeftovers() throws InterruptedException {
        for (Process p : launched) {
            if (p.isAlive()) {
                p.destroy();
                p.waitFor(60, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void killedWithSigkillItLeavesNothingRunning() throws Exception {
        Path state = dir.resolve("state-kill");
        Process launcher = start(state, "kill.out");
        List<ProcessHandle> children = startedBy(launcher);
        ProcessHandle postgres = postmaster(state);

        // a second Corridor on the same ports (and state) stops at once, says why and deletes nothing
        Process second = launch(state, "second.out");
        assertTrue(second.waitFor(60, TimeUnit.SECONDS), "the second launcher did not stop");
        String refused = Files.readString(dir.resolve("second.out"));
        assertEquals(1, second.exitValue(), refused);
        for (int port : ports.values()) {
            assertTrue(refused.contains("port " + port + " ("), port + " not named: " + refused);
        }
        assertTrue(Files.exists(state.resolve("pgdata/postmaster.pid")), "--fresh of the second deleted the data");
        assertHealthy();

        launcher.destroyForcibly();
        Instant killed = Instant.now();
        List<ProcessHandle> all = new ArrayList<>(children);
        all.add(postgres);
        awaitGone(all, "after SIGKILL", state);
        System.out.printf("services, watchdog and PostgreSQL gone %d ms after the launcher was killed%n",
                Duration.between(killed, Instant.now()).toMillis());
        assertTrue(Files.readString(state.resolve("logs/watchdog.log")).contains("stopping PostgreSQL"));
    }

    @Test
    void stoppedWithSigtermItStopsEverythingItself() throws Exception {
        Path state = dir.resolve("state-term");
        Process launcher = start(state, "term.out");
        List<ProcessHandle> all = new ArrayList<>(startedBy(launcher));
        all.add(postmaster(state));

        launcher.destroy();
        assertTrue(launcher.waitFor(GONE.toSeconds(), TimeUnit.SECONDS), "the launcher did not stop");
        String output = Files.readString(dir.resolve("term.out"));
        assertTrue(output.contains("Corridor: stopped."), output);
        awaitGone(all, "after SIGTERM", state);
        String watchdog = Files.readString(state.resolve("logs/watchdog.log"));
        assertTrue(watchdog.contains("the owner stopped everything itself"), watchdog);
    }

    /** Starts {@code ./corridor --fresh --no-demo} and waits until it says it is ready. */
    private Process start(Path state, String output) throws Exception {
        Process p = launch(state, output);
        Path out = dir.resolve(output);
        Instant deadline = Instant.now().plus(START);
        while (!Files.readString(out).contains("Corridor: ready")) {
            if (!p.isAlive() || Instant.now().isAfter(deadline)) {
                fail("./corridor did not get ready (exit " + (p.isAlive() ? "none" : p.exitValue()) + "):\n"
                        + Files.readString(out));
            }
            Thread.sleep(250);
        }
        assertHealthy();
        return p;
    }

    private Process launch(Path state, String output) throws IOException {
        Path root = CorridorSystem.repoRoot();
        ProcessBuilder pb = new ProcessBuilder(root.resolve("corridor").toString(), "--fresh", "--no-demo",
                "--state", state.toString()).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(output).toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("CORRIDOR_") && !k.startsWith("CORRIDOR_TEST_DB"));
        ports.forEach((k, v) -> pb.environment().put(k, String.valueOf(v)));
        Process p = pb.start();
        launched.add(p);
        return p;
    }

    private void assertHealthy() throws IOException {
        for (String service : List.of("INVENTORY", "ALLOCATION", "SHIPMENT")) {
            URI health = URI.create("http://localhost:" + ports.get("CORRIDOR_" + service + "_PORT") + "/q/health");
            HttpURLConnection c = (HttpURLConnection) health.toURL().openConnection();
            c.setConnectTimeout(2000);
            c.setReadTimeout(5000);
            assertEquals(200, c.getResponseCode(), service + " health");
        }
    }

    /** The running postmaster of the state's database, from its pid file. */
    private static ProcessHandle postmaster(Path state) throws IOException {
        long pid = Long.parseLong(Files.readAllLines(state.resolve("pgdata/postmaster.pid")).get(0).trim());
        ProcessHandle pg = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no postmaster " + pid));
        assertTrue(pg.info().command().orElse("").endsWith("postgres"), pg.info().toString());
        return pg;
    }

    /** Waits until every process has exited and no port answers any more. */
    private void awaitGone(List<ProcessHandle> processes, String when, Path state) throws Exception {
        BooleanSupplier gone = () -> processes.stream().noneMatch(ProcessHandle::isAlive)
                && ports.values().stream().noneMatch(LauncherIT::answers);
        Instant deadline = Instant.now().plus(GONE);
        while (!gone.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                fail("still running " + GONE.toSeconds() + " s " + when + ": "
                        + describe(processes.stream().filter(ProcessHandle::isAlive).toList()) + ", ports answering: "
                        + ports.values().stream().filter(LauncherIT::answers).toList() + "\nwatchdog log:\n"
                        + Files.readString(state.resolve("logs/watchdog.log")));
            }
            Thread.sleep(200);
        }
    }

    /** The launcher's children: the three services and the watchdog. */
    private static List<ProcessHandle> startedBy(Process launcher) {
        List<ProcessHandle> children = launcher.toHandle().children().toList();
        String all = describe(children);
        assertEquals(3, children.stream().filter(c -> describe(List.of(c)).contains("quarkus-run.jar")).count(), all);
        assertEquals(1, children.stream().filter(c -> describe(List.of(c)).contains("Watchdog")).count(), all);
        return children;
    }

    private static boolean answers(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static String describe(List<ProcessHandle> processes) {
        return processes.stream().map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList().toString();
    }
}
