import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed-rate load generator in the manner of wrk2: requests are due at a fixed rate over at most {@link #CONNECTIONS}
 * requests in flight (as many connections), and each latency is measured from the instant the request was due, not
 * from when it could be sent, so that a server that falls behind is not hidden by the generator waiting for it
 * (coordinated omission). wrk keeps its connections busy and cannot fix the rate; wrk2 is not in Debian.
 * <p>
 * Usage: {@code java FixedRate.java RATE SECONDS TOKEN URL[|IF_NONE_MATCH] ...}: the URLs are asked in turn. Prints
 * {@code sent ok p50 p90 p99 max} (milliseconds) on one line.
 */
public class FixedRate {

    /** Requests in flight at most, hence connections: a server that falls behind queues here, measured. */
    static final int CONNECTIONS = 64;

    public static void main(String[] args) throws Exception {
        int rate = Integer.parseInt(args[0]);
        int seconds = Integer.parseInt(args[1]);
        String token = args[2];
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            String[] parts = args[i].split("\\|", 2);
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(parts[0])).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json");
            if (parts.length == 2 && !parts[1].isEmpty()) {
                b.header("If-None-Match", parts[1]);
            }
            requests.add(b.GET().build());
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(16)).connectTimeout(Duration.ofSeconds(5)).build();
        // warm up the connections and the JIT for two seconds at the same rate, unmeasured
        run(client, requests, rate, 2, null);
        int total = rate * seconds;
        long[] latencies = new long[total];
        AtomicInteger ok = new AtomicInteger();
        run(client, requests, rate, seconds, (i, nanos, status) -> {
            latencies[i] = nanos;
            if (status == 200 || status == 304) {
                ok.incrementAndGet();
            }
        });
        Arrays.sort(latencies);
        System.out.printf("%d %d %.1f %.1f %.1f %.1f%n", total, ok.get(), ms(latencies, 0.50), ms(latencies, 0.90),
                ms(latencies, 0.99), latencies[total - 1] / 1e6);
        System.exit(0);
    }

    interface Sink {
        void done(int index, long nanos, int status);
    }

    static void run(HttpClient client, List<HttpRequest> requests, int rate, int seconds, Sink sink)
            throws InterruptedException {
        int total = rate * seconds;
        long interval = 1_000_000_000L / rate;
        CountDownLatch left = new CountDownLatch(total);
        Semaphore inFlight = new Semaphore(CONNECTIONS);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            inFlight.acquire();
            int index = i;
            client.sendAsync(requests.get(i % requests.size()), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((r, e) -> {
                        if (sink != null) {
                            sink.done(index, System.nanoTime() - due, e == null ? r.statusCode() : 0);
                        }
                        inFlight.release();
                        left.countDown();
                    });
        }
        left.await();
    }

    static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
