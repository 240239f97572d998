package org.corridor.inventory.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A government body, UN agency, NGO, Red Cross/Red Crescent society, donor agency or company. */
@Entity
@Table(name = "organisation")
public class Organisation extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    @Enumerated(EnumType.STRING)
    public OrganisationType type;
    @Column(name = "country_code")
    public String countryCode;
    @Column(name = "created_at")
    public Instant createdAt;
}
