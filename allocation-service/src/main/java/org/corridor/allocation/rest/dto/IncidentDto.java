package org.corridor.allocation.rest.dto;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.corridor.allocation.domain.IncidentStatus;
import org.corridor.allocation.domain.IncidentType;
import org.corridor.allocation.service.IncidentView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Incident", description = "A disaster with its affected sites")
public record IncidentDto(
        @Schema(description = "Incident id", example = "0b6f1f8e-3c1a-4d0e-8a43-5c6c0d3c9e11") UUID id,
        @Schema(description = "Name", example = "Kahramanmaras earthquake") String name,
        @Schema(description = "Hazard", example = "EARTHQUAKE") IncidentType type,
        @Schema(description = "GLIDE number, if known", example = "EQ-2023-000015-TUR") String glide,
        @Schema(description = "Affected country, ISO 3166-1 alpha-3", example = "TUR") String countryCode,
        @Schema(description = "When the disaster started", example = "2023-02-06T01:17:00Z") Instant startedAt,
        @Schema(description = "Affected sites") List<SiteDto> sites,
        @Schema(description = "OPEN (can be planned) or CLOSED", example = "OPEN") IncidentStatus status,
        @Schema(description = "When the incident was closed, if it is",
                example = "2023-04-30T12:00:00Z") Instant closedAt) {

    public static IncidentDto from(IncidentView i) {
        return new IncidentDto(i.id(), i.name(), i.type(), i.glide(), i.countryCode(), i.startedAt(),
                i.sites().stream().map(SiteDto::from).toList(), i.status(), i.closedAt());
    }
}
