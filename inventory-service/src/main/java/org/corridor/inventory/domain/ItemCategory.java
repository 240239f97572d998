package org.corridor.inventory.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Relief item category. */
@Schema(description = "Category of a relief item")
public enum ItemCategory {
    SHELTER, WASH, FOOD, HEALTH, NFI, LOGISTICS
}
