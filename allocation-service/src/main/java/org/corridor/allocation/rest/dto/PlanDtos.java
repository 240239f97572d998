package org.corridor.allocation.rest.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corridor.allocation.domain.PlanStatus;
import org.corridor.allocation.solver.api.TransportMode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of plans. */
public final class PlanDtos {

    private PlanDtos() {
    }

    @Schema(name = "Termination", description = "When to stop solving; each limit is capped by the server's maximum")
    public record Termination(
            @Schema(description = "Total solving time, ISO-8601 duration", type = SchemaType.STRING, format = "duration", example = "PT30S")
            Duration spentLimit,
            @Schema(description = "Stop when the best score has not improved for this long, ISO-8601 duration", type = SchemaType.STRING, format = "duration", example = "PT10S")
            Duration unimprovedSpentLimit) {
    }

    @Schema(name = "NewPlan", description = "Plan the needs of one or several incidents")
    public record NewPlan(
            @Schema(description = "Incidents to plan together, at least one")
            @NotEmpty @Size(max = 50) List<@NotNull UUID> incidentIds,
            @Schema(description = "Departures, arrivals and expiry are computed from this time; default now", example = "2023-02-06T06:00:00Z")
            Instant planFrom,
            @Schema(description = "Solving time limits; default from configuration")
            @Valid Termination termination,
            @Schema(description = "Constraint name to weight (0 or more), overriding the configured defaults", example = "{\"Transport cost\": 2}")
            Map<String, @NotNull @PositiveOrZero Long> weights) {
    }

    @Schema(name = "PlanLine", description = "Quantity of one lot sent to one need by one mode")
    public record LineDto(
            @Schema(description = "Need served", example = "7f3b2a10-1c2d-4e5f-8a9b-0c1d2e3f4a5b") UUID needId,
            @Schema(description = "Destination site", example = "5b0c7c1e-6a6f-4f50-9d59-1f1c4d1e2a10") UUID siteId,
            @Schema(description = "Item code", example = "SHELTER-FAMILY-TENT") String itemCode,
            @Schema(description = "Lot taken from", example = "2d1c0b9a-8f7e-4d6c-9b5a-4f3e2d1c0b9a") UUID lotId,
            @Schema(description = "Depot of the lot", example = "6e5d4c3b-2a19-4f8e-9d7c-6b5a4f3e2d1c") UUID depotId,
            @Schema(description = "Depot's country", example = "ARE") String originCountryCode,
            @Schema(description = "Quantity in the item's unit", example = "200") int quantity,
            @Schema(description = "ROAD or AIR", example = "AIR") TransportMode mode,
            @Schema(description = "Planned departure", example = "2023-02-06T06:00:00Z") Instant departsAt,
            @Schema(description = "Estimated arrival", example = "2023-02-07T10:00:00Z") Instant arrivesAt) {
    }

    @Schema(name = "PlanTeamAssignment", description = "One team sent to one team need")
    public record TeamAssignmentDto(
            @Schema(description = "Team need served", example = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d") UUID teamNeedId,
            @Schema(description = "Team (inventory-service id)", example = "4b3a2918-7f6e-4d5c-8b4a-3f2e1d0c9b8a") UUID teamId,
            @Schema(description = "Estimated arrival", example = "2023-02-06T20:00:00Z") Instant arrivesAt) {
    }

    @Schema(name = "PlanUnmet", description = "What a plan could not meet and why; exactly one of needId and teamNeedId is set")
    public record UnmetDto(
            @Schema(description = "Material need not (fully) met", example = "7f3b2a10-1c2d-4e5f-8a9b-0c1d2e3f4a5b") UUID needId,
            @Schema(description = "Team need not (fully) met", example = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d") UUID teamNeedId,
            @Schema(description = "Quantity (or team slots) not met", example = "320") int quantity,
            @Schema(description = "Why, in plain words", example = "320 of 500 family tents unmet: the only stock in range is blocked by an embargo") String reason) {
    }

    @Schema(name = "Plan", description = "An allocation plan; while SOLVING it shows the best plan found so far")
    public record PlanDto(
            @Schema(description = "Plan id", example = "c0ffee00-1234-4abc-8def-0123456789ab") UUID id,
            @Schema(description = "SOLVING, SOLVED, APPROVED, FAILED or CANCELLED", example = "SOLVED") PlanStatus status,
            @Schema(description = "Incidents planned") List<UUID> incidentIds,
            @Schema(description = "Time departures are computed from", example = "2023-02-06T06:00:00Z") Instant planFrom,
            @Schema(description = "Solving time limit used", type = SchemaType.STRING, format = "duration", example = "PT30S") Duration spentLimit,
            @Schema(description = "Unimproved time limit used", type = SchemaType.STRING, format = "duration", example = "PT10S") Duration unimprovedSpentLimit,
            @Schema(description = "Constraint weights in force for this plan", example = "{\"Transport cost\": 2}") Map<String, Long> weights,
            @Schema(description = "OptaPlanner score hard/medium/soft of the best plan so far", example = "0hard/-1200medium/-53420soft") String score,
            @Schema(description = "True when no hard constraint is broken", example = "true") Boolean feasible,
            @Schema(description = "True when solving was stopped by DELETE /plans/{id}/solving", example = "false") boolean stoppedEarly,
            @Schema(description = "Why the plan FAILED or was CANCELLED", example = "the best plan found breaks a hard constraint (score -1hard/0medium/0soft)") String failureReason,
            @Schema(description = "Material lines") List<LineDto> lines,
            @Schema(description = "Teams sent") List<TeamAssignmentDto> teamAssignments,
            @Schema(description = "What could not be met and why") List<UnmetDto> unmet,
            @Schema(description = "When the plan was asked for", example = "2023-02-06T06:00:02Z") Instant createdAt,
            @Schema(description = "When solving ended", example = "2023-02-06T06:00:32Z") Instant finishedAt,
            @Schema(description = "inventory-service reservation holding the plan's lots, once APPROVED", example = "9e8d7c6b-5a4f-4e3d-8c1b-0a9f8e7d6c5b") UUID reservationId,
            @Schema(description = "shipment-service shipments created by the approval, once APPROVED (empty before)") List<UUID> shipmentIds,
            @Schema(description = "When the plan was approved", example = "2023-02-06T06:05:00Z") Instant approvedAt,
            @Schema(description = "Instance id of the allocation-service replica that claimed the plan's solving job last "
                    + "(null while it waits in the queue)", example = "allocation-7d9f8c-2xk4q-a1b2c3") String solvedBy,
            @Schema(description = "How many times a replica claimed the plan's solving job: 1 normally, more when a replica "
                    + "solving it died or was shut down and another took over", example = "1") int attempts) {
    }

    @Schema(name = "ApprovedShipmentLine", description = "One lot carried by an approved shipment")
    public record ApprovedShipmentLineDto(
            @Schema(description = "Item code", example = "SHELTER-FAMILY-TENT") String itemCode,
            @Schema(description = "Lot taken from", example = "2d1c0b9a-8f7e-4d6c-9b5a-4f3e2d1c0b9a") UUID lotId,
            @Schema(description = "Quantity in the item's unit (the plan's lines of this lot for this site and mode, summed)", example = "200") int quantity,
            @Schema(description = "Gross weight in kg", example = "6600.0") double weightKg) {
    }

    @Schema(name = "ApprovedShipment", description = "A shipment created in shipment-service by the approval: one per (origin depot, site, mode)")
    public record ApprovedShipmentDto(
            @Schema(description = "Shipment id (shipment-service)", example = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d") UUID id,
            @Schema(description = "Depot the goods leave from", example = "6e5d4c3b-2a19-4f8e-9d7c-6b5a4f3e2d1c") UUID originDepotId,
            @Schema(description = "Destination site", example = "5b0c7c1e-6a6f-4f50-9d59-1f1c4d1e2a10") UUID siteId,
            @Schema(description = "Incident of the site", example = "c1d2e3f4-5a6b-4c7d-8e9f-0a1b2c3d4e5f") UUID incidentId,
            @Schema(description = "ROAD or AIR", example = "ROAD") TransportMode mode,
            @Schema(description = "Whole trucks or aircraft needed for the load's weight and volume", example = "2") int vehicles,
            @Schema(description = "Earliest departure of its lines", example = "2023-02-06T06:00:00Z") Instant plannedDeparture,
            @Schema(description = "Latest arrival of its lines", example = "2023-02-07T10:00:00Z") Instant estimatedArrival,
            @Schema(description = "Lots carried") List<ApprovedShipmentLineDto> lines) {
    }

    @Schema(name = "PlanApproval", description = "What an approved plan holds in the other services; every later approval of the plan answers the same")
    public record ApprovalDto(
            @Schema(description = "Plan id", example = "c0ffee00-1234-4abc-8def-0123456789ab") UUID planId,
            @Schema(description = "APPROVED", example = "APPROVED") PlanStatus status,
            @Schema(description = "The one inventory-service reservation of the plan (null when the plan has no material lines)", example = "9e8d7c6b-5a4f-4e3d-8c1b-0a9f8e7d6c5b") UUID reservationId,
            @Schema(description = "When the plan was approved", example = "2023-02-06T06:05:00Z") Instant approvedAt,
            @Schema(description = "Shipments created, one per (origin depot, site, mode)") List<ApprovedShipmentDto> shipments,
            @Schema(description = "Teams assigned in inventory-service (reference plan-<planId>)") List<TeamAssignmentDto> teamAssignments) {
    }

    @Schema(name = "PlanSummary", description = "A plan in a list, without its lines")
    public record PlanSummaryDto(
            @Schema(description = "Plan id", example = "c0ffee00-1234-4abc-8def-0123456789ab") UUID id,
            @Schema(description = "Status", example = "SOLVED") PlanStatus status,
            @Schema(description = "Incidents planned") List<UUID> incidentIds,
            @Schema(description = "Time departures are computed from", example = "2023-02-06T06:00:00Z") Instant planFrom,
            @Schema(description = "Score", example = "0hard/-1200medium/-53420soft") String score,
            @Schema(description = "True when no hard constraint is broken", example = "true") Boolean feasible,
            @Schema(description = "Why the plan FAILED or was CANCELLED", example = "the best plan found breaks a hard constraint (score -1hard/0medium/0soft)") String failureReason,
            @Schema(description = "When the plan was asked for", example = "2023-02-06T06:00:02Z") Instant createdAt,
            @Schema(description = "When solving ended", example = "2023-02-06T06:00:32Z") Instant finishedAt) {
    }

    @Schema(name = "ConstraintScore", description = "One constraint's contribution to the score")
    public record ConstraintScoreDto(
            @Schema(description = "Constraint name", example = "unmet need") String name,
            @Schema(description = "Score level: HARD, MEDIUM or SOFT", example = "MEDIUM") String level,
            @Schema(description = "Contribution as a score", example = "0hard/-320medium/0soft") String score,
            @Schema(description = "How many times the constraint matched", example = "1") int matchCount) {
    }

    @Schema(name = "PlanAnalysis", description = "Score per constraint and, per unmet need, the reason in plain words")
    public record AnalysisDto(
            @Schema(description = "Plan id", example = "c0ffee00-1234-4abc-8def-0123456789ab") UUID planId,
            @Schema(description = "Plan status", example = "SOLVED") PlanStatus status,
            @Schema(description = "Total score", example = "0hard/-1200medium/-53420soft") String score,
            @Schema(description = "Score per constraint") List<ConstraintScoreDto> constraints,
            @Schema(description = "Unmet needs with reasons") List<UnmetDto> unmet) {
    }
}
