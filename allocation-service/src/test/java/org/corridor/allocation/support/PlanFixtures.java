package org.corridor.allocation.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.corridor.allocation.domain.LineState;
import org.corridor.allocation.domain.Plan;
import org.corridor.allocation.domain.PlanJob;
import org.corridor.allocation.domain.PlanJobStatus;
import org.corridor.allocation.domain.PlanLine;
import org.corridor.allocation.domain.PlanStatus;
import org.corridor.allocation.domain.PlanTeamAssignment;
import org.corridor.allocation.domain.TransportMode;
import org.corridor.common.time.DbClock;

/**
 * Plans written straight to the database, in the state a test needs (approved, with lines already lost, delivered or
 * cancelled, team assignments; or solved from a given snapshot), when getting there through approval and shipment
 * events would take other services. What is written is what approval and coverage would have written.
 */
public final class PlanFixtures {

    private final UUID incidentId;
    private PlanStatus status = PlanStatus.APPROVED;
    private Instant createdAt = DbClock.now();
    private Instant approvedAt = DbClock.now();
    private String solverInput = "{}";
    private final List<PlanLine> lines = new ArrayList<>();
    private final List<PlanTeamAssignment> teams = new ArrayList<>();

    private PlanFixtures(UUID incidentId) {
        this.incidentId = incidentId;
    }

    /** An APPROVED plan of the incident, created and approved now, with no lines yet. */
    public static PlanFixtures approved(String incidentId) {
        return new PlanFixtures(UUID.fromString(incidentId));
    }

    /** A SOLVED plan of the incident made now from the given solver input (JSON). */
    public static PlanFixtures solved(String incidentId, String solverInput) {
        PlanFixtures p = new PlanFixtures(UUID.fromString(incidentId));
        p.status = PlanStatus.SOLVED;
        p.approvedAt = null;
        p.solverInput = solverInput;
        return p;
    }

    public PlanFixtures solverInput(String json) {
        this.solverInput = json;
        return this;
    }

    /**
     * A line of {@code quantity} units for the need, from {@code lotId} in {@code origin}, travelling from tomorrow for
     * two days, in {@code state}; its shipment id is returned by {@link #lastShipment()}.
     */
    public PlanFixtures line(String needId, String siteId, String itemCode, UUID lotId, String origin, int quantity,
            LineState state) {
        return line(needId, siteId, itemCode, lotId, origin, quantity, state, 0, 0);
    }

    public PlanFixtures line(String needId, String siteId, String itemCode, UUID lotId, String origin, int quantity,
            LineState state, int delivered, int rejected) {
        PlanLine l = new PlanLine();
        l.id = UUID.randomUUID();
        l.position = lines.size();
        l.needId = UUID.fromString(needId);
        l.siteId = UUID.fromString(siteId);
        l.itemCode = itemCode;
        l.lotId = lotId;
        l.depotId = UUID.randomUUID();
        l.originCountryCode = origin;
        l.quantity = quantity;
        l.mode = TransportMode.ROAD;
        l.departsAt = DbClock.now().plus(Duration.ofDays(1));
        l.arrivesAt = l.departsAt.plus(Duration.ofDays(2));
        l.state = state;
        l.shipmentId = UUID.randomUUID();
        l.delivered = delivered;
        l.rejected = rejected;
        lines.add(l);
        return this;
    }

    public UUID lastShipment() {
        return lines.get(lines.size() - 1).shipmentId;
    }

    public PlanLine lastLine() {
        return lines.get(lines.size() - 1);
    }

    public PlanFixtures team(String teamNeedId, UUID teamId) {
        PlanTeamAssignment a = new PlanTeamAssignment();
        a.id = UUID.randomUUID();
        a.position = teams.size();
        a.teamNeedId = UUID.fromString(teamNeedId);
        a.teamId = teamId;
        a.arrivesAt = DbClock.now().plus(Duration.ofDays(1));
        teams.add(a);
        return this;
    }

    /** Writes the plan, its job (DONE, with the solver input), its lines and team assignments; returns its id. */
    public UUID save() {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            Plan p = new Plan();
            p.id = id;
            p.status = status;
            p.incidentIds.add(incidentId);
            p.planFrom = createdAt;
            p.spentLimitSeconds = 5;
            p.unimprovedLimitSeconds = 2;
            p.feasible = true;
            p.createdAt = createdAt;
            p.updatedAt = createdAt;
            p.finishedAt = createdAt;
            p.approvedAt = approvedAt;
            p.persist();
            PlanJob job = new PlanJob();
            job.planId = id;
            job.status = PlanJobStatus.DONE;
            job.solverInput = solverInput;
            job.spentLimitMs = 5000;
            job.unimprovedLimitMs = 2000;
            job.createdAt = createdAt;
            job.finishedAt = createdAt;
            job.persist();
            for (PlanLine l : lines) {
                l.planId = id;
                l.persist();
            }
            for (PlanTeamAssignment a : teams) {
                a.planId = id;
                a.persist();
            }
        });
        return id;
    }
}
