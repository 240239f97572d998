package org.corridor.common.rest;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.corridor.common.problem.ProblemException;
import org.corridor.common.problem.ProblemMappers;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Typed {@code UUID} path parameters, for every service. An id that is not a UUID cannot name anything, so it answers
 * 404 with the same problem as an unknown id ({@code "Shipment not found"},
 * {@code "Shipment not-a-uuid does not exist"}). What the id names is read from the collection it follows in the path:
 * {@code /shipments/{id}} a Shipment, {@code /events/{eventId}} an Event, {@code /incidents/{id}} an Incident,
 * {@code /access-rules/{id}} an Access rule.
 * <p>
 * Left to itself, Quarkus REST answers a path parameter it cannot convert with a bare 404 ("Not Found", "No resource at
 * ..."); this converter throws {@link MalformedId} instead, which {@link #malformed} maps.
 */
@Provider
public class PathIds implements ParamConverterProvider {

    private static final ParamConverter<UUID> UUIDS = new ParamConverter<>() {
        @Override
        public UUID fromString(String value) {
            try {
                return UUID.fromString(value);
            } catch (IllegalArgumentException e) {
                throw new MalformedId(value);
            }
        }

        @Override
        public String toString(UUID value) {
            return value.toString();
        }
    };

    private final ProblemMappers problems = new ProblemMappers();

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        boolean pathParam = annotations != null && Arrays.stream(annotations).anyMatch(a -> a instanceof PathParam);
        return rawType == UUID.class && pathParam ? (ParamConverter<T>) UUIDS : null;
    }

    @ServerExceptionMapper
    public Response malformed(MalformedId e, UriInfo uri) {
        return problems.problem(ProblemException.notFound(named(e.value, uri.getPathSegments()), e.value), uri);
    }

    /** {@code Shipment} for a value that follows {@code shipments} in the path. */
    static String named(String value, List<PathSegment> segments) {
        for (int i = 1; i < segments.size(); i++) {
            if (segments.get(i).getPath().equals(value)) {
                String collection = segments.get(i - 1).getPath();
                String noun = (collection.endsWith("s") ? collection.substring(0, collection.length() - 1) : collection)
                        .replace('-', ' ');
                return noun.isEmpty() ? "Resource" : Character.toUpperCase(noun.charAt(0)) + noun.substring(1);
            }
        }
        return "Resource";
    }

    /** A path parameter that should be a UUID and is not. */
    public static final class MalformedId extends NotFoundException {

        private static final long serialVersionUID = 1L;

        private final String value;

        MalformedId(String value) {
            this.value = value;
        }
    }
}
