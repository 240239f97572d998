package org.corridor.common.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.corridor.common.problem.Problem;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request whose declared body is larger than {@code quarkus.http.limits.max-body-size} with a 413 problem
 * before anything reads it (the HTTP layer would otherwise answer a bare 413, or cut a chunked body off at the same
 * limit).
 */
@ApplicationScoped
public class RequestLimits {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "1M")
    MemorySize maxBodySize;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        long max = maxBodySize.asLongValue();
        String body = problemJson(max);
        router.route().order(-10_000).handler(ctx -> {
            String declared = ctx.request().getHeader("Content-Length");
            if (declared != null && tooLarge(declared, max)) {
                ctx.response().setStatusCode(413)
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close")
                        .end(body);
                return;
            }
            ctx.next();
        });
    }

    private static boolean tooLarge(String declared, long max) {
        try {
            return Long.parseLong(declared.trim()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String problemJson(long max) {
        try {
            return json
                    .writeValueAsString(new Problem(Problem.TYPE_BASE + "payload-too-large", "Payload too large", 413,
                            "The request body is larger than the limit of " + max + " bytes"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
