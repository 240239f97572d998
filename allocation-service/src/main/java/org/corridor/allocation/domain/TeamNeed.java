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

/** A number of teams of one type asked for at one site. */
@Entity
@Table(name = "team_need")
public class TeamNeed extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "incident_id")
    public UUID incidentId;
    @Column(name = "site_id")
    public UUID siteId;
    @Enumerated(EnumType.STRING)
    @Column(name = "team_type")
    public TeamType teamType;
    public int count;
    @Column(name = "needed_by")
    public Instant neededBy;
    @Column(name = "created_at")
    public Instant createdAt;
}
