package org.corridor.allocation.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.corridor.allocation.domain.PlanStatus;

/** A plan in a list, without its lines. */
public record PlanSummary(UUID id, PlanStatus status, List<UUID> incidentIds, Instant planFrom, String score,
        Boolean feasible, String failureReason, Instant createdAt, Instant finishedAt) {
}
