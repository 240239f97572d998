package org.corridor.allocation.rest.dto;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.corridor.allocation.domain.PlanStatus;
import org.corridor.allocation.service.approval.PlanApproval;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PlanApproval", description = "What an approved plan holds in the other services; every later "
        + "approval of the plan answers the same")
public record ApprovalDto(
        @Schema(description = "Plan id", example = "c0ffee00-1234-4abc-8def-0123456789ab") UUID planId,
        @Schema(description = "APPROVED, or APPROVING in a 202 (then no reservation or shipments yet)",
                example = "APPROVED") PlanStatus status,
        @Schema(description = "The one inventory-service reservation of the plan (null when the plan has no "
                + "material lines)", example = "9e8d7c6b-5a4f-4e3d-8c1b-0a9f8e7d6c5b") UUID reservationId,
        @Schema(description = "When the plan was approved", example = "2023-02-06T06:05:00Z") Instant approvedAt,
        @Schema(description = "Shipments created, one per (origin depot, site, mode)") List<ApprovedShipmentDto> shipments,
        @Schema(description = "Teams assigned in inventory-service (reference plan-<planId>)") List<TeamAssignmentDto> teamAssignments) {

    /** The 202 answer while the approval runs. */
    public static ApprovalDto pending(UUID planId) {
        return new ApprovalDto(planId, PlanStatus.APPROVING, null, null, List.of(), List.of());
    }

    public static ApprovalDto from(PlanApproval a) {
        return new ApprovalDto(a.planId(), a.status(), a.reservationId(), a.approvedAt(),
                a.shipments().stream().map(ApprovedShipmentDto::from).toList(),
                a.teamAssignments().stream().map(TeamAssignmentDto::from).toList());
    }
}
