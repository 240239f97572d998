package org.corridor.allocation.it;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corridor.local.CorridorSystem;

/**
 * What the services' own logs (written by {@link CorridorSystem} to {@code <logDir>/<service>.log}) say about a stretch
 * of a benchmark: the HTTP requests each service served (from the access log the benchmark switches on with
 * {@link #ACCESS_LOG_ENV}) grouped by method and path, and lines that show a connection pool running out.
 * <p>
 * A stretch is read from a {@link Mark} (the log sizes when it started), so consecutive measurements of one system do
 * not mix.
 */
final class ServiceLogs {

    /**
     * Environment for every service: an access log line per request, {@code ACCESS <method> <path> <status> <ms>
     * <bytes>} (the time measured by the server from the request's start to its response's end, the bytes of the
     * response body), and the JVM's garbage collection pauses in {@code <logDir>/gc-<pid>.log}.
     */
    static Map<String, String> env(Path logDir) {
        return Map.of("QUARKUS_HTTP_ACCESS_LOG_ENABLED", "true", "QUARKUS_HTTP_ACCESS_LOG_PATTERN",
                "ACCESS %m %U %s %D %b", "QUARKUS_HTTP_RECORD_REQUEST_START_TIME", "true", "JAVA_TOOL_OPTIONS",
                "-Xlog:gc:file=" + logDir.toAbsolutePath().resolve("gc-%p.log") + ":utctime");
    }

    /** Signs of a database connection pool (Agroal) or the server running out of connections. */
    static final List<String> POOL_EXHAUSTION = List.of("acquisition timeout", "unable to acquire jdbc connection",
            "too many clients already", "remaining connection slots are reserved");

    private static final Pattern ACCESS = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3}) .*? "
            + "ACCESS (\\S+) (\\S+) (\\d{3}) (\\d+) (\\S+)\\s*$");
    private static final Pattern GC_PAUSE = Pattern
            .compile("^\\[(\\S+)\\] GC\\(\\d+\\) Pause .* (\\d+(?:\\.\\d+)?)ms\\s*$");
    private static final DateTimeFormatter GC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final Pattern UUID = Pattern
            .compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

    /** The size of each service's log at one moment. */
    record Mark(Map<String, Long> offsets) {
    }

    /** The requests of one method and path (ids replaced by {id}) a service served. */
    record Requests(String service, String request, int count, long totalMillis, long maxMillis, long maxBytes,
            Map<String, Integer> statuses, LocalDateTime firstStart, LocalDateTime lastEnd) {

        /** From the first one's start to the last one's end, in ms. */
        long spanMillis() {
            return ChronoUnit.MILLIS.between(firstStart, lastEnd);
        }

        @Override
        public String toString() {
            return String.format("%-10s %-36s x%-4d total %7d ms  max %6d ms  span %7d ms  largest answer %8d B  %s",
                    service, request, count, totalMillis, maxMillis, spanMillis(), maxBytes, statuses);
        }
    }

    private final Path logDir;

    ServiceLogs(Path logDir) {
        this.logDir = logDir;
    }

    Mark mark() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String s : CorridorSystem.SERVICES) {
            out.put(s, size(file(s)));
        }
        return new Mark(out);
    }

    /** The requests every service served since {@code from}, by service and request, in order of first arrival. */
    List<Requests> requestsSince(Mark from) {
        List<Requests> out = new ArrayList<>();
        for (String s : CorridorSystem.SERVICES) {
            Map<String, List<String[]>> byRequest = new LinkedHashMap<>();
            for (String line : linesSince(s, from)) {
                Matcher m = ACCESS.matcher(line);
                if (m.matches()) {
                    String path = m.group(3);
                    int q = path.indexOf('?');
                    String request = m.group(2) + " " + UUID.matcher(q < 0 ? path : path.substring(0, q))
                            .replaceAll("{id}");
                    byRequest.computeIfAbsent(request, k -> new ArrayList<>())
                            .add(new String[]{m.group(1), m.group(4), m.group(5), m.group(6)});
                }
            }
            byRequest.forEach((request, hits) -> {
                long total = 0;
                long max = 0;
                long bytes = 0;
                Map<String, Integer> statuses = new TreeMap<>();
                LocalDateTime first = null;
                LocalDateTime last = null;
                for (String[] h : hits) {
                    long ms = Long.parseLong(h[2]);
                    LocalDateTime end = LocalDateTime.parse(h[0], TIME);
                    LocalDateTime start = end.minus(ms, ChronoUnit.MILLIS);
                    total += ms;
                    max = Math.max(max, ms);
                    bytes = Math.max(bytes, h[3].matches("\\d+") ? Long.parseLong(h[3]) : 0);
                    statuses.merge(h[1], 1, Integer::sum);
                    first = first == null || start.isBefore(first) ? start : first;
                    last = last == null || end.isAfter(last) ? end : last;
                }
                out.add(new Requests(s, request, hits.size(), total, max, bytes, statuses, first, last));
            });
        }
        return out;
    }

    /**
     * Per service, the garbage collection pauses its JVM logged between {@code from} and {@code to}: count, total and
     * longest, e.g. {@code 12 pauses, 340 ms, longest 95 ms}.
     */
    Map<String, String> gcPauses(CorridorSystem system, Instant from, Instant to) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String s : CorridorSystem.SERVICES) {
            Path f = logDir.resolve("gc-" + system.pid(s) + ".log");
            if (!Files.exists(f)) {
                out.put(s, "no GC log");
                continue;
            }
            int count = 0;
            double total = 0;
            double max = 0;
            try {
                for (String line : Files.readAllLines(f)) {
                    Matcher m = GC_PAUSE.matcher(line);
                    if (m.matches()) {
                        Instant at = OffsetDateTime.parse(m.group(1), GC_TIME).toInstant();
                        if (!at.isBefore(from) && !at.isAfter(to)) {
                            double ms = Double.parseDouble(m.group(2));
                            count++;
                            total += ms;
                            max = Math.max(max, ms);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f, e);
            }
            out.put(s, String.format("%d pauses, %.0f ms, longest %.0f ms", count, total, max));
        }
        return out;
    }

    /** Per service, the lines since {@code from} that show a connection pool running out (case-insensitive). */
    Map<String, List<String>> poolExhaustionSince(Mark from) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String s : CorridorSystem.SERVICES) {
            List<String> hits = linesSince(s, from).stream()
                    .filter(l -> POOL_EXHAUSTION.stream().anyMatch(p -> l.toLowerCase().contains(p))).toList();
            out.put(s, hits);
        }
        return out;
    }

    /** Lines of a service's log since {@code from} matching {@code regex} (e.g. the approval driver's own lines). */
    List<String> grepSince(String service, Mark from, String regex) {
        Pattern p = Pattern.compile(regex);
        return linesSince(service, from).stream().filter(l -> p.matcher(l).find()).toList();
    }

    private List<String> linesSince(String service, Mark from) {
        Path f = file(service);
        long start = from.offsets().getOrDefault(service, 0L);
        long end = size(f);
        if (end <= start) {
            return List.of();
        }
        try (RandomAccessFile r = new RandomAccessFile(f.toFile(), "r")) {
            byte[] bytes = new byte[(int) (end - start)];
            r.seek(start);
            r.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    private Path file(String service) {
        return logDir.resolve(service + ".log");
    }

    private static long size(Path f) {
        try {
            return Files.exists(f) ? Files.size(f) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
