package org.corridor.common.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.corridor.common.problem.ProblemException;

/**
 * {@code Idempotency-Key} handling for POSTs that create effects. The key is recorded in the same transaction as the
 * effect (table {@code idempotency_record}, created by the shared migration in {@code db/common}), so either both
 * commit or neither does:
 * <ul>
 * <li>first request with a key: the action runs, its status, Location and body are stored;</li>
 * <li>same key, same body: the stored answer is replayed and the action does not run again;</li>
 * <li>same key, different body: 422;</li>
 * <li>concurrent requests with one key: the second waits on the key's row until the first commits, then replays its
 * answer.</li>
 * </ul>
 * Refusals (4xx) roll the transaction back and so are not stored: a retry after the cause is gone may succeed.
 * <p>
 * The request hash covers the body only: when the target is in the path (a receipt into depot X, an event on shipment
 * Y), put it in the scope ({@code "receipts:" + depotId}) so that one key used on two targets is not taken for a
 * replay.
 * <p>
 * Every service applies it in its {@code rest/} layer: the resource passes the use case as the action; {@link #require}
 * and {@link #execute} open the transaction (or join the caller's), so the effect and the stored answer commit
 * together. Calls to other services that must not hold a transaction run before.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_KEY_LENGTH = 200;

    private final EntityManager em;
    private final ObjectMapper mapper;

    public Idempotency(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    /** The outcome of an idempotent action: status, optional Location, and body. */
    public record Result(int status, URI location, Object body) {
        public static Result created(URI location, Object body) {
            return new Result(201, location, body);
        }

        public static Result ok(Object body) {
            return new Result(200, null, body);
        }

        public Response toResponse() {
            Response.ResponseBuilder b = Response.status(status).entity(body);
            if (location != null) {
                b.location(location);
            }
            return b.build();
        }
    }

    /**
     * 400 unless the request carries a usable key; for operations that are idempotent by their own state (approval) and
     * only require the header.
     */
    public static void requireKey(String key) {
        if (key == null || key.isBlank()) {
            throw ProblemException.badRequest("The " + HEADER + " header is required for this request");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw ProblemException
                    .badRequest("The " + HEADER + " header must be at most " + MAX_KEY_LENGTH + " characters");
        }
    }

    /** Runs {@code action} once per (scope, key); a missing key is refused with 400. */
    @Transactional
    public Response require(String scope, String key, Object request, Supplier<Result> action) {
        if (key == null || key.isBlank()) {
            throw ProblemException.badRequest("The " + HEADER + " header is required for this request");
        }
        return execute(scope, key, request, action);
    }

    /** Runs {@code action} once per (scope, key); without a key it simply runs. */
    @Transactional
    public Response execute(String scope, String key, Object request, Supplier<Result> action) {
        if (key == null || key.isBlank()) {
            return action.get().toResponse();
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw ProblemException
                    .badRequest("The " + HEADER + " header must be at most " + MAX_KEY_LENGTH + " characters");
        }
        String hash = hash(request);
        int inserted = em
                .createNativeQuery("INSERT INTO idempotency_record (scope, idem_key, request_hash, created_at) "
                        + "VALUES (?1, ?2, ?3, now()) ON CONFLICT (scope, idem_key) DO NOTHING")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, hash)
                .executeUpdate();
        if (inserted == 0) {
            return replay(scope, key, hash);
        }
        Result result = action.get();
        em.createNativeQuery("UPDATE idempotency_record SET status = ?1, location = ?2, response_body = ?3 "
                + "WHERE scope = ?4 AND idem_key = ?5")
                .setParameter(1, result.status())
                .setParameter(2, result.location() == null ? null : result.location().toString())
                .setParameter(3, toJson(result.body()))
                .setParameter(4, scope).setParameter(5, key)
                .executeUpdate();
        return result.toResponse();
    }

    private Response replay(String scope, String key, String hash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT request_hash, status, location, response_body "
                + "FROM idempotency_record WHERE scope = ?1 AND idem_key = ?2")
                .setParameter(1, scope).setParameter(2, key).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.conflict("Request in progress",
                    "A request with this " + HEADER + " is still being processed; retry shortly");
        }
        Object[] row = rows.get(0);
        if (!hash.equals(row[0])) {
            throw ProblemException.unprocessable("Idempotency key reused",
                    "This " + HEADER + " was already used with a different request body");
        }
        int status = ((Number) row[1]).intValue();
        Response.ResponseBuilder b = Response.status(status).entity(fromJson((String) row[3]));
        if (row[2] != null) {
            b.location(URI.create((String) row[2]));
        }
        return b.build();
    }

    private String hash(Object request) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(mapper.writeValueAsBytes(request));
            return HexFormat.of().formatHex(d);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash request", e);
        }
    }

    private String toJson(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store response", e);
        }
    }

    private JsonNode fromJson(String json) {
        try {
            return json == null ? null : mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read stored response", e);
        }
    }
}
