package org.corridor.common.idempotency;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.corridor.common.problem.Problem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses an {@code Idempotency-Key} longer than {@link Idempotency#MAX_KEY_LENGTH} characters (or with a NUL
 * character, which PostgreSQL cannot store) on every request, with a 400 problem, before any resource sees it.
 * {@link Idempotency} checks the length too, but some endpoints also use the key for their own purposes (as the
 * reference of a settlement, say) and would otherwise store an over-long value and fail with a 500.
 */
public class IdempotencyKeyFilter {

    @ServerRequestFilter
    public Optional<Response> checkKey(ContainerRequestContext request) {
        String key = request.getHeaderString(Idempotency.HEADER);
        String detail;
        if (key == null) {
            return Optional.empty();
        } else if (key.length() > Idempotency.MAX_KEY_LENGTH) {
            detail = "The " + Idempotency.HEADER + " header must be at most " + Idempotency.MAX_KEY_LENGTH
                    + " characters, got " + key.length();
        } else if (key.indexOf('\0') >= 0) {
            detail = "The " + Idempotency.HEADER + " header must not contain the NUL character (U+0000)";
        } else {
            return Optional.empty();
        }
        Problem problem = new Problem(Problem.TYPE_BASE + "bad-request", "Bad request", 400, detail)
                .withInstance("/" + request.getUriInfo().getPath().replaceFirst("^/", ""));
        return Optional.of(Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build());
    }
}
