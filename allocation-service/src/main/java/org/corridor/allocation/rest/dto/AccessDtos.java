package org.corridor.allocation.rest.dto;

import static org.corridor.allocation.rest.dto.IncidentDtos.ISO3;
import static org.corridor.allocation.rest.dto.IncidentDtos.ISO3_MESSAGE;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.corridor.allocation.domain.AccessRule;
import org.corridor.allocation.domain.AccessRuleKind;
import org.corridor.allocation.domain.RouteOverride;
import org.corridor.allocation.solver.api.AppliesTo;
import org.corridor.allocation.solver.api.TransportMode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of access rules and route overrides. */
public final class AccessDtos {

    private AccessDtos() {
    }

    @Schema(name = "NewAccessRule", description = "An embargo or closed border from an origin country to a destination country")
    public record NewAccessRule(
            @Schema(description = "Country the materials or teams would leave, ISO 3166-1 alpha-3", example = "USA")
            @NotNull @Pattern(regexp = ISO3, message = ISO3_MESSAGE) String originCountryCode,
            @Schema(description = "Country they would enter, ISO 3166-1 alpha-3", example = "SYR")
            @NotNull @Pattern(regexp = ISO3, message = ISO3_MESSAGE) String destinationCountryCode,
            @Schema(description = "EMBARGO or BORDER_CLOSED", example = "EMBARGO")
            @NotNull AccessRuleKind kind,
            @Schema(description = "What the rule blocks: MATERIALS, TEAMS or ALL", example = "MATERIALS")
            @NotNull AppliesTo appliesTo,
            @Schema(description = "Why, in words", example = "Sanctions regime in force")
            @NotBlank @Size(max = 500) String reason,
            @Schema(description = "In force from", example = "2011-05-18T00:00:00Z")
            @NotNull Instant validFrom,
            @Schema(description = "In force until (exclusive); absent means open-ended; must be after validFrom", example = "2030-01-01T00:00:00Z")
            Instant validUntil) {
    }

    @Schema(name = "AccessRule", description = "An embargo or closed border")
    public record AccessRuleDto(
            @Schema(description = "Rule id", example = "3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a") UUID id,
            @Schema(description = "Origin country", example = "USA") String originCountryCode,
            @Schema(description = "Destination country", example = "SYR") String destinationCountryCode,
            @Schema(description = "EMBARGO or BORDER_CLOSED", example = "EMBARGO") AccessRuleKind kind,
            @Schema(description = "What the rule blocks", example = "MATERIALS") AppliesTo appliesTo,
            @Schema(description = "Why", example = "Sanctions regime in force") String reason,
            @Schema(description = "In force from", example = "2011-05-18T00:00:00Z") Instant validFrom,
            @Schema(description = "In force until (exclusive), if bounded", example = "2030-01-01T00:00:00Z") Instant validUntil) {
        public static AccessRuleDto of(AccessRule r) {
            return new AccessRuleDto(r.id, r.originCountryCode, r.destinationCountryCode, r.kind, r.appliesTo, r.reason,
                    r.validFrom, r.validUntil);
        }
    }

    @Schema(name = "NewRouteOverride", description = "An officer's lead time and/or cost for one route and mode, replacing the transport model's")
    public record NewRouteOverride(
            @Schema(description = "Origin country (the depot's)", example = "ARE")
            @NotNull @Pattern(regexp = ISO3, message = ISO3_MESSAGE) String originCountryCode,
            @Schema(description = "Destination country (the site's)", example = "TUR")
            @NotNull @Pattern(regexp = ISO3, message = ISO3_MESSAGE) String destinationCountryCode,
            @Schema(description = "ROAD or AIR", example = "AIR")
            @NotNull TransportMode mode,
            @Schema(description = "Door-to-door lead time, ISO-8601 duration, more than 0", type = SchemaType.STRING, format = "duration", example = "PT36H")
            Duration leadTime,
            @Schema(description = "Cost per vehicle-km in units of account, more than 0", example = "15.5")
            @Positive Double costPerVehicleKm,
            @Schema(description = "Why the override exists", example = "Charter agreement with the national carrier")
            @Size(max = 500) String note) {
    }

    @Schema(name = "RouteOverride", description = "An override of the transport model for one route and mode")
    public record RouteOverrideDto(
            @Schema(description = "Override id", example = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d") UUID id,
            @Schema(description = "Origin country", example = "ARE") String originCountryCode,
            @Schema(description = "Destination country", example = "TUR") String destinationCountryCode,
            @Schema(description = "ROAD or AIR", example = "AIR") TransportMode mode,
            @Schema(description = "Lead time replacing the model's, ISO-8601 duration", type = SchemaType.STRING, format = "duration", example = "PT36H") Duration leadTime,
            @Schema(description = "Cost per vehicle-km replacing the model's", example = "15.5") Double costPerVehicleKm,
            @Schema(description = "Why the override exists", example = "Charter agreement with the national carrier") String note) {
        public static RouteOverrideDto of(RouteOverride r) {
            return new RouteOverrideDto(r.id, r.originCountryCode, r.destinationCountryCode, r.mode,
                    r.leadTimeSeconds == null ? null : Duration.ofSeconds(r.leadTimeSeconds), r.costPerVehicleKm, r.note);
        }
    }
}
