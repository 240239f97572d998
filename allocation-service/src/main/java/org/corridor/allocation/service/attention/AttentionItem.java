package org.corridor.allocation.service.attention;

import java.util.UUID;

/**
 * One thing to look at: its kind, why in plain words, whether a re-plan can act on it, and the ids and quantities it is
 * about (null where they do not apply to the kind).
 */
public record AttentionItem(AttentionKind kind, String reason, boolean replanHelps, UUID siteId, UUID needId,
        UUID teamNeedId, String itemCode, Long quantity, Integer lots, UUID shipmentId, UUID lotId, UUID ruleId,
        UUID planId, UUID teamId) {

    /** A builder-like start: only the kind and reason; the ids are added with the {@code with...} methods. */
    static AttentionItem of(AttentionKind kind, String reason, boolean replanHelps) {
        return new AttentionItem(kind, reason, replanHelps, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    AttentionItem need(UUID site, UUID need, String item) {
        return new AttentionItem(kind, reason, replanHelps, site, need, teamNeedId, item, quantity, lots, shipmentId,
                lotId, ruleId, planId, teamId);
    }

    AttentionItem teamNeed(UUID site, UUID teamNeed) {
        return new AttentionItem(kind, reason, replanHelps, site, needId, teamNeed, itemCode, quantity, lots,
                shipmentId, lotId, ruleId, planId, teamId);
    }

    AttentionItem quantity(long units) {
        return new AttentionItem(kind, reason, replanHelps, siteId, needId, teamNeedId, itemCode, units, lots,
                shipmentId, lotId, ruleId, planId, teamId);
    }

    AttentionItem stock(String item, long units, int lotCount) {
        return new AttentionItem(kind, reason, replanHelps, siteId, needId, teamNeedId, item, units, lotCount,
                shipmentId, lotId, ruleId, planId, teamId);
    }

    AttentionItem line(UUID plan, UUID shipment, UUID lot) {
        return new AttentionItem(kind, reason, replanHelps, siteId, needId, teamNeedId, itemCode, quantity, lots,
                shipment, lot, ruleId, plan, teamId);
    }

    AttentionItem rule(UUID rule) {
        return new AttentionItem(kind, reason, replanHelps, siteId, needId, teamNeedId, itemCode, quantity, lots,
                shipmentId, lotId, rule, planId, teamId);
    }

    AttentionItem plan(UUID plan) {
        return new AttentionItem(kind, reason, replanHelps, siteId, needId, teamNeedId, itemCode, quantity, lots,
                shipmentId, lotId, ruleId, plan, teamId);
    }

    AttentionItem team(UUID team) {
        return new AttentionItem(kind, reason, replanHelps, siteId, needId, teamNeedId, itemCode, quantity, lots,
                shipmentId, lotId, ruleId, planId, team);
    }
}
