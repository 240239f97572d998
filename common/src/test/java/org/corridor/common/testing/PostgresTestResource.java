package org.corridor.common.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A real PostgreSQL for Quarkus tests, one fresh database per test run.
 * <p>
 * By default an embedded PostgreSQL (zonky) is started by the tests themselves: it needs nothing
 * installed and works as root (it drops privileges with {@code unshare -U}). If
 * {@value #URL_ENV} names an external server (e.g. {@code jdbc:postgresql://localhost:5432/postgres}),
 * a fresh database is created there instead, with {@value #USER_ENV} / {@value #PASSWORD_ENV}
 * (default {@code postgres}/{@code postgres}), and dropped at the end.
 * <p>
 * Use it with {@code @QuarkusTestResource(PostgresTestResource.class)} on one test class of a module;
 * Quarkus applies it to every test of the module.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String URL_ENV = "CORRIDOR_TEST_DB_URL";
    public static final String USER_ENV = "CORRIDOR_TEST_DB_USER";
    public static final String PASSWORD_ENV = "CORRIDOR_TEST_DB_PASSWORD";

    private EmbeddedPostgres embedded;
    private String adminUrl;
    private String user;
    private String password;
    private String database;

    @Override
    public Map<String, String> start() {
        database = "corridor_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String external = System.getenv(URL_ENV);
        if (external != null && !external.isBlank()) {
            adminUrl = external;
            user = envOr(USER_ENV, "postgres");
            password = envOr(PASSWORD_ENV, "postgres");
        } else {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start embedded PostgreSQL", e);
            }
            adminUrl = embedded.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = "postgres";
        }
        execute("CREATE DATABASE " + database);
        return Map.of(
                "quarkus.datasource.jdbc.url", withDatabase(adminUrl, database),
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    @Override
    public void stop() {
        try {
            if (embedded != null) {
                embedded.close();
            } else if (adminUrl != null) {
                execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        } catch (Exception e) {
            // the run is over; a leftover test database is harmless
        }
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on " + adminUrl, e);
        }
    }

    /** jdbc:postgresql://host:port/db?params with the database replaced. */
    static String withDatabase(String url, String db) {
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        String params = q < 0 ? "" : url.substring(q);
        int slash = base.indexOf('/', "jdbc:postgresql://".length());
        String hostPart = slash < 0 ? base : base.substring(0, slash);
        return hostPart + "/" + db + params;
    }

    private static String envOr(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? dflt : v;
    }
}
