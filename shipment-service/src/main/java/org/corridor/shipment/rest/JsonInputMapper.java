package org.corridor.shipment.rest;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.corridor.common.problem.ProblemMappers;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * quarkus-rest-jackson has a built-in mapper for {@link MismatchedInputException} (a wrong type or
 * format in the body: "abc" for a UUID, a string for a list...) that answers plain
 * {@code application/json}, and it is more specific than common's {@code JsonProcessingException}
 * mapper. This module-local mapper sends those to common's problem answer instead (RFC 9457, with the
 * field). Belongs in common's {@code ProblemMappers}; kept here until it moves there.
 */
public class JsonInputMapper {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return problems.json(e, uri);
    }
}
