package org.corridor.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher, run as a process the way {@code ./corridor} runs it, while another process holds a port it needs: it
 * stops before starting or deleting anything, exits with status 1 and names the port and its holder.
 */
class CorridorLauncherPortsTest {

    @TempDir
    Path state;

    @TempDir
    Path work;

    private record Run(int exit, String output) {
    }

    @Test
    void refusesToStartWhenAServicePortIsTaken() throws Exception {
        assumeFalse(Ports.inUse(8082), "port 8082 is in use already");
        List<Integer> freeBefore = Stream.of(8081, 8083, 15432).filter(p -> !Ports.inUse(p)).toList();
        Files.writeString(state.resolve("earlier-run.txt"), "data of an earlier run");
        try (ServerSocket other = new ServerSocket()) {
            other.bind(new InetSocketAddress(8082));
            Run run = launch(Map.of(), "--fresh", "--no-demo", "--state", state.toString());

            assertEquals(1, run.exit(), run.output());
            assertTrue(run.output().contains("port 8082 (allocation-service)"), run.output());
            assertTrue(run.output().contains("Nothing was started"), run.output());
            assertNamesThisJvm(run.output());
            assertFalse(run.output().contains("Corridor: ready"), run.output());
        }
        // --fresh deleted nothing; no keys, database or logs were made (each start writes into the state)
        try (Stream<Path> left = Files.list(state)) {
            assertEquals(List.of("earlier-run.txt"), left.map(p -> p.getFileName().toString()).toList());
        }
        for (int port : freeBefore) {
            assertFalse(Ports.answers(port), "something was started on port " + port);
        }
    }

    @Test
    void refusesToStartWhenThePostgresPortIsTaken() throws Exception {
        try (ServerSocket postgres = new ServerSocket(0);
                ServerSocket a = new ServerSocket(0);
                ServerSocket b = new ServerSocket(0);
                ServerSocket c = new ServerSocket(0)) {
            int inventory = a.getLocalPort();
            int allocation = b.getLocalPort();
            int shipment = c.getLocalPort();
            a.close();
            b.close();
            c.close();
            Run run = launch(Map.of("CORRIDOR_PG_PORT", String.valueOf(postgres.getLocalPort()),
                    "CORRIDOR_INVENTORY_PORT", String.valueOf(inventory),
                    "CORRIDOR_ALLOCATION_PORT", String.valueOf(allocation),
                    "CORRIDOR_SHIPMENT_PORT", String.valueOf(shipment)), "--no-demo", "--state", state.toString());

            assertNotEquals(0, run.exit(), run.output());
            assertTrue(run.output().contains("port " + postgres.getLocalPort() + " (PostgreSQL)"), run.output());
            assertFalse(run.output().contains("-service)"), "only the PostgreSQL port is taken: " + run.output());
            assertNamesThisJvm(run.output());
            for (int port : List.of(inventory, allocation, shipment)) {
                assertFalse(Ports.answers(port), "something was started on port " + port);
            }
        }
        try (Stream<Path> left = Files.list(state)) {
            assertEquals(List.of(), left.toList(), "nothing was made in the state directory");
        }
    }

    /** On Linux the message says which process holds the port: here, this test's JVM. */
    private static void assertNamesThisJvm(String output) {
        if (Files.isReadable(Path.of("/proc/net/tcp"))) {
            assertTrue(output.contains("is held by process " + ProcessHandle.current().pid() + " ("), output);
        }
    }

    /** Runs the launcher's main class in a JVM of its own with the given environment and arguments. */
    private Run launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), CorridorLauncher.class.getName()));
        command.addAll(List.of(args));
        Path output = work.resolve("launcher.out");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("CORRIDOR_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            // it started after all: stop what it started (SIGTERM runs its shutdown hook)
            p.destroy();
            p.waitFor(60, TimeUnit.SECONDS);
            fail("the launcher did not stop at once:\n" + Files.readString(output));
        }
        return new Run(p.exitValue(), Files.readString(output));
    }
}
