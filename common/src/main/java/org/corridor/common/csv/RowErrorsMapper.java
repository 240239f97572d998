package org.corridor.common.csv;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.corridor.common.problem.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers a {@link RowErrorsException} as a {@link RowProblem} (422, {@code application/problem+json}). */
public class RowErrorsMapper {

    @ServerExceptionMapper
    public Response rows(RowErrorsException e, UriInfo uri) {
        String path = uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
        return Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(new RowProblem(
                Problem.TYPE_BASE + e.slug(), e.title(), e.status(), e.getMessage(), path, e.errors())).build();
    }
}
