package org.corridor.inventory.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** INSARAG urban search and rescue classes, WHO Emergency Medical Team types, and support teams. */
@Schema(description = "INSARAG search and rescue class, WHO emergency medical team type, or support team type")
public enum TeamType {
    USAR_LIGHT, USAR_MEDIUM, USAR_HEAVY, EMT_TYPE_1_MOBILE, EMT_TYPE_1_FIXED, EMT_TYPE_2, EMT_TYPE_3, EMT_SPECIALISED_CELL, WASH, LOGISTICS
}
