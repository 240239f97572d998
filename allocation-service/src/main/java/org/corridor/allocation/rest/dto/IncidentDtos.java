package org.corridor.allocation.rest.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.corridor.allocation.domain.Incident;
import org.corridor.allocation.domain.IncidentStatus;
import org.corridor.allocation.domain.IncidentType;
import org.corridor.allocation.domain.Need;
import org.corridor.allocation.domain.Site;
import org.corridor.allocation.domain.TeamNeed;
import org.corridor.allocation.domain.TeamType;
import org.corridor.allocation.solver.api.Priority;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of incidents, sites, needs, team needs and the needs estimate. */
public final class IncidentDtos {

    private IncidentDtos() {
    }

    public static final String ISO3 = "^[A-Z]{3}$";
    public static final String ISO3_MESSAGE = "must be an ISO 3166-1 alpha-3 code of 3 upper-case letters";
    /** GLIDE number: hazard code, year, 6-digit serial, country code (shared/CONVENTIONS.md). */
    public static final String GLIDE = "^[A-Z]{2}-\\d{4}-\\d{6}-[A-Z]{3}$";

    @Schema(name = "NewSite", description = "An affected site of a new incident")
    public record NewSite(
            @Schema(description = "Name of the site", example = "Kahramanmaras city centre")
            @NotBlank @Size(max = 200) String name,
            @Schema(description = "Latitude in degrees", example = "37.58")
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @Schema(description = "Longitude in degrees", example = "36.94")
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
            @Schema(description = "Number of people affected at the site", example = "12000")
            @NotNull @Min(0) @Max(100_000_000) Integer affectedPopulation) {
    }

    @Schema(name = "NewIncident", description = "A disaster to plan relief for, with its affected sites")
    public record NewIncident(
            @Schema(description = "Name of the incident", example = "Kahramanmaras earthquake")
            @NotBlank @Size(max = 200) String name,
            @Schema(description = "Hazard", example = "EARTHQUAKE")
            @NotNull IncidentType type,
            @Schema(description = "GLIDE number, format TT-YYYY-NNNNNN-ISO", example = "EQ-2023-000015-TUR")
            @Pattern(regexp = GLIDE, message = "must be a GLIDE number like EQ-2023-000015-TUR") String glide,
            @Schema(description = "Affected country, ISO 3166-1 alpha-3; must be known to inventory-service", example = "TUR")
            @NotNull @Pattern(regexp = ISO3, message = ISO3_MESSAGE) String countryCode,
            @Schema(description = "When the disaster started", example = "2023-02-06T01:17:00Z")
            @NotNull Instant startedAt,
            @Schema(description = "Affected sites, at least one")
            @NotEmpty @Size(max = 200) List<@Valid @NotNull NewSite> sites) {
    }

    @Schema(name = "Site", description = "An affected site")
    public record SiteDto(
            @Schema(description = "Site id", example = "5b0c7c1e-6a6f-4f50-9d59-1f1c4d1e2a10") UUID id,
            @Schema(description = "Name", example = "Kahramanmaras city centre") String name,
            @Schema(description = "Latitude in degrees", example = "37.58") double latitude,
            @Schema(description = "Longitude in degrees", example = "36.94") double longitude,
            @Schema(description = "People affected", example = "12000") int affectedPopulation) {
        public static SiteDto of(Site s) {
            return new SiteDto(s.id, s.name, s.latitude, s.longitude, s.affectedPopulation);
        }
    }

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
            @Schema(description = "When the incident was closed, if it is", example = "2023-04-30T12:00:00Z") Instant closedAt) {
        public static IncidentDto of(Incident i) {
            return new IncidentDto(i.id, i.name, i.type, i.glide, i.countryCode, i.startedAt,
                    i.sites.stream().map(SiteDto::of).toList(), i.status, i.closedAt);
        }
    }

    @Schema(name = "NewNeed", description = "A quantity of one catalogue item asked for at one site")
    public record NewNeed(
            @Schema(description = "Site of the incident", example = "5b0c7c1e-6a6f-4f50-9d59-1f1c4d1e2a10")
            @NotNull UUID siteId,
            @Schema(description = "Catalogue item code; must exist in inventory-service", example = "SHELTER-FAMILY-TENT")
            @NotBlank @Size(max = 64) String itemCode,
            @Schema(description = "Quantity in the item's unit, more than 0", example = "500")
            @NotNull @Positive @Max(100_000_000) Integer quantity,
            @Schema(description = "Priority", example = "CRITICAL")
            @NotNull Priority priority,
            @Schema(description = "Latest useful delivery time", example = "2023-02-09T00:00:00Z")
            @NotNull Instant deliverBy) {
    }

    @Schema(name = "Need", description = "A material need of a site")
    public record NeedDto(
            @Schema(description = "Need id", example = "7f3b2a10-1c2d-4e5f-8a9b-0c1d2e3f4a5b") UUID id,
            @Schema(description = "Incident id", example = "0b6f1f8e-3c1a-4d0e-8a43-5c6c0d3c9e11") UUID incidentId,
            @Schema(description = "Site id", example = "5b0c7c1e-6a6f-4f50-9d59-1f1c4d1e2a10") UUID siteId,
            @Schema(description = "Catalogue item code", example = "SHELTER-FAMILY-TENT") String itemCode,
            @Schema(description = "Quantity in the item's unit", example = "500") int quantity,
            @Schema(description = "Priority", example = "CRITICAL") Priority priority,
            @Schema(description = "Latest useful delivery time", example = "2023-02-09T00:00:00Z") Instant deliverBy) {
        public static NeedDto of(Need n) {
            return new NeedDto(n.id, n.incidentId, n.siteId, n.itemCode, n.quantity, n.priority, n.deliverBy);
        }
    }

    @Schema(name = "NewTeamNeed", description = "A number of teams of one type asked for at one site")
    public record NewTeamNeed(
            @Schema(description = "Site of the incident", example = "5b0c7c1e-6a6f-4f50-9d59-1f1c4d1e2a10")
            @NotNull UUID siteId,
            @Schema(description = "Team type", example = "USAR_HEAVY")
            @NotNull TeamType teamType,
            @Schema(description = "How many teams, more than 0", example = "2")
            @NotNull @Positive @Max(1000) Integer count,
            @Schema(description = "Latest useful arrival time", example = "2023-02-07T12:00:00Z")
            @NotNull Instant neededBy) {
    }

    @Schema(name = "TeamNeed", description = "A need for teams at a site")
    public record TeamNeedDto(
            @Schema(description = "Team need id", example = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d") UUID id,
            @Schema(description = "Incident id", example = "0b6f1f8e-3c1a-4d0e-8a43-5c6c0d3c9e11") UUID incidentId,
            @Schema(description = "Site id", example = "5b0c7c1e-6a6f-4f50-9d59-1f1c4d1e2a10") UUID siteId,
            @Schema(description = "Team type", example = "USAR_HEAVY") TeamType teamType,
            @Schema(description = "How many teams", example = "2") int count,
            @Schema(description = "Latest useful arrival time", example = "2023-02-07T12:00:00Z") Instant neededBy) {
        public static TeamNeedDto of(TeamNeed t) {
            return new TeamNeedDto(t.id, t.incidentId, t.siteId, t.teamType, t.count, t.neededBy);
        }
    }

    @Schema(name = "EstimateRequest", description = "Population and duration to estimate a site's needs for")
    public record EstimateRequest(
            @Schema(description = "Site of the incident", example = "5b0c7c1e-6a6f-4f50-9d59-1f1c4d1e2a10")
            @NotNull UUID siteId,
            @Schema(description = "People to cover; default the site's affected population", example = "12000")
            @Min(1) @Max(100_000_000) Integer population,
            @Schema(description = "Number of days to cover, 1 to 365", example = "14")
            @NotNull @Min(1) @Max(365) Integer days) {
    }

    @Schema(name = "ProposedNeed", description = "A need proposed from Sphere minimums (not saved)")
    public record ProposedNeed(
            @Schema(description = "Catalogue item code", example = "SHELTER-FAMILY-TENT") String itemCode,
            @Schema(description = "Catalogue item name", example = "Family tent 16 m2") String itemName,
            @Schema(description = "Catalogue unit", example = "piece") String unit,
            @Schema(description = "Proposed quantity in the item's unit", example = "2625") int quantity,
            @Schema(description = "Proposed priority", example = "CRITICAL") Priority priority,
            @Schema(description = "How the quantity was computed", example = "3.5 m2 covered space per person (Sphere): 12000 x 3.5 / 16 m2 per tent") String basis) {
    }

    @Schema(name = "MissingItem", description = "A Sphere purpose whose configured item code is not in the catalogue")
    public record MissingItem(
            @Schema(description = "Purpose", example = "water purification") String purpose,
            @Schema(description = "Configured item code that inventory does not know", example = "WASH-PURIFICATION-TABLET") String itemCode) {
    }

    @Schema(name = "NeedsEstimate", description = "Proposed needs of a site from Sphere minimums; not saved")
    public record NeedsEstimate(
            @Schema(description = "Site id", example = "5b0c7c1e-6a6f-4f50-9d59-1f1c4d1e2a10") UUID siteId,
            @Schema(description = "People covered", example = "12000") int population,
            @Schema(description = "Days covered", example = "14") int days,
            @Schema(description = "Proposed needs, to be posted as needs after review") List<ProposedNeed> proposals,
            @Schema(description = "Purposes that could not be mapped to a catalogue item") List<MissingItem> missingItems) {
    }
}
