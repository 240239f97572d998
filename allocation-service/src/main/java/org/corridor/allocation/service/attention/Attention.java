package org.corridor.allocation.service.attention;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What changed for an incident since its last approved plan, and whether a re-plan is advised: true when at least one
 * item can be acted on by a re-plan ({@link AttentionItem#replanHelps()}). {@code notChecked} names what could not be
 * checked because another service did not answer (the list degrades rather than fails).
 */
public record Attention(UUID incidentId, UUID lastApprovedPlanId, Instant lastApprovedAt, boolean replanAdvised,
        List<AttentionItem> items, List<String> notChecked) {
}
