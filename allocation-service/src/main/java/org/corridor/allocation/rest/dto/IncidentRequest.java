package org.corridor.allocation.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.corridor.allocation.domain.IncidentType;
import org.corridor.allocation.service.IncidentService.NewIncident;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "NewIncident", description = "A disaster to plan relief for, with its affected sites")
public record IncidentRequest(
        @Schema(description = "Name of the incident",
                example = "Kahramanmaras earthquake") @NotBlank @Size(max = 200) String name,
        @Schema(description = "Hazard", example = "EARTHQUAKE") @NotNull IncidentType type,
        @Schema(description = "GLIDE number, format TT-YYYY-NNNNNN-ISO", example = "EQ-2023-000015-TUR") @Pattern(
                regexp = IncidentRequest.GLIDE,
                message = "must be a GLIDE number like EQ-2023-000015-TUR") String glide,
        @Schema(description = "Affected country, ISO 3166-1 alpha-3; must be known to inventory-service",
                example = "TUR") @NotNull @Pattern(regexp = IncidentRequest.ISO3,
                        message = IncidentRequest.ISO3_MESSAGE) String countryCode,
        @Schema(description = "When the disaster started", example = "2023-02-06T01:17:00Z") @NotNull Instant startedAt,
        @Schema(description = "Affected sites, at least one") @NotEmpty @Size(
                max = 200) List<@Valid @NotNull SiteRequest> sites,
        @Schema(description = "Read-only: a new incident is always OPEN (POST /incidents/{id}/closure closes it). "
                + "May be sent as OPEN, e.g. when an incident read back is sent again; any other value is refused",
                example = "OPEN", enumeration = {
                        "OPEN"}) @JsonInclude(JsonInclude.Include.NON_NULL) @Pattern(
                                regexp = "OPEN",
                                message = "is read-only: a new incident is always OPEN (close it with POST "
                                        + "/api/v1/incidents/\\{id\\}/closure)") String status){

    /** ISO 3166-1 alpha-3 country code (also used by the access rule and route override requests). */
    public static final String ISO3 = "^[A-Z]{3}$";
    public static final String ISO3_MESSAGE = "must be an ISO 3166-1 alpha-3 code of 3 upper-case letters";
    /** GLIDE number: hazard code, year, 6-digit serial, country code. */
    public static final String GLIDE = "^[A-Z]{2}-\\d{4}-\\d{6}-[A-Z]{3}$";

    public NewIncident toCommand() {
        return new NewIncident(name, type, glide, countryCode, startedAt,
                sites.stream().map(SiteRequest::toCommand).toList());
    }
}
