package org.corridor.common.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole of Corridor as real processes: one PostgreSQL (embedded, or the server named by
 * {@link PostgresTestResource#URL_ENV}) with one database per service, and each service's packaged
 * {@code quarkus-run.jar} started as its own JVM, wired to the others over HTTP. Used by the
 * cross-service tests; nothing is mocked.
 */
public final class CorridorSystem implements AutoCloseable {

    /** The services in start order (each may call the ones before it). */
    public static final List<String> SERVICES = List.of("inventory", "allocation", "shipment");

    /**
     * How to run the system.
     *
     * @param logDir     where each service writes {@code <service>.log}
     * @param dataDir    PostgreSQL data directory kept across runs (databases named after the
     *                   services); null for a throwaway server with fresh databases
     * @param pgPort     PostgreSQL port, 0 for any free port
     * @param httpPorts  service -> port; a service not named gets a free port
     * @param env        extra environment for every service
     */
    public record Options(Path logDir, Path dataDir, int pgPort, Map<String, Integer> httpPorts, Map<String, String> env) {
        public static Options forTests(Path logDir) {
            return new Options(logDir, null, 0, Map.of(), Map.of());
        }
    }

    private final Path repoRoot;
    private final Path logDir;
    private final Options options;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, String> extraEnv = new LinkedHashMap<>();
    private LocalKeys keys;
    private EmbeddedPostgres embedded;
    private String adminUrl;
    private String user;
    private String password;
    private final List<String> databases = new ArrayList<>();

    private CorridorSystem(Path repoRoot, Options options) {
        this.repoRoot = repoRoot;
        this.logDir = options.logDir();
        this.options = options;
    }

    /** Finds the repository root from a module directory (the current directory of a Maven test). */
    public static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("mvnw"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find the repository root (mvnw) above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    /** Starts a throwaway database and every service on free ports; logs go to {@code logDir/<service>.log}. */
    public static CorridorSystem start(Path logDir, Map<String, String> env) {
        return start(new Options(logDir, null, 0, Map.of(), env));
    }

    /** Starts the database and every service, and waits until all are ready. */
    public static CorridorSystem start(Options options) {
        CorridorSystem s = new CorridorSystem(repoRoot(), options);
        s.extraEnv.putAll(options.env());
        // the key pair every service trusts: kept beside the data when the data are kept, else per run
        s.keys = LocalKeys.ensure(options.dataDir() != null ? options.dataDir().toAbsolutePath().getParent().resolve("keys")
                : options.logDir().toAbsolutePath().resolve("keys"));
        try {
            s.startDatabase();
            for (String service : SERVICES) {
                Integer fixed = options.httpPorts().get(service);
                s.ports.put(service, fixed != null ? fixed : freePort());
            }
            for (String service : SERVICES) {
                s.startService(service);
            }
            for (String service : SERVICES) {
                s.awaitReady(service, Duration.ofSeconds(120));
            }
            return s;
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** Issues tokens every service of this system trusts. */
    public Tokens tokens() {
        return new Tokens(keys);
    }

    /** The key pair of this system (for the token command). */
    public LocalKeys keys() {
        return keys;
    }

    public String baseUrl(String service) {
        return "http://localhost:" + ports.get(service);
    }

    /** Stops one service (to test how the others behave while it is down). */
    public void stop(String service) {
        Process p = processes.remove(service);
        if (p != null) {
            terminate(p);
        }
    }

    /** Starts a stopped service again on the same port and waits until it is ready. */
    public void restart(String service) {
        stop(service);
        startService(service);
        awaitReady(service, Duration.ofSeconds(120));
    }

    public boolean isRunning(String service) {
        Process p = processes.get(service);
        return p != null && p.isAlive();
    }

    private void startDatabase() {
        String external = System.getenv(PostgresTestResource.URL_ENV);
        if (external != null && !external.isBlank()) {
            adminUrl = external;
            user = envOr(PostgresTestResource.USER_ENV, "postgres");
            password = envOr(PostgresTestResource.PASSWORD_ENV, "postgres");
        } else {
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
                if (options.dataDir() != null) {
                    Files.createDirectories(options.dataDir());
                    builder.setDataDirectory(options.dataDir()).setCleanDataDirectory(false);
                }
                if (options.pgPort() > 0) {
                    builder.setPort(options.pgPort());
                }
                embedded = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            adminUrl = embedded.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = "postgres";
        }
        String suffix = Long.toHexString(System.nanoTime());
        for (String service : SERVICES) {
            if (options.dataDir() != null) {
                // kept across runs: create once, reuse afterwards
                if (!databaseExists(service)) {
                    sql("CREATE DATABASE " + service);
                }
                databases.add(service);
            } else {
                String db = "corridor_" + service + "_" + suffix;
                sql("CREATE DATABASE " + db);
                databases.add(db);
            }
        }
    }

    private void startService(String service) {
        startService(service, service, Map.of());
    }

    /**
     * Starts another instance of {@code service} named {@code instance} (its own JVM on a free port,
     * log {@code logDir/<instance>.log}) on the same database as the service's first instance, with
     * {@code env} added to its environment, and waits until it is ready. {@link #baseUrl}, {@link #stop},
     * {@link #kill} and {@link #isRunning} take the instance name.
     */
    public void startReplica(String service, String instance, Map<String, String> env) {
        if (!SERVICES.contains(service) || SERVICES.contains(instance) || processes.containsKey(instance)) {
            throw new IllegalArgumentException("cannot start " + instance + " as a replica of " + service);
        }
        int port = freePort();
        ports.put(instance, port);
        Map<String, String> instanceEnv = new LinkedHashMap<>(env);
        instanceEnv.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        startService(service, instance, instanceEnv);
        awaitReady(instance, Duration.ofSeconds(120));
    }

    /** Kills a service instance at once (SIGKILL: no graceful shutdown) and waits until it is gone. */
    public void kill(String instance) {
        Process p = processes.remove(instance);
        if (p == null) {
            return;
        }
        try {
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The operating-system process id of a running instance. */
    public long pid(String instance) {
        Process p = processes.get(instance);
        if (p == null) {
            throw new IllegalStateException(instance + " is not running");
        }
        return p.pid();
    }

    private void startService(String service, String instance, Map<String, String> instanceEnv) {
        Path jar = repoRoot.resolve(service + "-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package " + service + "-service first");
        }
        String db = databases.get(SERVICES.indexOf(service));
        String prefix = service.toUpperCase();
        ProcessBuilder pb = new ProcessBuilder(javaBin(), "-Xmx512m", "-XX:+UseSerialGC", "-jar", jar.toString());
        Map<String, String> env = pb.environment();
        env.put(prefix + "_DB_URL", PostgresTestResource.withDatabase(adminUrl, db));
        env.put(prefix + "_DB_USER", user);
        env.put(prefix + "_DB_PASSWORD", password);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(ports.get(service)));
        for (String other : SERVICES) {
            env.put("QUARKUS_REST_CLIENT_" + other.toUpperCase() + "_URL", baseUrl(other));
        }
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", keys.publicKeyPath().toUri().toString());
        env.put("SMALLRYE_JWT_SIGN_KEY_LOCATION", keys.privateKeyPath().toUri().toString());
        env.putAll(extraEnv);
        env.putAll(instanceEnv);
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(instance + ".log");
            pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            processes.put(instance, pb.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + service, e);
        }
    }

    private void awaitReady(String service, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        URI health = URI.create(baseUrl(service) + "/q/health/ready");
        while (Instant.now().isBefore(deadline)) {
            Process p = processes.get(service);
            if (p == null || !p.isAlive()) {
                throw new IllegalStateException(service + " exited during start; see " + logDir.resolve(service + ".log"));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) health.toURL().openConnection();
                c.setConnectTimeout(1000);
                c.setReadTimeout(2000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            sleep(250);
        }
        throw new IllegalStateException(service + " not ready after " + timeout + "; see " + logDir.resolve(service + ".log"));
    }

    @Override
    public void close() {
        List<String> reverse = new ArrayList<>(processes.keySet());
        java.util.Collections.reverse(reverse);
        reverse.forEach(this::stop);
        try {
            if (embedded != null) {
                embedded.close();
            } else if (adminUrl != null && options.dataDir() == null) {
                for (String db : databases) {
                    sql("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
                }
            }
        } catch (Exception e) {
            // the run is over; leftovers are harmless
        }
    }

    private static void terminate(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }

    private void sql(String statement) {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + statement + "'", e);
        }
    }

    private boolean databaseExists(String db) {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
                java.sql.PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            s.setString(1, db);
            return s.executeQuery().next();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list databases", e);
        }
    }

    /** The JDBC URL of one service's database, for tools that inspect it. */
    public String jdbcUrl(String service) {
        return PostgresTestResource.withDatabase(adminUrl, databases.get(SERVICES.indexOf(service)));
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String envOr(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? dflt : v;
    }
}
