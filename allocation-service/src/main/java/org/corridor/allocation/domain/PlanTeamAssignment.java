package org.corridor.allocation.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One team sent to one team need. */
@Entity
@Table(name = "plan_team_assignment")
public class PlanTeamAssignment extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "plan_id")
    public UUID planId;
    public int position;
    @Column(name = "team_need_id")
    public UUID teamNeedId;
    @Column(name = "team_id")
    public UUID teamId;
    @Column(name = "arrives_at")
    public Instant arrivesAt;
    /** The reference the team was assigned under in inventory, once approved (kept by a re-plan that keeps it). */
    public String reference;
    /** Taken over (or removed) by an approved re-plan: no longer counts towards coverage. */
    public boolean superseded;
}
