package org.corridor.allocation.rest.dto;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.corridor.allocation.service.attention.Attention;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Attention", description = "What changed for an incident since its last approved plan, and whether a "
        + "re-plan is advised. replanAdvised is true when at least one item has replanHelps: uncovered units (lost, "
        + "rejected, cancelled, new or otherwise uncovered) of an item with usable stock for the site, a forbidden "
        + "line, an unfilled team need with an AVAILABLE team of its type, a stood-down team, or new usable stock for "
        + "uncovered units. PLAN_OUTDATED does not count by itself (its causes are items of their own).",
        example = """
                {"incidentId":"0b6f1f8e-3c1a-4d0e-8a43-5c6c0d3c9e11",
                 "lastApprovedPlanId":"8a1e5f52-2b9c-4d35-9e61-3f6b1c2d4e70",
                 "lastApprovedAt":"2023-02-07T10:15:00Z","replanAdvised":true,
                 "items":[{"kind":"SHIPMENT_LOST","reason":"Shipment 3c9d6e1a-5b7f-4c2d-9e8f-0a1b2c3d4e5f was reported \
                LOST (plan 8a1e5f52-2b9c-4d35-9e61-3f6b1c2d4e70): 40 × NFI-BLANKET for need \
                7f3b2a10-1c2d-4e5f-8a9b-0c1d2e3f4a5b at site Kahramanmaraş centre are uncovered again. 5000 usable \
                unit(s) of NFI-BLANKET are available: a re-plan can cover them.","replanHelps":true,\
                "siteId":"5b0c7c1e-6a6f-4f50-9d59-1f1c4d1e2a10","needId":"7f3b2a10-1c2d-4e5f-8a9b-0c1d2e3f4a5b",\
                "itemCode":"NFI-BLANKET","quantity":40,"shipmentId":"3c9d6e1a-5b7f-4c2d-9e8f-0a1b2c3d4e5f",\
                "lotId":"00000000-0000-4000-8000-0000000001a4","planId":"8a1e5f52-2b9c-4d35-9e61-3f6b1c2d4e70"},
                  {"kind":"NEW_STOCK","reason":"1 usable lot(s) of NFI-BLANKET with 5000 unit(s) available, received \
                since the last approval (2023-02-07T10:15:00Z), while 40 unit(s) of it are uncovered here. A re-plan \
                can use them.","replanHelps":true,"itemCode":"NFI-BLANKET","quantity":5000,"lots":1}],
                 "notChecked":[]}""")
public record AttentionDto(
        @Schema(description = "Incident id", example = "0b6f1f8e-3c1a-4d0e-8a43-5c6c0d3c9e11") UUID incidentId,
        @Schema(description = "The incident's most recently approved plan still APPROVED; null if none",
                example = "8a1e5f52-2b9c-4d35-9e61-3f6b1c2d4e70") UUID lastApprovedPlanId,
        @Schema(description = "When that plan was approved; null if none",
                example = "2023-02-07T10:15:00Z") Instant lastApprovedAt,
        @Schema(description = "True when at least one item has replanHelps", example = "true") boolean replanAdvised,
        @Schema(description = "What changed, in the order of the kinds") List<AttentionItemDto> items,
        @Schema(description = "What could not be checked because inventory-service or shipment-service did not "
                + "answer; empty when everything was checked",
                example = "[\"shipment-service did not answer: lost lines are reported as lost or cancelled after "
                        + "dispatch, without saying which\"]") List<String> notChecked) {

    public static AttentionDto from(Attention a) {
        return new AttentionDto(a.incidentId(), a.lastApprovedPlanId(), a.lastApprovedAt(), a.replanAdvised(),
                a.items().stream().map(AttentionItemDto::from).toList(), a.notChecked());
    }
}
