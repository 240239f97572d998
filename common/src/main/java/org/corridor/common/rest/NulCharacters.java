package org.corridor.common.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.corridor.common.problem.Problem;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses, on every request, a NUL character (U+0000, sent as {@code %00}) in the path or in a query parameter with a
 * 400 problem naming where it is. PostgreSQL cannot compare or store text with NUL, so a filter or an id with one would
 * otherwise fail the request with a 500. (JSON bodies are checked when they are read, see
 * {@code org.corridor.common.json.StrictJson}.)
 */
public class NulCharacters {

    static final String DETAIL = " must not contain the NUL character (U+0000)";

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseNul(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        String where = null;
        if (uri.getPath().indexOf('\0') >= 0) {
            where = "The path";
        } else {
            for (Map.Entry<String, List<String>> q : uri.getQueryParameters().entrySet()) {
                if (q.getKey().indexOf('\0') >= 0 || q.getValue().stream().anyMatch(v -> v.indexOf('\0') >= 0)) {
                    where = "Query parameter " + q.getKey().replace('\0', '?');
                    break;
                }
            }
        }
        if (where == null) {
            return Optional.empty();
        }
        Problem problem = new Problem(Problem.TYPE_BASE + "bad-request", "Bad request", 400, where + DETAIL)
                .withInstance("/" + uri.getPath().replace('\0', '?').replaceFirst("^/", ""));
        return Optional.of(Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build());
    }
}
