package org.corridor.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.corridor.common.client.UpstreamUnavailableException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every exception that reaches the REST layer into an RFC 9457 problem. Client mistakes get a 4xx with a message
 * a person can act on (a body Jackson cannot read is described by {@link JsonProblems}); a failure that passes by
 * itself (a database restarting, a lost serialization conflict: {@link TransientFailure}; another service down) gets a
 * 503 with {@code Retry-After}; anything unexpected gets a 500 with a reference to the log line, never a stack trace,
 * class name or SQL.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** The header a 503 carries. */
    public static final String RETRY_AFTER = "Retry-After";
    /** Seconds a client should wait before retrying after a 503 that gives no better estimate. */
    public static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(), uri);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldViolation> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldViolation(fieldPath(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldViolation::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(new Problem(Problem.TYPE_BASE + "validation", "Request is not valid", 400,
                detail, null, errors, null), uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return respond(JsonProblems.describe(e), uri);
    }

    /**
     * quarkus-rest-jackson has its own mapper for {@link MismatchedInputException} (a wrong type or format in the body)
     * that answers plain JSON in dev and test mode; it is more specific than {@link JsonProcessingException}, so this
     * one, more specific still, takes those back.
     */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    /**
     * A type Jackson cannot build is a defect of the service, not of the request; quarkus-rest-jackson's own mapper for
     * it answers a bare 500 without a body. This one answers the usual 500 problem with a reference to the log.
     */
    @ServerExceptionMapper(priority = 1)
    public Response invalidDefinition(InvalidDefinitionException e, UriInfo uri) {
        return unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException jpe) {
            // the JSON reader wraps a body it cannot parse in a plain 400: say what is wrong with it
            return json(jpe, uri);
        }
        Response r = e.getResponse();
        int status = r.getStatus();
        if (status == 503) {
            return respond(new Problem(Problem.TYPE_BASE + "service-unavailable", "Service unavailable", 503,
                    "The service is unavailable for a moment; retry in " + RETRY_AFTER_SECONDS + " seconds"), uri);
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.StatusType type = r.getStatusInfo();
        String title = type.getReasonPhrase() == null ? "HTTP " + status : type.getReasonPhrase();
        String detail = e.getMessage() == null || e.getMessage().startsWith("HTTP ")
                ? defaultDetail(status, uri)
                : e.getMessage();
        Response.ResponseBuilder b = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.TYPE_BASE + slug(title), title, status, detail)
                        .withInstance(path(uri)));
        // keep Allow and similar headers the framework set (405)
        r.getHeaders().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("Content-Type") && !k.equalsIgnoreCase("Content-Length")) {
                v.forEach(x -> b.header(k, x));
            }
        });
        return b.build();
    }

    @ServerExceptionMapper({OptimisticLockException.class, PessimisticLockException.class})
    public Response concurrent(Exception e, UriInfo uri) {
        Optional<TransientFailure> transientFailure = TransientFailure.of(e);
        if (transientFailure.isPresent()) {
            return transientFailure(transientFailure.get(), uri);
        }
        return respond(new Problem(Problem.TYPE_BASE + "concurrent-update", "Concurrent update", 409,
                "Another request changed the same resource at the same time; retry the request"), uri);
    }

    @ServerExceptionMapper
    public Response uniqueViolation(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        if ("23505".equals(e.getSQLState())) {
            return respond(new Problem(Problem.TYPE_BASE + "duplicate", "Already exists", 409,
                    "A resource with the same unique value already exists"), uri);
        }
        return respond(new Problem(Problem.TYPE_BASE + "integrity", "Conflicts with existing data", 409,
                "The request conflicts with data already recorded"), uri);
    }

    /**
     * Another Corridor service stayed unreachable (or answered 5xx) through the gateway's retries and the use case did
     * not say what that means for the request: 503, retry later.
     */
    @ServerExceptionMapper
    public Response upstreamUnavailable(UpstreamUnavailableException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_BASE + "service-unavailable", "Service unavailable", 503,
                e.service() + " is unavailable; retry in " + RETRY_AFTER_SECONDS + " seconds"), uri);
    }

    /** A failure that passes by itself ({@link TransientFailure}): 503 with its own {@code Retry-After}. */
    static Response transientFailure(TransientFailure f, UriInfo uri) {
        LOG.warnf("Answered 503 (%s, retry after %d s)", f.kind(), f.retryAfterSeconds());
        return Response.status(503).type(Problem.MEDIA_TYPE).header(RETRY_AFTER, f.retryAfterSeconds())
                .entity(f.toProblem().withInstance(path(uri))).build();
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, UriInfo uri) {
        // a database restarting or a lost serialization conflict passes: 503, retry
        Optional<TransientFailure> transientFailure = TransientFailure.of(e);
        if (transientFailure.isPresent()) {
            return transientFailure(transientFailure.get(), uri);
        }
        // a client mistake wrapped by a framework layer still gets its 4xx
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c instanceof ProblemException p) {
                return problem(p, uri);
            }
            if (c instanceof ConstraintViolationException cve) {
                return validation(cve, uri);
            }
            if (c instanceof JsonProcessingException jpe) {
                return json(jpe, uri);
            }
            if (c instanceof org.hibernate.exception.ConstraintViolationException cve) {
                return uniqueViolation(cve, uri);
            }
            if (c instanceof OptimisticLockException || c instanceof PessimisticLockException) {
                return concurrent((Exception) c, uri);
            }
            if (c instanceof UpstreamUnavailableException u) {
                return upstreamUnavailable(u, uri);
            }
        }
        String ref = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, reference %s", ref);
        return respond(new Problem(Problem.TYPE_BASE + "internal", "Internal error", 500,
                "An unexpected error occurred; quote reference " + ref + " to the operators"), uri);
    }

    /** The problem as an answer; a 503 also says when to retry ({@code Retry-After}, seconds). */
    static Response respond(Problem p, UriInfo uri) {
        Response.ResponseBuilder b = Response.status(p.status()).type(Problem.MEDIA_TYPE)
                .entity(p.withInstance(path(uri)));
        if (p.status() == 503) {
            b.header(RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return b.build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    private static String defaultDetail(int status, UriInfo uri) {
        return switch (status) {
            case 404 -> "No resource at " + path(uri);
            case 405 -> "This method is not allowed on " + path(uri);
            case 406 -> "The requested media type cannot be produced";
            case 415 -> "The request's Content-Type is not supported; send application/json";
            default -> "The request cannot be processed";
        };
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /**
     * {@code create.request.lines[0].quantity} becomes {@code lines[0].quantity}: drop the method and, for a body, the
     * parameter name; keep a query parameter's name.
     */
    static String fieldPath(ConstraintViolation<?> v) {
        List<Path.Node> nodes = new ArrayList<>();
        v.getPropertyPath().forEach(nodes::add);
        int start = 0;
        if (!nodes.isEmpty() && nodes.get(0).getKind() == ElementKind.METHOD) {
            start = 1;
        }
        if (nodes.size() > start + 1 && nodes.get(start).getKind() == ElementKind.PARAMETER) {
            start++;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = start; i < nodes.size(); i++) {
            Path.Node n = nodes.get(i);
            if (n.getName() == null) {
                continue;
            }
            if (n.getIndex() != null && i > start) {
                // the index belongs to the container reached by the previous node
                sb.append('[').append(n.getIndex()).append(']');
            }
            if (!sb.isEmpty()) {
                sb.append('.');
            }
            sb.append(n.getName());
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }
}
