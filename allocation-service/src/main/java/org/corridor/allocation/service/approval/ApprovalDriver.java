package org.corridor.allocation.service.approval;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.corridor.allocation.client.inventory.InventoryClient;
import org.corridor.allocation.client.inventory.InventoryGateway;
import org.corridor.allocation.client.shipment.ShipmentClient;
import org.corridor.allocation.client.shipment.ShipmentGateway;
import org.corridor.allocation.config.AllocationConfig;
import org.corridor.allocation.domain.ApprovalRun;
import org.corridor.allocation.domain.ApprovalStep;
import org.corridor.allocation.domain.PlanStatus;
import org.corridor.allocation.service.approval.ApprovalFailures.StockRefused;
import org.corridor.allocation.service.approval.ApprovalFailures.TeamRefused;
import org.corridor.allocation.service.approval.ApprovalRuns.Claim;
import org.corridor.allocation.service.approval.ApprovalRuns.LeaseLost;
import org.corridor.allocation.service.queue.PlanWorker;
import org.corridor.common.client.UpstreamException;
import org.corridor.common.client.UpstreamUnavailableException;
import org.corridor.common.problem.ProblemException;
import org.corridor.common.time.DbClock;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Drives approvals on a small pool of threads, never inside a database transaction: each remote call happens between
 * two short transactions that record the step before (at the start of the attempt) and after it ({@link ApprovalRuns}).
 * <ul>
 * <li>A step whose outcome is unknown (service down, 5xx, timeout) is retried later with the same Idempotency-Key, so
 * the other service answers what it did the first time; after {@code give-up-after} the approval fails.</li>
 * <li>A refusal (stock taken, team gone, a 4xx) fails the approval at once.</li>
 * <li>A failure is recorded first (the run turns UNDOING); then {@link ApprovalUndo} reconciles and undoes, after the
 * settle delay when some request's outcome was unknown, so a late commit on the other side is found too.</li>
 * </ul>
 * Any replica drives any approval whose lease has expired ({@link ApprovalSweeper}); a driver that lost its lease stops
 * at its next write.
 */
@ApplicationScoped
public class ApprovalDriver {

    private static final Logger LOG = Logger.getLogger(ApprovalDriver.class);

    private final ApprovalRuns runs;
    private final ApprovalSteps steps;
    private final ApprovalUndo undo;
    private final InventoryGateway inventory;
    private final ShipmentGateway shipments;
    private final AllocationConfig.Approval settings;
    private final String owner;
    private final ExecutorService pool;
    private final Set<UUID> local = ConcurrentHashMap.newKeySet();
    private final Object changed = new Object();

    public ApprovalDriver(ApprovalRuns runs, ApprovalSteps steps, ApprovalUndo undo, InventoryGateway inventory,
            ShipmentGateway shipments, AllocationConfig config, PlanWorker worker) {
        this.runs = runs;
        this.steps = steps;
        this.undo = undo;
        this.inventory = inventory;
        this.shipments = shipments;
        this.settings = config.approval();
        this.owner = worker.instanceId();
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(settings.workers(), r -> {
            Thread t = new Thread(r, "approval-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    void shutdown(@Observes ShutdownEvent e) {
        pool.shutdownNow();
    }

    /** Queues the plan's approval on this replica unless it is already queued or running here. */
    public void submit(UUID planId) {
        if (local.add(planId)) {
            try {
                pool.execute(() -> {
                    try {
                        drive(planId);
                    } finally {
                        local.remove(planId);
                        signal();
                    }
                });
            } catch (RuntimeException e) {
                local.remove(planId);
                LOG.warnf("approval of plan %s not queued here (%s); another sweep will pick it up", planId, e);
            }
        }
    }

    /** Whether this replica has the plan's approval queued or running. */
    boolean isLocal(UUID planId) {
        return local.contains(planId);
    }

    /** Waits until some approval on this replica changed, or {@code max}. */
    void awaitChange(Duration max) throws InterruptedException {
        synchronized (changed) {
            changed.wait(Math.max(1, max.toMillis()));
        }
    }

    private void signal() {
        synchronized (changed) {
            changed.notifyAll();
        }
    }

    void drive(UUID planId) {
        Claim claim;
        try {
            claim = runs.claim(planId, owner, settings.lease()).orElse(null);
        } catch (RuntimeException e) {
            LOG.warnf("approval of plan %s: cannot claim it now (%s); the sweep tries again", planId, e.toString());
            return;
        }
        if (claim == null) {
            return;
        }
        try {
            if (claim.phase() == ApprovalRun.Phase.APPLYING) {
                claim = apply(claim);
            }
            if (claim != null && claim.phase() == ApprovalRun.Phase.UNDOING) {
                undo(claim);
            }
        } catch (LeaseLost e) {
            LOG.infof("%s; this driver stops", e.getMessage());
        } catch (RuntimeException e) {
            // the database itself is failing: leave the run as recorded, the lease runs out and a sweep resumes it
            LOG.warnf(e, "approval of plan %s interrupted; it is resumed when its lease expires", planId);
        }
    }

    /** Does the pending steps; returns the claim to undo with, or null when the run ended or was postponed. */
    private Claim apply(Claim claim) {
        List<ApprovalStep> all = runs.steps(claim.planId(), claim.attempt());
        UUID reservationId = all.stream()
                .filter(s -> s.kind == ApprovalStep.Kind.RESERVATION && s.remoteId != null).map(s -> s.remoteId)
                .findFirst().orElse(null);
        // a re-plan's approval that cancelled base shipments only goes forward once it has moved their stock
        boolean cancels = all.stream().anyMatch(s -> s.kind == ApprovalStep.Kind.CANCEL);
        boolean forwardOnly = false;
        for (ApprovalStep step : all) {
            boolean stockStep = step.kind == ApprovalStep.Kind.RESERVATION || step.kind == ApprovalStep.Kind.RELEASE;
            forwardOnly |= cancels && stockStep;
            if (step.state == ApprovalStep.State.DONE) {
                continue;
            }
            UUID remoteId;
            try {
                remoteId = perform(claim.planId(), step, reservationId);
            } catch (UpstreamUnavailableException | TimeoutException e) {
                if (forwardOnly) {
                    return goOn(claim, ApprovalFailures.describe(e));
                }
                return unknownOutcome(claim, e);
            } catch (LeaseLost e) {
                throw e;
            } catch (RuntimeException e) {
                // the hand-over's own refusal changed nothing (one inventory transaction): it can still fail cleanly
                if (forwardOnly && !(stockStep && e instanceof StockRefused)) {
                    return goOn(claim, "refused: " + ApprovalFailures.describe(e));
                }
                String problem = problem(ApprovalFailures.problem(e, "Approval failed: " + ApprovalFailures
                        .describe(e)));
                Instant undoAt = claim.hadUnknownOutcome()
                        ? DbClock.now().plus(settings.settleDelay())
                        : DbClock.now();
                LOG.warnf("approval of plan %s (attempt %d) refused at step %d: %s", claim.planId(), claim.attempt(),
                        step.id.position(), ApprovalFailures.describe(e));
                return runs.fail(claim, problem, undoAt, null);
            }
            runs.stepDone(claim, settings.lease(), step.id.position(), remoteId);
            step.remoteId = remoteId;
            step.state = ApprovalStep.State.DONE;
            if (step.kind == ApprovalStep.Kind.RESERVATION) {
                reservationId = remoteId;
            }
        }
        finish(claim, all, reservationId);
        return null;
    }

    /**
     * Past the point of no return of a re-plan's approval (base shipments cancelled, their stock moved): never give up,
     * never undo; retry later with the same keys and say why it waits.
     */
    private Claim goOn(Claim claim, String why) {
        String waiting = "the re-plan's approval goes on (base shipments already cancelled): " + why;
        LOG.warnf("approval of plan %s: %s; retrying in %s", claim.planId(), waiting, settings.retryEvery());
        runs.postpone(claim, DbClock.now().plus(settings.retryEvery()), waiting);
        return null;
    }

    /** A service down: retry later with the same keys, or give up and undo once the outcome has settled. */
    private Claim unknownOutcome(Claim claim, RuntimeException e) {
        String why = ApprovalFailures.describe(e);
        Instant now = DbClock.now();
        if (now.isBefore(claim.startedAt().plus(settings.giveUpAfter()))) {
            LOG.infof("approval of plan %s: %s; retrying in %s", claim.planId(), why, settings.retryEvery());
            runs.postpone(claim, now.plus(settings.retryEvery()), why);
            return null;
        }
        String problem = problem(ApprovalFailures.problem(e, "Approval failed: " + why + " for longer than "
                + settings.giveUpAfter().toSeconds() + " s"));
        LOG.warnf("approval of plan %s (attempt %d) gives up: %s", claim.planId(), claim.attempt(), why);
        Claim failed = runs.fail(claim, problem, now.plus(settings.settleDelay()), why);
        if (settings.settleDelay().isZero()) {
            return failed;
        }
        runs.letGo(failed);
        return null;
    }

    private UUID perform(UUID planId, ApprovalStep step, UUID reservationId) {
        switch (step.kind) {
            case RESERVATION -> {
                InventoryClient.ReservationRequest r = steps.read(step.payload,
                        InventoryClient.ReservationRequest.class);
                try {
                    return id(r.releasing() == null
                            ? inventory.reserve(step.idempotencyKey, r.reference(), r.lines())
                            : inventory.reserve(step.idempotencyKey, r.reference(), r.lines(), r.releasing()));
                } catch (UpstreamException e) {
                    if (e instanceof UpstreamUnavailableException || e.status() != 409) {
                        throw e;
                    }
                    throw new StockRefused(e, runs.itemOfLots(planId));
                }
            }
            case TEAM -> {
                UUID teamId = UUID.fromString(step.target);
                try {
                    inventory.assignTeam(teamId, ApprovalSteps.reference(planId));
                    return teamId;
                } catch (UpstreamException e) {
                    if (e instanceof UpstreamUnavailableException || (e.status() != 409 && e.status() != 404)) {
                        throw e;
                    }
                    throw new TeamRefused(teamId, e);
                }
            }
            case SHIPMENT -> {
                ShipmentClient.ShipmentRequest r = steps.read(step.payload, ShipmentClient.ShipmentRequest.class);
                ShipmentClient.ShipmentRequest withReservation = new ShipmentClient.ShipmentRequest(r.planId(),
                        r.originDepotId(), r.originCountryCode(), r.siteId(), r.siteName(),
                        r.destinationCountryCode(), r.incidentId(), r.mode(), r.vehicles(), r.lines(),
                        r.plannedDeparture(), r.estimatedArrival(), reservationId);
                return id(shipments.createShipment(step.idempotencyKey, withReservation));
            }
            case CANCEL -> {
                DeltaSteps.Cancel c = steps.read(step.payload, DeltaSteps.Cancel.class);
                shipments.cancelKeepingStock(c.shipmentId(), "re-planned by plan " + planId
                        + "; its stock stays reserved for the re-plan", c.reservationId());
                return c.shipmentId();
            }
            case RELEASE -> {
                InventoryClient.SettlementRequest r = steps.read(step.payload, InventoryClient.SettlementRequest.class);
                UUID source = UUID.fromString(step.target);
                inventory.releaseLines(source, r.reference(), r.lines());
                return source;
            }
            case TEAM_RELEASE -> {
                UUID teamId = UUID.fromString(step.target);
                DeltaSteps.TeamRelease r = steps.read(step.payload, DeltaSteps.TeamRelease.class);
                try {
                    inventory.releaseTeam(teamId, r.reference());
                } catch (UpstreamException e) {
                    // 409: assigned under another reference now, 404: gone; either way no longer this plan's
                    if (e instanceof UpstreamUnavailableException || (e.status() != 404 && e.status() != 409)) {
                        throw e;
                    }
                }
                return teamId;
            }
            default -> throw new IllegalStateException("unknown step " + step.kind);
        }
    }

    private void finish(Claim claim, List<ApprovalStep> all, UUID reservationId) {
        Instant now = DbClock.now();
        List<PlanApproval.Shipment> shipped = new ArrayList<>();
        Map<String, UUID> byTarget = new LinkedHashMap<>();
        for (ApprovalStep s : all) {
            if (s.kind != ApprovalStep.Kind.SHIPMENT) {
                continue;
            }
            ShipmentClient.ShipmentRequest r = steps.read(s.payload, ShipmentClient.ShipmentRequest.class);
            byTarget.put(s.target, s.remoteId);
            shipped.add(new PlanApproval.Shipment(s.remoteId, r.originDepotId(), r.siteId(), r.incidentId(),
                    org.corridor.allocation.domain.TransportMode.valueOf(r.mode()), r.vehicles(),
                    r.plannedDeparture(), r.estimatedArrival(), r.lines().stream()
                            .map(l -> new PlanApproval.ShipmentLine(l.itemCode(), l.lotId(), l.quantity(),
                                    l.weightKg()))
                            .toList()));
        }
        PlanApproval approval = new PlanApproval(claim.planId(), PlanStatus.APPROVED, reservationId, now, shipped,
                runs.teamAssignments(claim.planId()));
        runs.finish(claim, approval, steps.json(approval), byTarget);
        LOG.infof("plan %s APPROVED (attempt %d): %d shipment(s)", claim.planId(), claim.attempt(), shipped.size());
    }

    private void undo(Claim claim) {
        if (claim.retryAt() != null && claim.retryAt().isAfter(DbClock.now())) {
            runs.letGo(claim);
            return;
        }
        String summary;
        try {
            summary = undo.undo(claim.planId(), runs.steps(claim.planId(), claim.attempt()));
        } catch (UpstreamUnavailableException | TimeoutException e) {
            String why = "undoing the failed approval waits: " + ApprovalFailures.describe(e);
            LOG.warnf("approval of plan %s: %s; retrying in %s", claim.planId(), why, settings.retryEvery());
            runs.postpone(claim, DbClock.now().plus(settings.retryEvery()), why);
            return;
        } catch (UpstreamException e) {
            String why = "undoing the failed approval was refused: " + ApprovalFailures.describe(e);
            LOG.errorf("approval of plan %s: %s; retrying in %s", claim.planId(), why, settings.retryEvery());
            runs.postpone(claim, DbClock.now().plus(settings.retryEvery()), why);
            return;
        }
        runs.undone(claim, ApprovalFailures.withUndo(claim.failure(), summary));
        LOG.infof("approval of plan %s (attempt %d) undone: %s", claim.planId(), claim.attempt(), summary);
    }

    private String problem(ProblemException p) {
        return steps.json(p.toProblem());
    }

    private static UUID id(JsonNode created) {
        return UUID.fromString(created.get("id").asText());
    }
}
