package org.corridor.allocation.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** What a plan could not meet (a need's quantity or a team need's slots) and why. */
@Entity
@Table(name = "plan_unmet")
public class PlanUnmet extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "plan_id")
    public UUID planId;
    public int position;
    @Column(name = "need_id")
    public UUID needId;
    @Column(name = "team_need_id")
    public UUID teamNeedId;
    public int quantity;
    public String reason;
}
