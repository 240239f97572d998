package org.corridor.allocation.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * One HTTP request, sent once and timed: what a benchmark must see as it is, where {@link RetryingClient} would hide a
 * 503 or a 5xx behind its retries. A request that gets no answer is an {@link Exchange} with status 0 and the reason in
 * {@code body}.
 * <p>
 * (This file lives in {@code it/bench/} with the other benchmark classes but declares the package of the cross-service
 * tests, so that it can reuse their package-private helpers: {@link Crisis}, {@link Invariants}, {@link StatusLog}.)
 */
final class RawClient {

    /** An answer (status 0: none came) and how long it took from sending to the last byte. */
    record Exchange(int status, String body, Optional<String> retryAfter, Optional<String> contentType,
            Optional<String> etag, long millis) {

        boolean answered() {
            return status > 0;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;

    RawClient(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** GET {@code baseUrl + path} (a full path, e.g. {@code /q/health} or {@code /api/v1/plans}). */
    Exchange get(String path, Duration timeout) {
        return send(request(path, timeout).GET().build());
    }

    /** GET with If-None-Match, for polling a resource that answers an ETag. */
    Exchange get(String path, String ifNoneMatch, Duration timeout) {
        HttpRequest.Builder b = request(path, timeout).GET();
        if (ifNoneMatch != null) {
            b.header("If-None-Match", ifNoneMatch);
        }
        return send(b.build());
    }

    /** POST without body, with an Idempotency-Key. */
    Exchange post(String path, String idempotencyKey, Duration timeout) {
        return send(request(path, timeout).header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** DELETE. */
    Exchange delete(String path, Duration timeout) {
        return send(request(path, timeout).DELETE().build());
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    private Exchange send(HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Exchange(r.statusCode(), r.body(), r.headers().firstValue("Retry-After"),
                    r.headers().firstValue("Content-Type"), r.headers().firstValue("ETag"), since(start));
        } catch (HttpTimeoutException e) {
            return none("timeout after " + request.timeout().orElse(null), start);
        } catch (IOException e) {
            return none("connection error: " + e, start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return none("interrupted", start);
        }
    }

    private static Exchange none(String why, long start) {
        return new Exchange(0, why, Optional.empty(), Optional.empty(), Optional.empty(), since(start));
    }

    private static long since(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
