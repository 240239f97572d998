package org.corridor.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
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
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every exception that reaches the REST layer into an RFC 9457 problem. Client mistakes get a 4xx with a message
 * a person can act on; anything unexpected gets a 500 with a reference to the log line, never a stack trace, class name
 * or SQL.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

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
        String detail;
        List<Problem.FieldViolation> errors = null;
        if (e instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            String field = jsonPath(jme.getPath());
            String message;
            if (e instanceof UnrecognizedPropertyException) {
                message = "is not a known field";
            } else if (e instanceof InvalidFormatException ife && ife.getTargetType() != null
                    && ife.getTargetType().isEnum()) {
                message = "must be one of " + Arrays.toString(ife.getTargetType().getEnumConstants());
            } else if (e instanceof InvalidFormatException ife && ife.getTargetType() != null) {
                message = "has the wrong format for " + ife.getTargetType().getSimpleName();
            } else {
                message = "has the wrong type or format";
            }
            errors = List.of(new Problem.FieldViolation(field, message));
            detail = field + " " + message;
        } else {
            detail = "The request body is not valid JSON"
                    + (e.getLocation() != null
                            ? " (line " + e.getLocation().getLineNr() + ", column "
                                    + e.getLocation().getColumnNr() + ")"
                            : "");
        }
        return respond(new Problem(Problem.TYPE_BASE + "malformed-request", "Malformed request body", 400,
                detail, null, errors, null), uri);
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

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException jpe) {
            // the JSON reader wraps a body it cannot parse in a plain 400: say what is wrong with it
            return json(jpe, uri);
        }
        Response r = e.getResponse();
        int status = r.getStatus();
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

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e, UriInfo uri) {
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
        }
        String ref = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, reference %s", ref);
        return respond(new Problem(Problem.TYPE_BASE + "internal", "Internal error", 500,
                "An unexpected error occurred; quote reference " + ref + " to the operators"), uri);
    }

    static Response respond(Problem p, UriInfo uri) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p.withInstance(path(uri))).build();
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

    private static String jsonPath(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
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
