package org.corridor.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole of Corridor as real processes: one PostgreSQL (embedded, or the server named by {@value #DB_URL_ENV}) with
 * one database per service, and each service's packaged {@code quarkus-run.jar} started as its own JVM, wired to the
 * others over HTTP. {@code ./corridor} runs it for people, the cross-service tests for themselves; nothing is mocked.
 * <p>
 * A {@link Watchdog} started first stops the services and the embedded PostgreSQL should this JVM die without doing so
 * itself ({@code kill -9}); {@link #close()} stops them in good order otherwise.
 */
public final class CorridorSystem implements AutoCloseable {

    /** The services in start order (each may call the ones before it). */
    public static final List<String> SERVICES = List.of("inventory", "allocation", "shipment");

    /** An external PostgreSQL server's admin database (JDBC URL) to use instead of the embedded one. */
    public static final String DB_URL_ENV = PgAdmin.URL_ENV;

    /**
     * How long a service may take to become ready. Idle, one starts in about 10 s; on two cores shared with other
     * builds (load 30) starts of 115-135 s were measured, so the margin is wide.
     */
    static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

    /**
     * How to run the system.
     *
     * @param logDir where each service writes {@code <service>.log} (and the watchdog {@code watchdog.log})
     * @param dataDir PostgreSQL data directory kept across runs (databases named after the services); null for a
     *     throwaway server with fresh databases
     * @param pgPort PostgreSQL port, 0 for any free port
     * @param httpPorts service -> port; a service not named gets a free port
     * @param env extra environment for every service
     */
    public record Options(Path logDir, Path dataDir, int pgPort, Map<String, Integer> httpPorts,
            Map<String, String> env) {
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
    private final List<String> databases = new ArrayList<>();
    private LocalKeys keys;
    private Watchdog.Link watchdog;
    private EmbeddedDatabase embedded;
    private PgAdmin pg;
    private boolean closed;

    private CorridorSystem(Path repoRoot, Options options) {
        this.repoRoot = repoRoot;
        this.logDir = options.logDir();
        this.options = options;
        this.extraEnv.putAll(options.env());
    }

    /** Finds the repository root from a module directory (the current directory of a Maven test). */
    public static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("mvnw"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("cannot find the repository root (mvnw) above "
                    + Path.of("").toAbsolutePath());
        }
        return p;
    }

    /** Starts a throwaway database and every service on free ports; logs go to {@code logDir/<service>.log}. */
    public static CorridorSystem start(Path logDir, Map<String, String> env) {
        return start(new Options(logDir, null, 0, Map.of(), env));
    }

    /** Starts the database and every service, and waits until all are ready. */
    public static CorridorSystem start(Options options) {
        return create(options).startAll();
    }

    /**
     * A system not started yet: {@link #startAll()} starts it. The launcher creates it first so that Ctrl-C during the
     * start can already {@link #close()} it.
     */
    public static CorridorSystem create(Options options) {
        return new CorridorSystem(repoRoot(), options);
    }

    /** Starts the watchdog, the database and every service, and waits until all are ready. */
    public CorridorSystem startAll() {
        try {
            synchronized (this) {
                requireOpen();
                watchdog = Watchdog.Link.start(logDir.resolve("watchdog.log"));
            }
            // the key pair every service trusts: kept beside the data when the data are kept, else per run
            keys = LocalKeys.ensure(options.dataDir() != null
                    ? options.dataDir().toAbsolutePath().getParent().resolve("keys")
                    : logDir.toAbsolutePath().resolve("keys"));
            startDatabase();
            for (String service : SERVICES) {
                Integer fixed = options.httpPorts().get(service);
                ports.put(service, fixed != null ? fixed : Processes.freePort());
            }
            for (String service : SERVICES) {
                startService(service);
            }
            for (String service : SERVICES) {
                awaitReady(service, READY_TIMEOUT);
            }
            return this;
        } catch (RuntimeException e) {
            close();
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
        Process p;
        synchronized (this) {
            p = processes.remove(service);
        }
        if (p != null) {
            Processes.terminate(p);
        }
    }

    /** Starts a stopped service again on the same port and waits until it is ready. */
    public void restart(String service) {
        stop(service);
        startService(service);
        awaitReady(service, READY_TIMEOUT);
    }

    public synchronized boolean isRunning(String service) {
        Process p = processes.get(service);
        return p != null && p.isAlive();
    }

    private void startDatabase() {
        pg = PgAdmin.fromEnvironment();
        if (pg == null) {
            try {
                // a data directory of our own even when throwaway, so that the watchdog knows where it is
                boolean temporary = options.dataDir() == null;
                Path dataDir = temporary ? Files.createTempDirectory("corridor-pg") : options.dataDir();
                synchronized (this) {
                    requireOpen();
                    watchdog.postgres(dataDir, temporary);
                }
                EmbeddedDatabase started = EmbeddedDatabase.start(dataDir, temporary, options.pgPort());
                synchronized (this) {
                    if (closed) {
                        // close() ran while the server started: it could not stop it
                        started.close();
                    }
                    requireOpen();
                    embedded = started;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            pg = PgAdmin.embedded(embedded.adminJdbcUrl());
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
     * Starts another instance of {@code service} named {@code instance} (its own JVM on a free port, log
     * {@code logDir/<instance>.log}) on the same database as the service's first instance, with {@code env} added to
     * its environment, and waits until it is ready. {@link #baseUrl}, {@link #stop}, {@link #kill} and
     * {@link #isRunning} take the instance name.
     */
    public void startReplica(String service, String instance, Map<String, String> env) {
        synchronized (this) {
            if (!SERVICES.contains(service) || SERVICES.contains(instance) || processes.containsKey(instance)) {
                throw new IllegalArgumentException("cannot start " + instance + " as a replica of " + service);
            }
        }
        int port = Processes.freePort();
        ports.put(instance, port);
        Map<String, String> instanceEnv = new LinkedHashMap<>(env);
        instanceEnv.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        startService(service, instance, instanceEnv);
        awaitReady(instance, READY_TIMEOUT);
    }

    /** Kills a service instance at once (SIGKILL: no graceful shutdown) and waits until it is gone. */
    public void kill(String instance) {
        Process p;
        synchronized (this) {
            p = processes.remove(instance);
        }
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
    public synchronized long pid(String instance) {
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
        ProcessBuilder pb = new ProcessBuilder(Processes.javaBin(), "-Xmx512m", "-XX:+UseSerialGC", "-jar",
                jar.toString());
        Map<String, String> env = pb.environment();
        env.put(prefix + "_DB_URL", pg.jdbcUrl(db));
        env.put(prefix + "_DB_USER", pg.user());
        env.put(prefix + "_DB_PASSWORD", pg.password());
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
            synchronized (this) {
                requireOpen();
                Process p = pb.start();
                watchdog.service(p.pid());
                processes.put(instance, p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + service, e);
        }
    }

    private void awaitReady(String service, Duration timeout) {
        Processes.awaitReady(service, URI.create(baseUrl(service) + "/q/health/ready"), timeout, () -> {
            synchronized (this) {
                return processes.get(service);
            }
        }, logDir.resolve(service + ".log"));
    }

    /**
     * Stops the services (in reverse start order), then the database, then the watchdog. Safe to call more than once
     * and from another thread while {@link #startAll()} runs (which then fails).
     */
    @Override
    public void close() {
        List<String> reverse;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            reverse = new ArrayList<>(processes.keySet());
        }
        Collections.reverse(reverse);
        reverse.forEach(this::stop);
        try {
            EmbeddedDatabase server;
            synchronized (this) {
                server = embedded;
            }
            if (server != null) {
                server.close();
            } else if (pg != null && options.dataDir() == null) {
                for (String db : databases) {
                    sql("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
                }
            }
        } catch (Exception e) {
            // the run is over; leftovers are harmless
        }
        Watchdog.Link w;
        synchronized (this) {
            w = watchdog;
        }
        if (w != null) {
            w.done();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("stopped while starting");
        }
    }

    private void sql(String statement) {
        pg.execute(statement);
    }

    private boolean databaseExists(String db) {
        return pg.databaseExists(db);
    }

    /** The JDBC URL of one service's database, for tools that inspect it. */
    public String jdbcUrl(String service) {
        return pg.jdbcUrl(databases.get(SERVICES.indexOf(service)));
    }

    /** A new connection to one service's database, as the services connect (for tests that inspect or lock rows). */
    public Connection connect(String service) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(service), pg.user(), pg.password());
    }

    /** True when this system runs its own embedded PostgreSQL, which {@link #restartDatabase} can restart. */
    public synchronized boolean canRestartDatabase() {
        return embedded != null;
    }

    /** {@link #restartDatabase(Duration)} with no downtime beyond the stop and the start themselves. */
    public void restartDatabase() {
        restartDatabase(Duration.ZERO);
    }

    /**
     * Restarts PostgreSQL underneath the running services, as an operator or a crash-looping host would: a fast
     * shutdown (every open session is cut, committed work is kept), {@code downtime} with connections refused, then a
     * start on the same data directory and port. The services are not told; they must reconnect on their own. Only the
     * embedded server can be restarted (not the external one named by {@value #DB_URL_ENV}).
     */
    public void restartDatabase(Duration downtime) {
        EmbeddedDatabase server;
        synchronized (this) {
            requireOpen();
            server = embedded;
        }
        if (server == null) {
            throw new IllegalStateException(
                    "cannot restart an external PostgreSQL (" + DB_URL_ENV + "); only the embedded one");
        }
        server.restart(downtime);
    }
}
