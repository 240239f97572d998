package org.corridor.allocation.rest.dto;

import java.util.UUID;
import org.corridor.allocation.service.attention.AttentionItem;
import org.corridor.allocation.service.attention.AttentionKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AttentionItem", description = "One change since the incident's last approved plan: its kind, why in "
        + "plain words, whether a re-plan can act on it, and the ids and quantities it is about (null where they do "
        + "not apply to the kind).")
public record AttentionItemDto(
        @Schema(description = "What changed. SHIPMENT_LOST: units of a shipment LOST, or CANCELLED after dispatch, "
                + "uncovered again. REJECTED_AT_DELIVERY: units rejected at delivery, uncovered again. "
                + "SHIPMENT_CANCELLED: a shipment cancelled before dispatch, its units uncovered again. "
                + "LINE_FORBIDDEN: an approved line not yet dispatched that an access rule in force over its travel "
                + "now forbids (ruleId), whose lot expires before it arrives plus the expiry margin, or whose lot was "
                + "adjusted away (no longer listed, or fewer units on hand than the approved lines hold). NEW_NEED: a "
                + "need created after the last approval, or never covered by an approved plan, with uncovered units. "
                + "NEED_UNCOVERED: any other need's uncovered units that the kinds above do not explain. "
                + "TEAM_NEED_UNFILLED: a team need approved plans do not fill. TEAM_STOOD_DOWN: a team an approved "
                + "plan assigned that inventory no longer shows assigned to that plan. NEW_STOCK: per item, usable "
                + "lots received since the last approval of an item with uncovered units (quantity, lots). "
                + "PLAN_OUTDATED: a SOLVING or SOLVED plan made before one of these changes: re-plan before "
                + "approving.", example = "SHIPMENT_LOST") AttentionKind kind,
        @Schema(description = "Why, in plain words",
                example = "Shipment 3c9d6e1a-5b7f-4c2d-9e8f-0a1b2c3d4e5f was reported LOST (plan "
                        + "8a1e5f52-2b9c-4d35-9e61-3f6b1c2d4e70): 40 × NFI-BLANKET for need "
                        + "7f3b2a10-1c2d-4e5f-8a9b-0c1d2e3f4a5b at site Kahramanmaraş centre are uncovered again. "
                        + "5000 usable unit(s) of NFI-BLANKET are available: a re-plan can cover them.") String reason,
        @Schema(description = "True when a re-plan can act on it; replanAdvised is true when any item has it",
                example = "true") boolean replanHelps,
        @Schema(description = "Site concerned", example = "5b0c7c1e-6a6f-4f50-9d59-1f1c4d1e2a10") UUID siteId,
        @Schema(description = "Material need concerned", example = "7f3b2a10-1c2d-4e5f-8a9b-0c1d2e3f4a5b") UUID needId,
        @Schema(description = "Team need concerned (TEAM_NEED_UNFILLED, TEAM_STOOD_DOWN)",
                example = "2d4c6e8a-0b1d-4f3e-9a7c-5e6f7a8b9c0d") UUID teamNeedId,
        @Schema(description = "Catalogue item", example = "NFI-BLANKET") String itemCode,
        @Schema(description = "Units concerned: lost, rejected, cancelled, on the forbidden line, uncovered, teams "
                + "unfilled, or (NEW_STOCK) available in the new lots", example = "40") Long quantity,
        @Schema(description = "NEW_STOCK: how many usable lots", example = "3") Integer lots,
        @Schema(description = "Shipment carrying the line",
                example = "3c9d6e1a-5b7f-4c2d-9e8f-0a1b2c3d4e5f") UUID shipmentId,
        @Schema(description = "Inventory lot of the line", example = "00000000-0000-4000-8000-0000000001a4") UUID lotId,
        @Schema(description = "LINE_FORBIDDEN: the access rule that forbids the line",
                example = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b") UUID ruleId,
        @Schema(description = "Plan concerned (the line's or assignment's plan; the outdated plan)",
                example = "8a1e5f52-2b9c-4d35-9e61-3f6b1c2d4e70") UUID planId,
        @Schema(description = "TEAM_STOOD_DOWN: the team",
                example = "00000000-0000-4000-8000-0000000000f1") UUID teamId) {

    public static AttentionItemDto from(AttentionItem i) {
        return new AttentionItemDto(i.kind(), i.reason(), i.replanHelps(), i.siteId(), i.needId(), i.teamNeedId(),
                i.itemCode(), i.quantity(), i.lots(), i.shipmentId(), i.lotId(), i.ruleId(), i.planId(), i.teamId());
    }
}
