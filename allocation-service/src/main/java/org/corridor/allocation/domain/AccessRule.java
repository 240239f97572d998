package org.corridor.allocation.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An embargo or closed border from an origin country to a destination country, in force during [validFrom, validUntil).
 */
@Entity
@Table(name = "access_rule")
public class AccessRule extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "origin_country_code")
    public String originCountryCode;
    @Column(name = "destination_country_code")
    public String destinationCountryCode;
    @Enumerated(EnumType.STRING)
    public AccessRuleKind kind;
    @Enumerated(EnumType.STRING)
    @Column(name = "applies_to")
    public AppliesTo appliesTo;
    public String reason;
    @Column(name = "valid_from")
    public Instant validFrom;
    @Column(name = "valid_until")
    public Instant validUntil;
    @Column(name = "created_at")
    public Instant createdAt;
}
