package org.corridor.common.etag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Answers reads that dashboards poll: a strong ETag over the JSON body, and 304 Not Modified when the client's
 * {@code If-None-Match} still matches. The tag is a hash of exactly the bytes the client would receive, so it changes
 * whenever, and only when, the answer changes.
 */
@ApplicationScoped
public class ETagResponder {

    private final ObjectMapper mapper;

    public ETagResponder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Response ok(Request request, Object body) {
        EntityTag tag = tagOf(body);
        CacheControl cc = new CacheControl();
        cc.setNoCache(true);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.tag(tag).cacheControl(cc).build();
        }
        return Response.ok(body).tag(tag).cacheControl(cc).build();
    }

    public EntityTag tagOf(Object body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(mapper.writeValueAsBytes(body));
            return new EntityTag(HexFormat.of().formatHex(digest, 0, 16));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot compute ETag", e);
        }
    }
}
