package org.corridor.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.corridor.local.ConsoleServer;
import org.corridor.local.CorridorSystem;
import org.corridor.local.DemoLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console end to end, as a person uses it: the three packaged services on an embedded PostgreSQL with the demo
 * crisis loaded and planned (not approved), the console served by local-run's {@link ConsoleServer} as
 * {@code ./corridor} serves it, and the browser checks of {@code e2e/run.mjs} ({@code npm run e2e}) in Debian's
 * Chromium: the map shows the demo's sites, an officer approves the plan and sees its shipments, records a shipment's
 * events and its proof of delivery with a rejected part and sees coverage follow, the attention list names the
 * rejection and a re-plan shows its changes, the officer approves the re-plan (its base plan is then superseded), the
 * wall display refreshes in place, a donor registers a receipt and sees only its own stock, a receipt import names a
 * file's bad row and imports nothing until the file is fixed, a DASHBOARD user has no write control, and axe-core finds
 * no serious or critical violation on any view. Screenshots go to {@code target/screenshots} ({@code docs/console/}
 * with {@code -Dconsole.updateScreenshots=true}); the e2e report (with the time until the crisis is visible on the map)
 * to {@code target/}.
 */
class ConsoleBrowserIT {

    private static CorridorSystem system;
    private static ConsoleServer console;
    private static Path module;

    @BeforeAll
    static void start() throws Exception {
        assertTrue(Files.isExecutable(Path.of("/usr/bin/chromium")),
                "Debian's chromium is needed (apt-get install -y chromium); .ci/run installs it");
        Path root = CorridorSystem.repoRoot();
        module = root.resolve("console");
        assertTrue(Files.isRegularFile(module.resolve("target/dist/index.html")), "the console is built first");
        system = CorridorSystem.start(CorridorSystem.Options.forTests(module.resolve("target/it-logs")));
        String token = system.tokens().issue("console-it", List.of("ADMIN", "LOGISTICS_OFFICER"), null,
                Duration.ofHours(1));
        DemoLoader demo = new DemoLoader(system.baseUrl("inventory"), system.baseUrl("allocation"), token, System.out);
        DemoLoader.Loaded loaded = demo.load(root.resolve("demo/kahramanmaras-2023"));
        JsonNode plan = demo.plan(loaded.incidentIds(), Duration.ofSeconds(10), Duration.ofSeconds(120));
        assertEquals("SOLVED", plan.get("status").asText(), "the demo plan is solved, to be approved in the browser");
        Map<String, String> urls = new LinkedHashMap<>();
        for (String s : CorridorSystem.SERVICES) {
            urls.put(s, system.baseUrl(s));
        }
        console = new ConsoleServer(module.resolve("target/dist"), urls, system.tokens(), 0);
    }

    @AfterAll
    static void stop() {
        if (console != null) {
            console.close();
        }
        if (system != null) {
            system.close();
        }
    }

    @Test
    void browserChecksPass() throws IOException, InterruptedException {
        Path log = module.resolve("target/e2e.log");
        ProcessBuilder pb = new ProcessBuilder("npm", "run", "--silent", "e2e").directory(module.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("CONSOLE_URL", console.url());
        // the committed screenshots (docs/console) are rewritten only when asked: -Dconsole.updateScreenshots=true
        Path shots = Boolean.getBoolean("console.updateScreenshots")
                ? module.getParent().resolve("docs/console")
                : module.resolve("target/screenshots");
        pb.environment().put("SCREENSHOT_DIR", shots.toString());
        pb.environment().put("E2E_REPORT", module.resolve("target/e2e-report.json").toString());
        Process p = pb.start();
        boolean done = p.waitFor(10, TimeUnit.MINUTES);
        if (!done) {
            p.destroyForcibly();
        }
        String out = Files.readString(log);
        System.out.println(out);
        assertTrue(done, "the browser checks ended within 10 minutes:\n" + out);
        assertEquals(0, p.exitValue(), "every browser check passes:\n" + out);
    }
}
