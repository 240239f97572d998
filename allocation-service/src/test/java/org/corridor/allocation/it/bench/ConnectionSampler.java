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
 * The most connections each service's database had at once while it ran, sampled from PostgreSQL's
 * {@code pg_stat_activity} on one connection of its own (not counted): open ones (a pool keeps its idle connections, so
 * this is how far the service's pool grew; reaching its {@code quarkus.datasource.jdbc.max-size} is where requests
 * start to wait for a connection) and busy ones (running a statement or inside a transaction), each with when its
 * maximum was first seen, and the open ones at the first sample (what the pool had kept from before).
 */
final class ConnectionSampler implements AutoCloseable {

    private final CorridorSystem system;
    private final Duration every;
    private final Map<String, Integer> max = new TreeMap<>();
    private final Map<String, Long> maxAt = new TreeMap<>();
    private final Map<String, Integer> first = new TreeMap<>();
    private final long start = System.nanoTime();
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
                try (ResultSet r = st.executeQuery("SELECT datname, count(*), count(*) FILTER (WHERE state <> 'idle') "
                        + "FROM pg_stat_activity WHERE datname IS NOT NULL AND backend_type = 'client backend' "
                        + "AND pid <> pg_backend_pid() "
                        + "GROUP BY datname")) {
                    long at = (System.nanoTime() - start) / 1_000_000;
                    while (r.next()) {
                        String service = serviceOf.getOrDefault(r.getString(1), r.getString(1));
                        synchronized (this) {
                            first.putIfAbsent(service + " open at start", r.getInt(2));
                        }
                        record(service + " open", r.getInt(2), at);
                        record(service + " busy", r.getInt(3), at);
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

    private synchronized void record(String key, int count, long at) {
        if (count > max.getOrDefault(key, -1)) {
            max.put(key, count);
            maxAt.put(key, at);
        }
    }

    /**
     * Stops sampling; answers per service (database) the most connections open and busy, each as {@code count (at N s)}
     * from the start of sampling, plus any sampling error.
     */
    Map<String, Object> stop() {
        running = false;
        try {
            thread.join(every.multipliedBy(4).toMillis() + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            Map<String, Object> out = new TreeMap<>();
            max.forEach((k, v) -> out.put(k, String.format("%d (at %.1f s)", v, maxAt.get(k) / 1000.0)));
            out.putAll(first);
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
