package org.corridor.common.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.corridor.common.problem.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 and 403 as RFC 9457 problems. Authentication is lazy ({@code quarkus.http.auth.proactive=false}) so that a
 * missing, forged or expired token reaches these mappers instead of an empty answer.
 */
public class SecurityProblemMappers {

    @ServerExceptionMapper(priority = 1)
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return unauthorized("This endpoint needs a bearer token (Authorization: Bearer <JWT>)", null, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(
                "The bearer token is not valid: it is malformed, expired, or not signed by a trusted issuer",
                "invalid_token", uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Response.status(403).type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.TYPE_BASE + "forbidden", "Forbidden", 403,
                        "Your role does not allow this operation").withInstance(path(uri)))
                .build();
    }

    private static Response unauthorized(String detail, String error, UriInfo uri) {
        String challenge = "Bearer realm=\"corridor\"" + (error == null ? "" : ", error=\"" + error + "\"");
        return Response.status(401).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .entity(new Problem(Problem.TYPE_BASE + "unauthorized", "Unauthorized", 401, detail)
                        .withInstance(path(uri)))
                .build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
