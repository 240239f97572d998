package org.corridor.allocation.service.approval;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.corridor.allocation.client.inventory.InventoryClient;
import org.corridor.allocation.client.inventory.InventoryGateway;
import org.corridor.allocation.domain.PlanStatus;
import org.corridor.common.client.ListPages;
import org.corridor.common.client.UpstreamException;
import org.corridor.common.client.UpstreamUnavailableException;
import org.corridor.common.time.DbClock;
import org.jboss.logging.Logger;

/**
 * Releases teams that approvals which already ended left assigned in inventory: the team counterpart of
 * {@link OrphanReservations}. An assignment request that stayed blocked in inventory past the undo's look (the team's
 * row locked, a stalled database) commits afterwards under {@code plan-<id>}, and the team then stays ASSIGNED to a
 * plan that is SOLVED again, unavailable to every other plan, for good. So every
 * {@code corridor.approval.orphan-sweep-every} each replica lists the ASSIGNED teams, <em>then</em> reads the plans of
 * those assigned under {@code plan-<uuid>}, and releases ({@code DELETE /teams/{id}/assignment?reference=plan-<id>})
 * those whose plan holds nothing.
 * <p>
 * Which to release ({@link #decide}): every team of a plan that is SOLVING, SOLVED, FAILED or CANCELLED; of an APPROVED
 * plan, a team that is none of its team assignments. Teams of an APPROVING plan, of a SUPERSEDED one (a re-plan keeps
 * its base's teams under the base's reference), of a plan this service does not know or assigned under any other
 * reference are never touched.
 * <p>
 * <b>Why a fence, which reservations do not need.</b> A reservation is released by its id, and a new approval attempt
 * makes a new reservation, so the reservation sweep can never release what a newer attempt holds. A team is released by
 * its reference, which every attempt of a plan shares, and assigning a team already assigned under the same reference
 * answers as if it had just been assigned. Without more, a new attempt starting between the sweep's read of the plan
 * (SOLVED) and its release would take the leftover assignment as its own, the sweep would then free it, and the plan
 * would be APPROVED with a team it does not have. So before it releases anything for a plan that holds nothing, the
 * sweep sets the plan's {@code orphan_sweep_until} to now + {@link #FENCE}, in one statement that also requires the
 * plan to still hold nothing and no other replica's fence to be running. An approval that starts while the fence runs
 * still becomes APPROVING, but its steps are due only when the fence ends ({@link ApprovalService#start}); the sweep
 * sends no release once less than {@link #MARGIN} of the fence is left (a call, retries included, ends well within it),
 * and when it is done it lifts its fence and makes such an approval due at once. An approval that started before the
 * fence made the plan APPROVING, so the fence is not set and nothing of that plan is released.
 * <p>
 * Several replicas: one fence per plan at a time (the others skip the plan until it ends), and every release names the
 * reference, so a repeat answers 200 (the team is AVAILABLE) or 409 (assigned under another reference, left as it is).
 * No transaction is held across an HTTP call.
 */
@ApplicationScoped
public class OrphanTeams {

    private static final Logger LOG = Logger.getLogger(OrphanTeams.class);

    /** How long a plan is fenced while its orphan teams are released (lifted as soon as the sweep is done). */
    static final Duration FENCE = Duration.ofMinutes(5);
    /**
     * No release is sent once less than this is left of the fence: longer than one gateway call with its retries (3 x
     * 10 s), with room for a release that commits in inventory after the call timed out.
     */
    static final Duration MARGIN = Duration.ofMinutes(3);
    /** At most this many assigned teams are looked at per sweep; the rest wait for the next one. */
    static final int MAX_PER_SWEEP = 10_000;

    private final InventoryGateway inventory;
    private final EntityManager em;

    public OrphanTeams(InventoryGateway inventory, EntityManager em) {
        this.inventory = inventory;
        this.em = em;
    }

    /** What the sweep knows about a plan: its status and the teams its team assignments name. */
    public record PlanTeams(PlanStatus status, Set<UUID> teamIds) {
    }

    @Scheduled(every = "${corridor.approval.orphan-sweep-every}", delayed = "${corridor.approval.orphan-sweep-every}",
            identity = "orphan-teams",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        OrphanReservations.scheduledSweep(LOG, "orphan team sweep", "inventory-service", this::sweep);
    }

    /**
     * One pass: lists the ASSIGNED teams, then reads the plans of those assigned under {@code plan-<uuid>}, then
     * releases the orphans, fencing each plan that holds nothing first. A release that is refused is logged and tried
     * again at the next sweep.
     */
    public OrphanReservations.Sweep sweep() {
        List<InventoryClient.Team> assigned = assignedPlanTeams();
        if (assigned.isEmpty()) {
            return new OrphanReservations.Sweep(0, 0, 0);
        }
        Map<UUID, List<UUID>> teamsByPlan = new LinkedHashMap<>();
        assigned.forEach(t -> OrphanReservations.planOf(t.assignmentReference())
                .ifPresent(p -> teamsByPlan.computeIfAbsent(p, k -> new ArrayList<>()).add(t.id())));
        // read AFTER listing: an approval that starts later assigns after this read (see the class comment)
        Map<UUID, PlanTeams> plans = QuarkusTransaction.requiringNew().call(() -> read(teamsByPlan.keySet()));
        int released = 0;
        int failed = 0;
        for (Map.Entry<UUID, List<UUID>> e : teamsByPlan.entrySet()) {
            UUID planId = e.getKey();
            PlanTeams plan = plans.get(planId);
            List<UUID> orphans = e.getValue().stream().filter(t -> decide(t, plan)).toList();
            if (orphans.isEmpty()) {
                continue;
            }
            Optional<Instant> fence = plan.status() == PlanStatus.APPROVED ? Optional.empty() : fence(planId);
            if (plan.status() != PlanStatus.APPROVED && fence.isEmpty()) {
                continue; // it moved on since it was read, or another replica is releasing its teams
            }
            try {
                for (UUID teamId : orphans) {
                    if (fence.isPresent() && !DbClock.now().plus(MARGIN).isBefore(fence.get())) {
                        LOG.infof("orphan team sweep of plan %s: its fence ends soon; the rest waits for the next "
                                + "sweep", planId);
                        break;
                    }
                    switch (release(planId, teamId, plan)) {
                        case RELEASED -> released++;
                        case FAILED -> failed++;
                        case LEFT -> {
                        }
                    }
                }
            } finally {
                fence.ifPresent(until -> lift(planId, until));
            }
        }
        return new OrphanReservations.Sweep(assigned.size(), released, failed);
    }

    /**
     * Whether team {@code teamId}, assigned under the reference of a plan in state {@code plan} (null: the plan is not
     * known here), is an orphan to release.
     */
    static boolean decide(UUID teamId, PlanTeams plan) {
        if (plan == null || plan.status() == null) {
            return false;
        }
        if (OrphanReservations.HOLDING_NOTHING.contains(plan.status())) {
            return true;
        }
        return plan.status() == PlanStatus.APPROVED && !plan.teamIds().contains(teamId);
    }

    /** What became of one release. */
    enum Released {
        /** Released (or found AVAILABLE). */
        RELEASED,
        /** Gone, or assigned under another reference meanwhile: not this plan's any more, left as it is. */
        LEFT,
        /** Refused otherwise: tried again at the next sweep. */
        FAILED
    }

    /** Releases one team if it is still assigned under the plan's reference. */
    private Released release(UUID planId, UUID teamId, PlanTeams plan) {
        try {
            inventory.releaseTeam(teamId, ApprovalSteps.reference(planId));
            LOG.infof("released team %s of plan %s, which is %s: it was assigned by an approval that had already "
                    + "ended", teamId, planId, plan.status());
            return Released.RELEASED;
        } catch (UpstreamUnavailableException e) {
            throw e;
        } catch (UpstreamException e) {
            if (e.status() == 404 || e.status() == 409) {
                return Released.LEFT;
            }
            LOG.warnf("could not release orphan team %s of plan %s (%d %s); trying again at the next sweep", teamId,
                    planId, e.status(), e.getMessage());
            return Released.FAILED;
        }
    }

    /**
     * Fences the plan if it still holds nothing and no other fence runs; answers the fence's end, or empty when the
     * plan was not fenced.
     */
    Optional<Instant> fence(UUID planId) {
        Instant until = DbClock.now().plus(FENCE);
        int n = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("UPDATE plan "
                + "SET orphan_sweep_until = ?1 WHERE id = ?2 AND status IN (" + holdingNothing() + ") "
                + "AND (orphan_sweep_until IS NULL OR orphan_sweep_until < now())").setParameter(1, until)
                .setParameter(2, planId).executeUpdate());
        return n == 1 ? Optional.of(until) : Optional.empty();
    }

    /** Lifts this sweep's fence, and makes an approval that started meanwhile (and waits for it) due now. */
    void lift(UUID planId, Instant until) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("UPDATE plan SET orphan_sweep_until = NULL WHERE id = ?1 "
                        + "AND orphan_sweep_until = ?2").setParameter(1, planId).setParameter(2, until)
                        .executeUpdate();
                em.createNativeQuery("UPDATE approval_run SET retry_at = now(), last_error = NULL "
                        + "WHERE plan_id = ?1 AND retry_at = ?2").setParameter(1, planId).setParameter(2, until)
                        .executeUpdate();
            });
        } catch (RuntimeException e) {
            // the fence simply runs out; an approval waiting for it is due then
            LOG.warnf("could not lift the orphan team fence of plan %s (%s); it ends at %s", planId, e.toString(),
                    until);
        }
    }

    private static String holdingNothing() {
        return OrphanReservations.HOLDING_NOTHING.stream().map(s -> "'" + s.name() + "'")
                .collect(Collectors.joining(", "));
    }

    private List<InventoryClient.Team> assignedPlanTeams() {
        return ListPages.collect(inventory::assignedTeams, t -> "ASSIGNED".equals(t.status())
                && OrphanReservations.planOf(t.assignmentReference()).isPresent(), MAX_PER_SWEEP, Integer.MAX_VALUE);
    }

    private Map<UUID, PlanTeams> read(Set<UUID> planIds) {
        Map<UUID, PlanStatus> status = new HashMap<>();
        Map<UUID, Set<UUID>> teams = new HashMap<>();
        List<UUID> ids = List.copyOf(planIds);
        for (int from = 0; from < ids.size(); from += 1000) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            em.createQuery("select p.id, p.status from Plan p where p.id in :ids", Object[].class)
                    .setParameter("ids", chunk).getResultList()
                    .forEach(row -> status.put((UUID) row[0], (PlanStatus) row[1]));
            em.createQuery("select a.planId, a.teamId from PlanTeamAssignment a where a.planId in :ids",
                    Object[].class).setParameter("ids", chunk).getResultList()
                    .forEach(row -> teams.computeIfAbsent((UUID) row[0], k -> new HashSet<>()).add((UUID) row[1]));
        }
        Map<UUID, PlanTeams> out = new HashMap<>();
        status.forEach((id, s) -> out.put(id, new PlanTeams(s, teams.getOrDefault(id, Set.of()))));
        return out;
    }
}
