package org.corridor.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * RFC 9457 problem details, the body of every 4xx and 5xx answer of every Corridor service
 * ({@code application/problem+json}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details: what went wrong, in words a person can act on.")
public record Problem(
        @Schema(description = "URI reference identifying the problem type",
                example = "https://corridor.example/problems/insufficient-stock") String type,
        @Schema(description = "Short, human-readable summary of the problem type",
                example = "Insufficient stock") String title,
        @Schema(description = "HTTP status code", example = "409") int status,
        @Schema(description = "Human-readable explanation specific to this occurrence",
                example = "Lot TENT-2023-01 has 40 available, 100 requested") String detail,
        @Schema(description = "URI reference of the request that caused the problem",
                example = "/api/v1/reservations") String instance,
        @Schema(description = "Field errors, for validation problems") List<FieldViolation> errors,
        @Schema(description = "Further problem-specific data, e.g. the short lines of a refused reservation") Object extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://corridor.example/problems/";

    public Problem(String type, String title, int status, String detail) {
        this(type, title, status, detail, null, null, null);
    }

    public Problem withInstance(String instance) {
        return new Problem(type, title, status, detail, instance, errors, extensions);
    }

    /** One invalid field of a request. */
    @Schema(name = "FieldViolation", description = "One invalid field of a request")
    public record FieldViolation(
            @Schema(description = "Path of the invalid field in the request",
                    example = "lines[0].quantity") String field,
            @Schema(description = "What is wrong with it", example = "must be greater than 0") String message) {
    }
}
