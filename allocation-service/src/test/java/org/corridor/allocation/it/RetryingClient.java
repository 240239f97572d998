package org.corridor.allocation.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A careful client of one service during an outage: a write is retried with the SAME Idempotency-Key after a 503
 * (waiting as its Retry-After says), after any other 5xx, a timeout or a connection error, until it gets a definite
 * answer (2xx or 4xx) or gives up. Every answer and every failure to get one is counted in a {@link StatusLog}, and a
 * 503 without Retry-After or without problem JSON is recorded as broken (the outage contract).
 */
final class RetryingClient {

    /** A definite answer. */
    record Answer(int status, String body, Optional<String> location) {
        JsonPath json() {
            return new JsonPath(body);
        }

        boolean ok() {
            return status / 100 == 2;
        }
    }

    /** No definite answer before the client gave up. */
    static final class GaveUp extends RuntimeException {
        GaveUp(String message) {
            super(message);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEFAULT_WAIT = Duration.ofMillis(500);
    private static final Duration MAX_WAIT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;
    private final StatusLog log;
    private final Duration giveUpAfter;
    private final Duration requestTimeout;

    RetryingClient(String baseUrl, String token, StatusLog log, Duration giveUpAfter, Duration requestTimeout) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.log = log;
        this.giveUpAfter = giveUpAfter;
        this.requestTimeout = requestTimeout;
    }

    /** POST {@code body} (serialised as JSON; null for none) to {@code /api/v1 + path} with {@code key}, retried. */
    Answer post(String operation, String path, String key, Object body) {
        HttpRequest.Builder b = request(path).header("Idempotency-Key", key);
        b = body == null
                ? b.POST(HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json(body)));
        return send(operation, b.build());
    }

    /** GET {@code /api/v1 + path}, retried like a write. */
    Answer get(String operation, String path) {
        return send(operation, request(path).GET().build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1" + path)).timeout(requestTimeout)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    /** GET {@code /api/v1 + path} once: the answer whatever its status, empty when none came (both counted). */
    Optional<Answer> once(String operation, String path) {
        Attempt a = attempt(operation, request(path).GET().build());
        return Optional.ofNullable(a.answer());
    }

    private Answer send(String operation, HttpRequest request) {
        Instant giveUp = Instant.now().plus(giveUpAfter);
        String last = "nothing";
        while (Instant.now().isBefore(giveUp)) {
            Attempt a = attempt(operation, request);
            if (a.answer() != null && a.answer().status() < 500) {
                return a.answer();
            }
            last = a.answer() != null ? a.answer().status() + " " + a.answer().body() : a.failure();
            sleep(a.pause());
        }
        throw new GaveUp(operation + " " + request.method() + " " + request.uri() + ": no definite answer within "
                + giveUpAfter + "; last: " + last);
    }

    /** One request: its answer (null when none came, then {@code failure} says why) and how long to wait. */
    private record Attempt(Answer answer, String failure, Duration pause) {
    }

    private Attempt attempt(String operation, HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            log.count(operation, String.valueOf(r.statusCode()));
            Duration wait = r.statusCode() == 503 ? retryAfter(operation, request, r) : DEFAULT_WAIT;
            return new Attempt(new Answer(r.statusCode(), r.body(), r.headers().firstValue("Location")), null, wait);
        } catch (HttpTimeoutException e) {
            log.count(operation, StatusLog.TIMEOUT);
            return new Attempt(null, "timeout after " + requestTimeout, DEFAULT_WAIT);
        } catch (IOException e) {
            log.count(operation, StatusLog.CONNECTION_ERROR);
            return new Attempt(null, "connection error: " + e, DEFAULT_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GaveUp(operation + " interrupted");
        }
    }

    /** Checks the 503's contract and answers how long to wait before the retry. */
    private Duration retryAfter(String operation, HttpRequest request, HttpResponse<String> r) {
        String what = operation + " " + request.method() + " " + request.uri().getPath();
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            log.broken("503 without problem JSON (Content-Type '" + type + "') on " + what + ": " + r.body());
        } else if (!r.body().contains("\"detail\"")) {
            log.broken("503 problem without detail on " + what + ": " + r.body());
        }
        Optional<String> header = r.headers().firstValue("Retry-After");
        if (header.isEmpty()) {
            log.broken("503 without Retry-After on " + what);
            return DEFAULT_WAIT;
        }
        // RFC 9110: delay-seconds or an HTTP-date
        Duration d;
        try {
            d = Duration.ofSeconds(Long.parseLong(header.get().trim()));
        } catch (NumberFormatException notSeconds) {
            try {
                d = Duration.between(Instant.now(),
                        ZonedDateTime.parse(header.get().trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException e) {
                log.broken("503 with a Retry-After that is neither seconds nor a date ('" + header.get() + "') on "
                        + what);
                return DEFAULT_WAIT;
            }
        }
        log.retryAfter(Math.max(0, d.toSeconds()));
        if (d.isNegative()) {
            return Duration.ZERO;
        }
        return d.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : d;
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GaveUp("interrupted while waiting to retry");
        }
    }
}
