package org.corridor.allocation.rest.dto;

import org.corridor.allocation.service.ConstraintWeight;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Constraint", description = "A constraint of the allocation solver and its weight")
public record ConstraintDto(
        @Schema(description = "Name, the key to use in a plan request's weights",
                example = "Transport cost") String name,
        @Schema(description = "Score level: HARD, MEDIUM or SOFT", example = "SOFT") String level,
        @Schema(description = "Weight used when a request gives none (configuration or built-in default)",
                example = "1") long weight,
        @Schema(description = "What one unit of penalty means",
                example = "per unit of account: whole vehicles per (depot, site, mode) x km x cost per vehicle-km") String description) {

    public static ConstraintDto from(ConstraintWeight c) {
        return new ConstraintDto(c.name(), c.level(), c.weight(), c.description());
    }
}
