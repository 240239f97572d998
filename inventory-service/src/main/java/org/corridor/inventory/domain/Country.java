package org.corridor.inventory.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** ISO 3166-1 country with its centroid; reference data loaded by migration. */
@Entity
@Table(name = "country")
public class Country extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    public String region;
    public double latitude;
    public double longitude;
}
