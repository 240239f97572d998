package org.corridor.allocation.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/** One allocation plan: its status, score and, in separate tables, its lines, team assignments and unmet entries. */
@Entity
@Table(name = "plan")
public class Plan extends PanacheEntityBase {
    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public PlanStatus status;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "plan_incident", joinColumns = @JoinColumn(name = "plan_id"))
    @Column(name = "incident_id")
    public Set<UUID> incidentIds = new LinkedHashSet<>();
    @Column(name = "plan_from")
    public Instant planFrom;
    @Column(name = "spent_limit_seconds")
    public long spentLimitSeconds;
    @Column(name = "unimproved_limit_seconds")
    public long unimprovedLimitSeconds;
    /** Constraint weights used (JSON object), configuration merged with the request's. */
    public String weights;
    public String score;
    @Column(name = "hard_score")
    public Long hardScore;
    @Column(name = "medium_score")
    public Long mediumScore;
    @Column(name = "soft_score")
    public Long softScore;
    public Boolean feasible;
    @Column(name = "stopped_early")
    public boolean stoppedEarly;
    @Column(name = "failure_reason")
    public String failureReason;
    /** PlanAnalysis as JSON, stored when solving ends. */
    public String analysis;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    /** The plan's inventory reservation, once APPROVED. */
    @Column(name = "reservation_id")
    public UUID reservationId;
    @Column(name = "approved_at")
    public Instant approvedAt;
    /** The approval answer as JSON, once APPROVED; replayed to every later approval. */
    public String approval;
    /** The problem (JSON) of the last failed approval, cleared when an approval starts. */
    @Column(name = "approval_error")
    public String approvalError;
    /** The APPROVED plan this one re-plans; null for a plan from scratch. */
    @Column(name = "base_plan_id")
    public UUID basePlanId;
    /** Whether the base's approved, undispatched lines could be changed (each change costs in the score). */
    @Column(name = "release_undispatched")
    public boolean releaseUndispatched;
}
