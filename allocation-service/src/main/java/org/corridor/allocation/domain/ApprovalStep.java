package org.corridor.allocation.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/**
 * One remote step of an approval attempt: the reservation, a team assignment or a shipment creation. Recorded before it
 * is tried (PENDING, with its deterministic Idempotency-Key and request) and after it succeeded (DONE, with the id the
 * other service gave).
 */
@Entity
@Table(name = "approval_step")
public class ApprovalStep extends PanacheEntityBase {

    /**
     * RESERVATION, TEAM and SHIPMENT make what an approval adds; a re-plan's approval also CANCELs the base's shipments
     * it changes (their stock stays reserved for the re-plan), RELEASEs what the re-plan no longer needs and releases
     * the base's team assignments it drops (TEAM_RELEASE).
     */
    public enum Kind {
        RESERVATION, TEAM, SHIPMENT, CANCEL, RELEASE, TEAM_RELEASE
    }

    public enum State {
        PENDING, DONE
    }

    /** (plan, attempt, position). */
    @Embeddable
    public record Key(@Column(name = "plan_id") UUID planId, int attempt, int position) implements Serializable {
    }

    @EmbeddedId
    public Key id;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    /** What the step is about: the plan's reference, a team id, or a shipment's depot/site/mode. */
    public String target;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    /** The request to send (JSON), fixed when the attempt starts. */
    public String payload;
    @Enumerated(EnumType.STRING)
    public State state;
    @Column(name = "remote_id")
    public UUID remoteId;
}
