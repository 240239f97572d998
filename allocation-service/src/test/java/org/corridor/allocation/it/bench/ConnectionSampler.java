package org.corridor.allocation.it;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.corridor.local.CorridorSystem;

/**
 * The most connections each service's database had open at once while it ran, sampled from PostgreSQL's
 * {@code pg_stat_activity} on one connection of its own (not counted). Each service's pool may open up to its
 * {@code quarkus.datasource.jdbc.max-size}; reaching it is where requests start to wait for a connection.
 */
final class ConnectionSampler implements AutoCloseable {

    private final CorridorSystem system;
    private final Duration every;
    private final Map<String, Integer> max = new TreeMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String error;

    private ConnectionSampler(CorridorSystem system, Duration every) {
        this.system = system;
        this.every = every;
        this.thread = new Thread(this::run, "connection-sampler");
        this.thread.setDaemon(true);
    }

    static ConnectionSampler start(CorridorSystem system, Duration every) {
        ConnectionSampler s = new ConnectionSampler(system, every);
        s.thread.start();
        return s;
    }

    private void run() {
        Map<String, String> serviceOf = new TreeMap<>();
        try (Connection c = system.connect("allocation"); Statement st = c.createStatement()) {
            for (String s : CorridorSystem.SERVICES) {
                serviceOf.put(system.jdbcUrl(s).replaceAll("^.*/([^/?]+).*$", "$1"), s);
            }
            while (running) {
                try (ResultSet r = st.executeQuery("SELECT datname, count(*) FROM pg_stat_activity "
                        + "WHERE datname IS NOT NULL AND pid <> pg_backend_pid() GROUP BY datname")) {
                    while (r.next()) {
                        String service = serviceOf.getOrDefault(r.getString(1), r.getString(1));
                        synchronized (this) {
                            max.merge(service, r.getInt(2), Math::max);
                        }
                    }
                }
                Thread.sleep(every.toMillis());
            }
        } catch (SQLException e) {
            error = e.toString();
        } catch (InterruptedException e) {
            // stopped
        }
    }

    /** Stops sampling; answers the maximum of open connections per service (database), plus any sampling error. */
    Map<String, Object> stop() {
        running = false;
        try {
            thread.join(every.multipliedBy(4).toMillis() + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            Map<String, Object> out = new TreeMap<>(max);
            if (error != null) {
                out.put("sampling error", error);
            }
            return out;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
