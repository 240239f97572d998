package org.corridor.allocation.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the clients of a fault test saw, counted by phase (before, during, after the fault), operation and outcome (an
 * HTTP status, or {@code connection error} / {@code timeout} when no answer came), and every answer that broke the
 * outage contract (a 503 without Retry-After or problem JSON). Thread-safe: all writers of a test share one.
 */
final class StatusLog {

    static final String CONNECTION_ERROR = "connection error";
    static final String TIMEOUT = "timeout";

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> broken = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> retryAfterSeconds = new ConcurrentLinkedQueue<>();
    private volatile String phase = "before";

    /** Later answers are counted under {@code phase}. */
    void phase(String phase) {
        this.phase = phase;
    }

    String phase() {
        return phase;
    }

    void count(String operation, String outcome) {
        counts.computeIfAbsent(phase + "|" + operation + "|" + outcome, k -> new LongAdder()).increment();
    }

    void broken(String what) {
        broken.add(what);
    }

    void retryAfter(long seconds) {
        retryAfterSeconds.add(seconds);
    }

    /** Answers that broke the outage contract. */
    List<String> brokenAnswers() {
        return new ArrayList<>(broken);
    }

    /** How often {@code outcome} was seen, over every phase and operation. */
    long total(String outcome) {
        return counts.entrySet().stream().filter(e -> e.getKey().endsWith("|" + outcome))
                .mapToLong(e -> e.getValue().sum()).sum();
    }

    /** How often {@code outcome} was seen in {@code phase}. */
    long total(String phase, String outcome) {
        return counts.entrySet().stream()
                .filter(e -> e.getKey().startsWith(phase + "|") && e.getKey().endsWith("|" + outcome))
                .mapToLong(e -> e.getValue().sum()).sum();
    }

    /** Outcome -> count over every phase and operation. */
    Map<String, Long> byOutcome() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.merge(k.substring(k.lastIndexOf('|') + 1), v.sum(), Long::sum));
        return out;
    }

    /** A table: phase, operation, outcome, count; then the Retry-After values seen. */
    String table() {
        StringBuilder b = new StringBuilder(String.format("%-8s %-22s %-18s %7s%n", "phase", "operation", "outcome",
                "count"));
        new TreeMap<>(counts).forEach((k, v) -> {
            String[] f = k.split("\\|");
            b.append(String.format("%-8s %-22s %-18s %7d%n", f[0], f[1], f[2], v.sum()));
        });
        b.append("all phases: ").append(byOutcome()).append('\n');
        if (!retryAfterSeconds.isEmpty()) {
            b.append("Retry-After seen (s): min ")
                    .append(retryAfterSeconds.stream().mapToLong(Long::longValue).min().orElse(0)).append(", max ")
                    .append(retryAfterSeconds.stream().mapToLong(Long::longValue).max().orElse(0)).append('\n');
        }
        return b.toString();
    }
}
