package org.corridor.allocation.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Whether a service stays responsive under a burst: one background thread that sends each of a few named requests in
 * turn, then sleeps, until stopped, recording every latency and every answer that was not a 2xx (or no answer at all).
 * One sequential client on purpose: it sees what a dashboard polling the service would see, without adding load of its
 * own that would grow with the number of samples.
 */
final class LatencyProbe implements AutoCloseable {

    /** The latencies of one named request: count, percentiles, failures (non-2xx or no answer). */
    record Stats(String name, int count, long p50, long p95, long max, int failures, List<String> failureSamples) {

        @Override
        public String toString() {
            return String.format("%-28s n=%4d  p50 %5d ms  p95 %5d ms  max %5d ms  not 2xx/no answer %d%s", name,
                    count, p50, p95, max, failures, failureSamples.isEmpty() ? "" : " e.g. " + failureSamples);
        }
    }

    private final Map<String, Supplier<RawClient.Exchange>> requests;
    private final Duration pause;
    private final Map<String, List<Long>> latencies = new LinkedHashMap<>();
    private final Map<String, List<String>> failures = new LinkedHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    private LatencyProbe(Map<String, Supplier<RawClient.Exchange>> requests, Duration pause) {
        this.requests = requests;
        this.pause = pause;
        requests.keySet().forEach(n -> {
            latencies.put(n, new ArrayList<>());
            failures.put(n, new ArrayList<>());
        });
        this.thread = new Thread(this::run, "latency-probe");
        this.thread.setDaemon(true);
    }

    /** Starts sampling {@code requests} (name -> one request) with {@code pause} between rounds. */
    static LatencyProbe start(Map<String, Supplier<RawClient.Exchange>> requests, Duration pause) {
        LatencyProbe p = new LatencyProbe(requests, pause);
        p.thread.start();
        return p;
    }

    private void run() {
        while (running) {
            requests.forEach((name, request) -> {
                RawClient.Exchange e = request.get();
                if (!running) {
                    return; // stopped while this request was under way: not a sample
                }
                synchronized (this) {
                    latencies.get(name).add(e.millis());
                    if (e.status() / 100 != 2) {
                        failures.get(name).add(e.answered() ? String.valueOf(e.status()) : e.body());
                    }
                }
            });
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops sampling (after the round under way) and answers the stats per request. */
    List<Stats> stop() {
        running = false;
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            List<Stats> out = new ArrayList<>();
            latencies.forEach((name, l) -> {
                List<Long> sorted = l.stream().sorted().toList();
                List<String> f = failures.get(name);
                out.add(new Stats(name, sorted.size(), percentile(sorted, 50), percentile(sorted, 95),
                        sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1), f.size(),
                        f.stream().distinct().limit(3).toList()));
            });
            return out;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }

    static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
