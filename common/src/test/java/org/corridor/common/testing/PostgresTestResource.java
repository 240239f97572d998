package org.corridor.common.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Map;
import java.util.UUID;
import org.corridor.local.PgAdmin;

/**
 * A real PostgreSQL for Quarkus tests, one fresh database per test run.
 * <p>
 * By default an embedded PostgreSQL (zonky) is started by the tests themselves: it needs nothing installed and works as
 * root (it drops privileges with {@code unshare -U}). If {@value PgAdmin#URL_ENV} names an external server (e.g.
 * {@code jdbc:postgresql://localhost:5432/postgres}), a fresh database is created there instead, with
 * {@value PgAdmin#USER_ENV} / {@value PgAdmin#PASSWORD_ENV} (default {@code postgres}/{@code postgres}), and dropped at
 * the end.
 * <p>
 * Use it with {@code @QuarkusTestResource(PostgresTestResource.class)} on one test class of a module; Quarkus applies
 * it to every test of the module.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres embedded;
    private PgAdmin pg;
    private String database;

    @Override
    public Map<String, String> start() {
        database = "corridor_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        pg = PgAdmin.fromEnvironment();
        if (pg == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start embedded PostgreSQL", e);
            }
            pg = PgAdmin.embedded(embedded.getJdbcUrl("postgres", "postgres"));
        }
        pg.execute("CREATE DATABASE " + database);
        return Map.of(
                "quarkus.datasource.jdbc.url", pg.jdbcUrl(database),
                "quarkus.datasource.username", pg.user(),
                "quarkus.datasource.password", pg.password());
    }

    @Override
    public void stop() {
        try {
            if (embedded != null) {
                embedded.close();
            } else if (pg != null) {
                pg.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        } catch (Exception e) {
            // the run is over; a leftover test database is harmless
        }
    }
}
