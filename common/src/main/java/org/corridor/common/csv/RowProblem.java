package org.corridor.common.csv;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * RFC 9457 problem details of a refused upload: the usual members plus {@code errors}, one per bad cell, each naming
 * its row and column. No class-level {@code @Schema}: a service that answers it names it in its operation, and the
 * others do not list an unused schema.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RowProblem(
        @Schema(description = "URI reference identifying the problem type",
                example = "https://corridor.example/problems/invalid-rows") String type,
        @Schema(description = "Short, human-readable summary", example = "Receipt import refused") String title,
        @Schema(description = "HTTP status code", example = "422") int status,
        @Schema(description = "Human-readable explanation",
                example = "2 rows have errors, nothing was written: fix the rows named in errors and upload the "
                        + "whole file again") String detail,
        @Schema(description = "The request path", example = "/api/v1/receipt-imports") String instance,
        @Schema(description = "Every bad cell, in row order") List<RowError> errors) {
}
