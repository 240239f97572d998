package org.corridor.common.etag;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * Conditional reads that cost less than reads, for the lists dashboards poll. A service keeps a version per collection
 * in its table {@code change_marker (name, version, changed_at)}, bumped by triggers in the same transaction as every
 * write that changes the collection's answers (see the service's migration). The ETag of an answer is derived from that
 * version and from everything else the answer depends on (path, query, the caller's visibility, the representation), so
 * an {@code If-None-Match} that still matches gets its 304 after reading one row, without the body being built.
 * <p>
 * The version is read <em>before</em> the body: a write committed in between makes the tag older than the body, which
 * costs at most one more full answer, never a stale 304.
 */
@ApplicationScoped
public class ChangeMarkers {

    private final EntityManager em;

    public ChangeMarkers(EntityManager em) {
        this.em = em;
    }

    /** The marker's current version; 0 when the service has no such marker. */
    public long version(String marker) {
        List<?> found = em.createNativeQuery("SELECT version FROM change_marker WHERE name = ?1")
                .setParameter(1, marker).getResultList();
        return found.isEmpty() ? 0 : ((Number) found.get(0)).longValue();
    }

    /**
     * 304 when the request's {@code If-None-Match} names the current tag of this variant; otherwise the answer
     * {@code body} builds, with that tag and {@code Cache-Control: no-cache}.
     *
     * @param variant everything besides the collection's data the answer depends on, e.g. path and query, the caller's
     *     donor, the representation
     */
    public Response conditional(Request request, String marker, List<?> variant, Supplier<Response> body) {
        EntityTag tag = tag(version(marker), marker, variant);
        CacheControl cc = new CacheControl();
        cc.setNoCache(true);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.tag(tag).cacheControl(cc).build();
        }
        return Response.fromResponse(body.get()).tag(tag).cacheControl(cc).build();
    }

    static EntityTag tag(long version, String marker, List<?> variant) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update((marker + "\n" + version + "\n" + variant).getBytes(StandardCharsets.UTF_8));
            return new EntityTag(marker + "-" + version + "-" + HexFormat.of().formatHex(d.digest(), 0, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot compute ETag", e);
        }
    }
}
