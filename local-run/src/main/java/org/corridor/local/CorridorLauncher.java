package org.corridor.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Runs Corridor on one machine for people (the {@code ./corridor} script): an embedded PostgreSQL whose data survive
 * restarts (under {@code .corridor/pgdata}), and the three services on ports 8081-8083. Ctrl-C stops the services, then
 * the database; should this JVM be killed outright, the {@link Watchdog} does. The operations console is served at
 * {@code http://localhost:8080/} ({@link ConsoleServer}; {@code CORRIDOR_CONSOLE_PORT} changes the port).
 * <p>
 * Arguments: {@code --fresh} deletes the saved data first; {@code --state DIR} overrides {@code .corridor};
 * {@code --no-demo} skips loading the demo crisis (loaded once otherwise, from {@code demo/kahramanmaras-2023}, then
 * planned). {@code token --role ROLE [--org ID]} prints a bearer token signed with the local key pair instead of
 * starting anything.
 * <p>
 * Before anything is started or deleted, every port is checked: if one is held by any process, the launcher names it
 * and exits with status 1. The ports can be changed with {@code CORRIDOR_INVENTORY_PORT},
 * {@code CORRIDOR_ALLOCATION_PORT}, {@code CORRIDOR_SHIPMENT_PORT} and {@code CORRIDOR_PG_PORT}.
 */
public final class CorridorLauncher {

    /** The service ports people know, and the variables that change them. */
    static final Map<String, Integer> DEFAULT_PORTS = Map.of("inventory", 8081, "allocation", 8082, "shipment", 8083);
    static final int DEFAULT_PG_PORT = 15432;
    static final int DEFAULT_CONSOLE_PORT = 8080;
    /** The console's built files, relative to the repository root (the {@code console} module's Vite output). */
    static final String CONSOLE_FILES = "console/target/dist";

    private CorridorLauncher() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("java.util.logging.manager") == null) {
            // embedded PostgreSQL logs through SLF4J to JBoss LogManager, like the services
            System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        }
        List<String> argv = List.of(args);
        Path root = CorridorSystem.repoRoot();
        int stateIdx = argv.indexOf("--state");
        Path state = stateIdx >= 0 && stateIdx + 1 < argv.size()
                ? Path.of(argv.get(stateIdx + 1)).toAbsolutePath()
                : root.resolve(".corridor");
        if (!argv.isEmpty() && argv.get(0).equals("token")) {
            // only the token goes to stdout, so that TOKEN=$(./corridor token ...) works; mistakes go to stderr
            String token;
            try {
                token = token(argv.subList(1, argv.size()), state.resolve("keys"));
            } catch (IllegalArgumentException e) {
                System.err.println("corridor token: " + e.getMessage());
                System.exit(2);
                return;
            }
            System.out.println(token);
            return;
        }
        Map<String, Integer> httpPorts = new LinkedHashMap<>();
        int pgPort;
        int consolePort;
        try {
            for (String s : CorridorSystem.SERVICES) {
                httpPorts.put(s, port("CORRIDOR_" + s.toUpperCase() + "_PORT", DEFAULT_PORTS.get(s)));
            }
            pgPort = port("CORRIDOR_PG_PORT", DEFAULT_PG_PORT);
            consolePort = port("CORRIDOR_CONSOLE_PORT", DEFAULT_CONSOLE_PORT);
        } catch (IllegalArgumentException e) {
            System.err.println("Corridor: " + e.getMessage());
            System.exit(2);
            return;
        }
        // before anything is started or deleted: another Corridor may be running on these ports and this state
        String externalDb = System.getenv(CorridorSystem.DB_URL_ENV);
        boolean embeddedDb = externalDb == null || externalDb.isBlank();
        List<Ports.Taken> taken = Ports.taken(Ports.of(httpPorts, embeddedDb ? pgPort : null));
        if (!taken.isEmpty()) {
            System.err.println(Ports.explain(taken));
            System.exit(1);
            return;
        }
        if (argv.contains("--fresh")) {
            deleteTree(state);
            System.out.println("Corridor: starting fresh (deleted " + state + ")");
        }
        CorridorSystem.Options options = new CorridorSystem.Options(state.resolve("logs"), state.resolve("pgdata"),
                pgPort, httpPorts, Map.of());
        long t0 = System.nanoTime();
        System.out.println("Corridor: starting PostgreSQL (port " + pgPort
                + ") and inventory, allocation, shipment ...");
        CorridorSystem system = CorridorSystem.create(options);
        AtomicBoolean stopping = new AtomicBoolean();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stopping.set(true);
            System.out.println("\nCorridor: stopping services and PostgreSQL ...");
            system.close();
            System.out.println("Corridor: stopped.");
            stopped.countDown();
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            system.startAll();
        } catch (RuntimeException e) {
            if (stopping.get()) {
                // Ctrl-C while starting: the shutdown hook stops what was started
                stopped.await();
                return;
            }
            // startAll stopped what it had started
            Runtime.getRuntime().removeShutdownHook(hook);
            System.err.println("Corridor: could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.printf("Corridor: ready in %.1f s (logs in %s)%n", (System.nanoTime() - t0) / 1e9,
                state.resolve("logs"));
        for (String s : CorridorSystem.SERVICES) {
            System.out.printf("  %-10s %s/q/swagger-ui   (API %s/api/v1)%n", s, system.baseUrl(s), system.baseUrl(s));
        }
        ConsoleServer console = startConsole(system, root, consolePort);
        if (!argv.contains("--no-demo")) {
            loadDemo(system, root.resolve("demo/kahramanmaras-2023"));
        }
        String bearer = "  curl -s -H \"Authorization: Bearer $TOKEN\" ";
        System.out.println();
        System.out.println("Try (tokens come from ./corridor token --role ROLE [--org ORGANISATION_ID]):");
        System.out.println("  TOKEN=$(./corridor token --role DASHBOARD)");
        System.out.println(bearer + system.baseUrl("inventory") + "/api/v1/stock/summary?groupBy=country");
        System.out.println(bearer + system.baseUrl("allocation") + "/api/v1/incidents");
        System.out.println(bearer + system.baseUrl("allocation") + "/api/v1/plans");
        if (console != null) {
            System.out.println();
            System.out.println("Operations console: " + console.url() + "  (sign in with a role; local run only)");
        }
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
    }

    /**
     * The console at {@code http://localhost:8080/} (or {@code CORRIDOR_CONSOLE_PORT}). Unlike the services' ports, a
     * console port in use does not stop the launcher: the services run, and the launcher says why there is no console.
     */
    private static ConsoleServer startConsole(CorridorSystem system, Path root, int port) {
        Map<String, String> urls = new LinkedHashMap<>();
        for (String s : CorridorSystem.SERVICES) {
            urls.put(s, system.baseUrl(s));
        }
        try {
            ConsoleServer console = new ConsoleServer(root.resolve(CONSOLE_FILES), urls, system.tokens(), port);
            Runtime.getRuntime().addShutdownHook(new Thread(console::close));
            if (!console.built()) {
                System.out.println("Console: not built (" + CONSOLE_FILES + " missing): ./mvnw -pl console package");
            }
            return console;
        } catch (IOException e) {
            System.out.println("Console: not started, port " + port + " cannot be used (" + e.getMessage()
                    + "); set CORRIDOR_CONSOLE_PORT to another port.");
            return null;
        }
    }

    private static void loadDemo(CorridorSystem system, Path dir) {
        String token = system.tokens().issue("demo-loader", List.of("ADMIN", "LOGISTICS_OFFICER"), null,
                Duration.ofHours(1));
        DemoLoader loader = new DemoLoader(system.baseUrl("inventory"), system.baseUrl("allocation"), token,
                System.out);
        try {
            if (loader.alreadyLoaded(dir)) {
                System.out.println("Demo crisis already loaded (start with --fresh to load it again).");
                return;
            }
            System.out.println("Loading the demo crisis from " + dir + " through the API ...");
            DemoLoader.Loaded loaded = loader.load(dir);
            System.out.println("Planning (up to 30 s of solving) ...");
            var plan = loader.plan(loaded.incidentIds(), Duration.ofSeconds(30), Duration.ofSeconds(120));
            loader.printSummary(plan, loaded.incidentIds());
            if ("SOLVED".equals(plan.get("status").asText())) {
                System.out.println("Approving the plan (reserve stock, assign teams, create shipments) ...");
                loader.printApproval(loader.approve(plan.get("id").asText()));
            }
        } catch (Exception e) {
            System.out.println("Demo crisis could not be loaded: " + e.getMessage());
        }
    }

    /** The port in variable {@code name}, or {@code dflt} when it is not set. */
    private static int port(String name, int dflt) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            int port = Integer.parseInt(v.trim());
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException(name + " must be a port number (1-65535), not '" + v + "'");
    }

    /**
     * {@code token --role ROLE [--role ROLE ...] [--org ORGANISATION_ID] [--subject NAME] [--ttl PT12H]}: a token
     * signed with the local key pair (made on first use), for curl and Swagger UI's Authorize.
     */
    static String token(List<String> args, Path keysDir) {
        List<String> roles = new ArrayList<>();
        UUID org = null;
        String subject = null;
        Duration ttl = Duration.ofHours(12);
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String v = i + 1 < args.size() ? args.get(i + 1) : null;
            if (v == null) {
                throw new IllegalArgumentException(a + " needs a value");
            }
            switch (a) {
                case "--role" -> roles.add(v.toUpperCase());
                case "--org" -> org = uuid(v);
                case "--subject" -> subject = v;
                case "--ttl" -> ttl = duration(v);
                case "--state" -> {
                    // read by main: where the keys are
                }
                default -> throw new IllegalArgumentException("unknown option " + a
                        + "; use --role ROLE [--org ORGANISATION_ID] [--subject NAME] [--ttl PT12H]");
            }
            i++;
        }
        List<String> known = List.of("DONOR", "LOGISTICS_OFFICER", "DASHBOARD", "ADMIN", "SERVICE");
        if (roles.isEmpty() || !known.containsAll(roles)) {
            throw new IllegalArgumentException("give one or more --role of " + known);
        }
        if (roles.contains("DONOR") && org == null) {
            throw new IllegalArgumentException("a DONOR token needs --org ORGANISATION_ID (GET /api/v1/organisations)");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("--ttl must be positive, e.g. PT12H");
        }
        String name = subject != null ? subject : "local-" + String.join("-", roles).toLowerCase();
        return new Tokens(LocalKeys.ensure(keysDir)).issue(name, roles, org, ttl);
    }

    private static UUID uuid(String v) {
        try {
            return UUID.fromString(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--org must be an organisation id (a UUID), not '" + v + "'");
        }
    }

    private static Duration duration(String v) {
        try {
            return Duration.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--ttl must be an ISO-8601 duration such as PT12H, not '" + v + "'");
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
