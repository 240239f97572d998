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
 * A plan's solving job in the PostgreSQL queue shared by every allocation-service replica. Claims, lease renewals and
 * fencing checks go through native SQL in {@code service/queue/PlanJobs}; this entity is for creating jobs and reading
 * them.
 */
@Entity
@Table(name = "plan_job")
public class PlanJob extends PanacheEntityBase {
    @Id
    @Column(name = "plan_id")
    public UUID planId;
    @Enumerated(EnumType.STRING)
    public PlanJobStatus status;
    /** The SolverInput snapshot taken when the plan was asked for, as JSON. */
    @Column(name = "solver_input")
    public String solverInput;
    @Column(name = "spent_limit_ms")
    public long spentLimitMs;
    @Column(name = "unimproved_limit_ms")
    public long unimprovedLimitMs;
    /** Instance id of the replica that claimed it last. */
    public String owner;
    /** Claims so far; the fencing token of the current claim. */
    public int attempt;
    /** Claims given back at a graceful shutdown. */
    public int released;
    @Column(name = "lease_expires_at")
    public Instant leaseExpiresAt;
    @Column(name = "cancel_requested_at")
    public Instant cancelRequestedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "claimed_at")
    public Instant claimedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
}
