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

/** A rescue, medical, WASH or logistics team that can be committed to an incident. */
@Entity
@Table(name = "team")
public class Team extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    @Column(name = "country_code")
    public String countryCode;
    @Column(name = "organisation_id")
    public UUID organisationId;
    @Enumerated(EnumType.STRING)
    public TeamType type;
    public int members;
    @Column(name = "base_latitude")
    public double baseLatitude;
    @Column(name = "base_longitude")
    public double baseLongitude;
    @Column(name = "mobilisation_hours")
    public int mobilisationHours;
    @Column(name = "self_sufficiency_days")
    public int selfSufficiencyDays;
    @Enumerated(EnumType.STRING)
    public TeamStatus status;
    @Column(name = "assignment_reference")
    public String assignmentReference;
    @Column(name = "assigned_at")
    public Instant assignedAt;
    @Column(name = "created_at")
    public Instant createdAt;
}
