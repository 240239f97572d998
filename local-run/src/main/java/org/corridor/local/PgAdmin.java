package org.corridor.local;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An administrative connection to a PostgreSQL server (its {@code postgres} database): creates and drops the databases
 * of a run and gives each its JDBC URL. Either an embedded server's, or an external server named by {@value #URL_ENV}
 * (with {@value #USER_ENV} / {@value #PASSWORD_ENV}, default {@code postgres}/{@code postgres}).
 */
public record PgAdmin(String adminUrl, String user, String password) {

    public static final String URL_ENV = "CORRIDOR_TEST_DB_URL";
    public static final String USER_ENV = "CORRIDOR_TEST_DB_USER";
    public static final String PASSWORD_ENV = "CORRIDOR_TEST_DB_PASSWORD";

    /** The external server named by the environment, or null when {@value #URL_ENV} is not set. */
    public static PgAdmin fromEnvironment() {
        String url = System.getenv(URL_ENV);
        if (url == null || url.isBlank()) {
            return null;
        }
        return new PgAdmin(url, envOr(USER_ENV, "postgres"), envOr(PASSWORD_ENV, "postgres"));
    }

    /** An embedded server's superuser connection. */
    public static PgAdmin embedded(String adminUrl) {
        return new PgAdmin(adminUrl, "postgres", "postgres");
    }

    /** Runs one statement (CREATE DATABASE, DROP DATABASE ...). */
    public void execute(String statement) {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + statement + "' on " + adminUrl, e);
        }
    }

    public boolean databaseExists(String db) {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
                PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            s.setString(1, db);
            return s.executeQuery().next();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list databases", e);
        }
    }

    /** The JDBC URL of database {@code db} on this server. */
    public String jdbcUrl(String db) {
        return withDatabase(adminUrl, db);
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
