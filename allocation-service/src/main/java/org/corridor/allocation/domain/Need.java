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

/** A quantity of one catalogue item asked for at one site. */
@Entity
@Table(name = "need")
public class Need extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "incident_id")
    public UUID incidentId;
    @Column(name = "site_id")
    public UUID siteId;
    @Column(name = "item_code")
    public String itemCode;
    public int quantity;
    @Enumerated(EnumType.STRING)
    public Priority priority;
    @Column(name = "deliver_by")
    public Instant deliverBy;
    @Column(name = "created_at")
    public Instant createdAt;
}
