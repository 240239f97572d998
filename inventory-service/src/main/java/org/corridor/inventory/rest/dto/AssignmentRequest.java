package org.corridor.inventory.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AssignmentRequest", description = "What the team is committed to")
public record AssignmentRequest(
        @NotBlank @Size(max = 200) @Schema(description = "Reference of the commitment, e.g. a plan or incident id",
                example = "plan-7c1e2d90", maxLength = 200) String reference) {
}
