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
 * An embargo or closed border from an origin country to a destination country, in force during [validFrom, validUntil),
 * for some or all transport modes.
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
    /** The transport modes the rule stops, comma separated (ROAD,AIR,SEA); null = every mode. */
    public String modes;

    /** The modes the rule stops; empty = every mode. */
    public java.util.Set<TransportMode> modeSet() {
        java.util.Set<TransportMode> out = java.util.EnumSet.noneOf(TransportMode.class);
        if (modes != null && !modes.isBlank()) {
            for (String m : modes.split(",")) {
                out.add(TransportMode.valueOf(m.strip()));
            }
        }
        return out;
    }
}
