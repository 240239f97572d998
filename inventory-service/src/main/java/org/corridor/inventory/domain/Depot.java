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

/** A warehouse holding relief stock, run by an organisation. */
@Entity
@Table(name = "depot")
public class Depot extends PanacheEntityBase {
    @Id
    public UUID id;
    public String code;
    public String name;
    @Column(name = "country_code")
    public String countryCode;
    public double latitude;
    public double longitude;
    @Column(name = "organisation_id")
    public UUID organisationId;
    @Enumerated(EnumType.STRING)
    public DepotKind kind;
    @Column(name = "created_at")
    public Instant createdAt;
    /** Ships can load here (a port): allocation-service may then plan SEA from this depot. */
    public boolean seaport;
}
