package org.corridor.common.rest;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import org.corridor.common.problem.ProblemException;
import org.corridor.common.problem.ProblemMappers;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Typed query parameters ({@code int}, {@code long}, {@code boolean} and enums, such as {@code page} and {@code size})
 * for every service. Left to itself, Quarkus REST answers a query parameter it cannot convert ({@code ?page=abc},
 * {@code ?page=99999999999}) with 404 "Not Found", as if the resource did not exist; these converters refuse it with a
 * 400 problem that names the parameter, what it must be and what was sent. A boolean is {@code true} or {@code false}
 * (any case): anything else is refused rather than read as false.
 */
@Provider
public class QueryParamConverters implements ParamConverterProvider {

    private final ProblemMappers problems = new ProblemMappers();

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = queryParamName(annotations);
        if (name == null) {
            return null;
        }
        if (rawType == int.class || rawType == Integer.class) {
            return (ParamConverter<T>) converter(name, Integer::valueOf,
                    "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
        }
        if (rawType == long.class || rawType == Long.class) {
            return (ParamConverter<T>) converter(name, Long::valueOf,
                    "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE);
        }
        if (rawType == boolean.class || rawType == Boolean.class) {
            return (ParamConverter<T>) converter(name, QueryParamConverters::bool, "true or false");
        }
        if (rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            return (ParamConverter<T>) converter(name, s -> Enum.valueOf(type, s),
                    "one of " + Arrays.toString(rawType.getEnumConstants()));
        }
        return null;
    }

    @ServerExceptionMapper
    public Response invalid(InvalidQueryParameter e, UriInfo uri) {
        return problems.problem(e.problem(), uri);
    }

    private static String queryParamName(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
        }
        return null;
    }

    private static Boolean bool(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(s);
        };
    }

    private static <V> ParamConverter<V> converter(String name, Function<String, V> parse, String expectation) {
        return new ParamConverter<>() {
            @Override
            public V fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return parse.apply(value.strip());
                } catch (IllegalArgumentException e) {
                    throw new InvalidQueryParameter(ProblemException.badRequest("Query parameter " + name + " must be "
                            + expectation + ", got '" + QueryParams.excerpt(value) + "'"));
                }
            }

            @Override
            public String toString(V value) {
                return String.valueOf(value);
            }
        };
    }

    /**
     * A query parameter that cannot be converted. A {@link BadRequestException}, so that Quarkus REST passes it on as
     * it is (it turns any other conversion failure into a 404); its cause is the problem to answer.
     */
    public static final class InvalidQueryParameter extends BadRequestException {

        private static final long serialVersionUID = 1L;

        InvalidQueryParameter(ProblemException problem) {
            super(problem.getMessage(), problem);
        }

        public ProblemException problem() {
            return (ProblemException) getCause();
        }
    }
}
