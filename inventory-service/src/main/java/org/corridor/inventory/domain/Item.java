package org.corridor.inventory.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A catalogue item; quantities of it are integers in its unit. */
@Entity
@Table(name = "item")
public class Item extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    @Enumerated(EnumType.STRING)
    public ItemCategory category;
    public String unit;
    @Column(name = "unit_weight_kg")
    public double unitWeightKg;
    @Column(name = "unit_volume_m3")
    public double unitVolumeM3;
    /** Null for items that do not perish. */
    @Column(name = "shelf_life_days")
    public Integer shelfLifeDays;
}
