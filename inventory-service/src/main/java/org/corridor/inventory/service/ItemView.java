package org.corridor.inventory.service;

import org.corridor.inventory.domain.Item;
import org.corridor.inventory.domain.ItemCategory;

/** A catalogue item; {@code shelfLifeDays} is null for durable goods. */
public record ItemView(String code, String name, ItemCategory category, String unit, double unitWeightKg,
        double unitVolumeM3, Integer shelfLifeDays) {

    static ItemView of(Item i) {
        return new ItemView(i.code, i.name, i.category, i.unit, i.unitWeightKg, i.unitVolumeM3, i.shelfLifeDays);
    }
}
