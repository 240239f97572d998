package org.corridor.common.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * Runs Corridor on one machine for people (the {@code ./corridor} script): an embedded PostgreSQL
 * whose data survive restarts (under {@code .corridor/pgdata}), and the three services on ports
 * 8081-8083. Ctrl-C stops the services, then the database.
 * <p>
 * Arguments: {@code --fresh} deletes the saved data first; {@code --state DIR} overrides
 * {@code .corridor}; {@code --no-demo} skips loading the demo crisis (loaded once otherwise, from
 * {@code demo/kahramanmaras-2023}, then planned). {@code token --role ROLE [--org ID]} prints a
 * bearer token signed with the local key pair instead of starting anything.
 */
public final class CorridorLauncher {

    private CorridorLauncher() {
    }

    public static void main(String[] args) throws Exception {
        List<String> argv = List.of(args);
        Path root = CorridorSystem.repoRoot();
        int stateIdx = argv.indexOf("--state");
        Path state = stateIdx >= 0 && stateIdx + 1 < argv.size() ? Path.of(argv.get(stateIdx + 1)).toAbsolutePath()
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
        if (argv.contains("--fresh")) {
            deleteTree(state);
            System.out.println("Corridor: starting fresh (deleted " + state + ")");
        }
        int pgPort = Integer.parseInt(System.getenv().getOrDefault("CORRIDOR_PG_PORT", "15432"));
        CorridorSystem.Options options = new CorridorSystem.Options(state.resolve("logs"), state.resolve("pgdata"),
                pgPort, Map.of("inventory", 8081, "allocation", 8082, "shipment", 8083), Map.of());
        long t0 = System.nanoTime();
        System.out.println("Corridor: starting PostgreSQL (port " + pgPort + ") and inventory, allocation, shipment ...");
        CorridorSystem system = CorridorSystem.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nCorridor: stopping services and PostgreSQL ...");
            system.close();
            System.out.println("Corridor: stopped.");
            stopped.countDown();
        }));
        System.out.printf("Corridor: ready in %.1f s (logs in %s)%n", (System.nanoTime() - t0) / 1e9, state.resolve("logs"));
        for (String s : CorridorSystem.SERVICES) {
            System.out.printf("  %-10s %s/q/swagger-ui   (API %s/api/v1)%n", s, system.baseUrl(s), system.baseUrl(s));
        }
        if (!argv.contains("--no-demo")) {
            loadDemo(system, root.resolve("demo/kahramanmaras-2023"));
        }
        System.out.println();
        System.out.println("Try (tokens come from ./corridor token --role ROLE [--org ORGANISATION_ID]):");
        System.out.println("  TOKEN=$(./corridor token --role DASHBOARD)");
        System.out.println("  curl -s -H \"Authorization: Bearer $TOKEN\" " + system.baseUrl("inventory") + "/api/v1/stock/summary?groupBy=country");
        System.out.println("  curl -s -H \"Authorization: Bearer $TOKEN\" " + system.baseUrl("allocation") + "/api/v1/incidents");
        System.out.println("  curl -s -H \"Authorization: Bearer $TOKEN\" " + system.baseUrl("allocation") + "/api/v1/plans");
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
    }

    private static void loadDemo(CorridorSystem system, Path dir) {
        String token = system.tokens().issue("demo-loader", List.of("ADMIN", "LOGISTICS_OFFICER"), null, java.time.Duration.ofHours(1));
        DemoLoader loader = new DemoLoader(system.baseUrl("inventory"), system.baseUrl("allocation"), token, System.out);
        try {
            if (loader.alreadyLoaded(dir)) {
                System.out.println("Demo crisis already loaded (start with --fresh to load it again).");
                return;
            }
            System.out.println("Loading the demo crisis from " + dir + " through the API ...");
            DemoLoader.Loaded loaded = loader.load(dir);
            System.out.println("Planning (up to 30 s of solving) ...");
            var plan = loader.plan(loaded.incidentIds(), java.time.Duration.ofSeconds(30), java.time.Duration.ofSeconds(120));
            loader.printSummary(plan, loaded.incidentIds());
            if ("SOLVED".equals(plan.get("status").asText())) {
                System.out.println("Approving the plan (reserve stock, assign teams, create shipments) ...");
                loader.printApproval(loader.approve(plan.get("id").asText()));
            }
        } catch (Exception e) {
            System.out.println("Demo crisis could not be loaded: " + e.getMessage());
        }
    }

    /**
     * {@code token --role ROLE [--role ROLE ...] [--org ORGANISATION_ID] [--subject NAME] [--ttl PT12H]}:
     * a token signed with the local key pair (made on first use), for curl and Swagger UI's Authorize.
     */
    static String token(List<String> args, Path keysDir) {
        List<String> roles = new java.util.ArrayList<>();
        java.util.UUID org = null;
        String subject = null;
        java.time.Duration ttl = java.time.Duration.ofHours(12);
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
        return new Tokens(LocalKeys.ensure(keysDir)).issue(subject != null ? subject : "local-" + String.join("-", roles).toLowerCase(),
                roles, org, ttl);
    }

    private static java.util.UUID uuid(String v) {
        try {
            return java.util.UUID.fromString(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--org must be an organisation id (a UUID), not '" + v + "'");
        }
    }

    private static java.time.Duration duration(String v) {
        try {
            return java.time.Duration.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
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
