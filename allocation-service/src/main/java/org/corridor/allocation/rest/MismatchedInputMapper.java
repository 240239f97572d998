package org.corridor.allocation.rest;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.corridor.common.problem.ProblemMappers;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * quarkus-rest-jackson registers its own mapper for {@link MismatchedInputException} in dev and test
 * mode (a plain JSON body, not a problem). It is more specific than common's mapper for
 * {@code JsonProcessingException}, so wrong types and formats would not be RFC 9457 problems in those
 * modes. This mapper, more specific still, hands them to common's {@link ProblemMappers#json}.
 * (A candidate for common; kept local to this module.)
 */
public class MismatchedInputMapper {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper(priority = 1)
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return problems.json(e, uri);
    }
}
