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
 * The approval under way of one plan (the plan is APPROVING). Survives a crash: any replica whose scheduler finds the
 * lease expired claims it, bumping {@link #fence}, and resumes it; every later write of a driver checks the fence it
 * claimed with, so a driver that lost its lease changes nothing.
 */
@Entity
@Table(name = "approval_run")
public class ApprovalRun extends PanacheEntityBase {

    /** APPLYING: doing the steps; UNDOING: the approval failed (failure recorded) and is being undone. */
    public enum Phase {
        APPLYING, UNDOING
    }

    @Id
    @Column(name = "plan_id")
    public UUID planId;
    public int attempt;
    @Enumerated(EnumType.STRING)
    public Phase phase;
    /** The problem (JSON) the approval failed with, recorded before anything is undone. */
    public String failure;
    /** Why the last try of a step did not go through (a service down), shown while the run waits to retry. */
    @Column(name = "last_error")
    public String lastError;
    /** Not to be driven again before this time (retry back-off, or the settle delay before an undo). */
    @Column(name = "retry_at")
    public Instant retryAt;
    @Column(name = "lease_owner")
    public String leaseOwner;
    @Column(name = "lease_until")
    public Instant leaseUntil;
    public int fence;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
