package org.corridor.inventory.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.corridor.inventory.rest.Examples;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReversalRequest", description = "A request to reverse a RECEIPT or ADJUSTMENT entry")
public record ReversalRequest(
        @NotNull @Schema(description = "Entry to reverse", example = Examples.ENTRY_ID) UUID ledgerEntryId,
        @NotBlank @Size(max = 500) @Schema(description = "Why it is reversed", example = "Receipt registered twice",
                maxLength = 500) String note) {
}
