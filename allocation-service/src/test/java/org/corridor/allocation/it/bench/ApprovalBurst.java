package org.corridor.allocation.it;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Many approvals asked for at the same instant, one client per plan, each as a careful user would: one POST
 * /plans/{id}/approval, sent once (no retry, so every 503 or 5xx is seen as it came), then GET /plans/{id} once a
 * second (with If-None-Match) until the plan is no longer APPROVING or {@code bound} has passed.
 * <p>
 * Each plan ends one of three ways: APPROVED; cleanly refused (SOLVED again, with {@code approvalError}, or a 409
 * before anything was done); or stuck (still APPROVING after the bound), which the approval process must never leave.
 */
final class ApprovalBurst {

    /** What one client saw: the POST's answer and where its plan ended, with times from the common start. */
    record Outcome(String planId, int postStatus, long postMillis, String retryAfter, String contentType,
            String postDetail, String finalStatus, String approvalErrorStatus, String approvalErrorTitle,
            long settledMillis) {

        boolean refused() {
            return "SOLVED".equals(finalStatus);
        }

        boolean stuck() {
            return "APPROVING".equals(finalStatus);
        }

        /** Breaks of the answer contract: only 200/202/409/503 are expected, a 409/503 as problem JSON with detail. */
        List<String> contractBreaks() {
            List<String> out = new ArrayList<>();
            if (postStatus == 0) {
                out.add("plan " + planId + ": no answer to the POST (" + postDetail + ")");
            } else if (!List.of(200, 202, 409, 503).contains(postStatus)) {
                out.add("plan " + planId + ": POST answered " + postStatus + " " + postDetail);
            }
            if (postStatus == 409 || postStatus == 503) {
                if (contentType == null || !contentType.startsWith("application/problem+json")) {
                    out.add("plan " + planId + ": " + postStatus + " not as problem JSON (" + contentType + ")");
                }
                if (postDetail == null || postDetail.isBlank()) {
                    out.add("plan " + planId + ": " + postStatus + " without detail");
                }
            }
            if (postStatus == 503 && retryAfter == null) {
                out.add("plan " + planId + ": 503 without Retry-After");
            }
            return out;
        }
    }

    private final RawClient allocation;
    private final Duration bound;

    ApprovalBurst(RawClient allocation, Duration bound) {
        this.allocation = allocation;
        this.bound = bound;
    }

    /** Approves every plan at once; answers each client's outcome once every plan has settled or the bound passed. */
    List<Outcome> run(List<String> planIds, String keyPrefix) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(planIds.size());
        CountDownLatch ready = new CountDownLatch(planIds.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            long[] start = new long[1];
            for (String planId : planIds) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return approve(planId, keyPrefix + planId, start[0]);
                }));
            }
            ready.await();
            start[0] = System.nanoTime();
            go.countDown();
            List<Outcome> out = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private Outcome approve(String planId, String key, long start) {
        RawClient.Exchange post = allocation.post("/api/v1/plans/" + planId + "/approval", key,
                Duration.ofSeconds(90));
        long postMillis = millisSince(start);
        String detail = post.answered() ? detail(post.body()) : post.body();
        long deadline = System.nanoTime() + bound.toNanos();
        String etag = null;
        JsonPath plan = null;
        while (true) {
            RawClient.Exchange get = allocation.get("/api/v1/plans/" + planId, etag, Duration.ofSeconds(30));
            if (get.status() == 200) {
                plan = new JsonPath(get.body());
                etag = get.etag().orElse(null);
            }
            if (plan != null && !"APPROVING".equals(plan.getString("status"))) {
                break;
            }
            if (System.nanoTime() > deadline) {
                break;
            }
            Scenario.sleep(1000);
        }
        long settled = millisSince(start);
        String status = plan == null ? "unknown" : plan.getString("status");
        return new Outcome(planId, post.status(), postMillis, post.retryAfter().orElse(null),
                post.contentType().orElse(null), detail, status,
                plan == null ? null : plan.getString("approvalError.status"),
                plan == null ? null : plan.getString("approvalError.title"), settled);
    }

    private static String detail(String body) {
        try {
            String d = new JsonPath(body).getString("detail");
            return d == null ? "" : d;
        } catch (RuntimeException notJson) {
            return body.length() > 200 ? body.substring(0, 200) : body;
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** How many outcomes share each value of {@code key}, sorted. */
    static Map<String, Long> count(List<Outcome> outcomes, Function<Outcome, String> key) {
        return outcomes.stream().collect(Collectors.groupingBy(o -> String.valueOf(key.apply(o)), TreeMap::new,
                Collectors.counting()));
    }
}
