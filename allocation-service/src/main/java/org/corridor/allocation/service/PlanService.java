package org.corridor.allocation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.corridor.allocation.config.AllocationConfig;
import org.corridor.allocation.domain.Incident;
import org.corridor.allocation.domain.IncidentStatus;
import org.corridor.allocation.domain.Need;
import org.corridor.allocation.domain.PlanStatus;
import org.corridor.allocation.domain.Site;
import org.corridor.allocation.domain.TeamNeed;
import org.corridor.allocation.service.SolverInputBuilder.PlanningData;
import org.corridor.allocation.service.coverage.CoverageService;
import org.corridor.allocation.service.queue.PlanJobs;
import org.corridor.allocation.service.queue.PlanSolver;
import org.corridor.allocation.service.replan.BasePlans;
import org.corridor.allocation.service.replan.ReplanBase;
import org.corridor.allocation.solver.api.AllocationPlanner;
import org.corridor.allocation.solver.api.SolverInput;
import org.corridor.common.problem.ProblemException;
import org.corridor.common.time.DbClock;

/**
 * Asking for a plan and stopping it. A request is checked and turned into a {@link SolverInput} from the incidents'
 * needs and inventory's snapshot of available stock and teams ({@link #prepare}, outside any transaction); then the
 * plan is recorded as SOLVING together with its job in the PostgreSQL queue ({@link #submit}), and whichever replica
 * claims the job solves it ({@code service/queue}). Unknown incidents in the body are a 422 (the resource /plans
 * exists; the body refers to things that do not).
 */
@ApplicationScoped
public class PlanService {

    /** A plan request; null values take the configured defaults. */
    public record NewPlan(List<UUID> incidentIds, Instant planFrom, Duration spentLimit,
            Duration unimprovedSpentLimit, Map<String, Long> weights, UUID basePlanId, boolean releaseUndispatched) {

        public NewPlan(List<UUID> incidentIds, Instant planFrom, Duration spentLimit, Duration unimprovedSpentLimit,
                Map<String, Long> weights) {
            this(incidentIds, planFrom, spentLimit, unimprovedSpentLimit, weights, null, false);
        }
    }

    /** A checked plan request with its solver input (as JSON), ready to be recorded. */
    public record Submission(Set<UUID> incidentIds, Instant planFrom, Duration spentLimit,
            Duration unimprovedSpentLimit, Map<String, Long> weights, String solverInput, UUID basePlanId,
            boolean releaseUndispatched) {
    }

    private final InventoryReads inventory;
    private final PlanStore store;
    private final PlanSolver solver;
    private final PlanJobs jobs;
    private final AccessRuleService accessRules;
    private final RouteOverrideService routeOverrides;
    private final SolverInputBuilder inputs;
    private final AllocationPlanner planner;
    private final AllocationConfig.Solver settings;
    private final AllocationConfig.Plans queue;
    private final ObjectMapper mapper;
    private final CoverageService coverage;
    private final AllocationConfig.Approval approval;
    private final BasePlans bases;

    public PlanService(InventoryReads inventory, PlanStore store, PlanSolver solver, PlanJobs jobs,
            AccessRuleService accessRules, RouteOverrideService routeOverrides, SolverInputBuilder inputs,
            AllocationPlanner planner, AllocationConfig config, ObjectMapper mapper, CoverageService coverage,
            BasePlans bases) {
        this.inventory = inventory;
        this.bases = bases;
        this.coverage = coverage;
        this.approval = config.approval();
        this.store = store;
        this.solver = solver;
        this.jobs = jobs;
        this.accessRules = accessRules;
        this.routeOverrides = routeOverrides;
        this.inputs = inputs;
        this.planner = planner;
        this.settings = config.solver();
        this.queue = config.plans();
        this.mapper = mapper;
    }

    /**
     * Checks the request (limits, weights, incidents, needs), takes inventory's snapshot and builds the solver input.
     * Writes nothing and runs outside any transaction: inventory is called here.
     */
    public Submission prepare(NewPlan req) {
        Instant planFrom = req.planFrom() != null ? req.planFrom() : DbClock.now();
        Duration spent = limit("termination.spentLimit", req.spentLimit(), settings.defaultSpentLimit(),
                settings.maxSpentLimit());
        Duration unimproved = limit("termination.unimprovedSpentLimit", req.unimprovedSpentLimit(),
                settings.defaultUnimprovedSpentLimit(), settings.maxUnimprovedSpentLimit());
        Map<String, Long> weights = weights(req.weights());
        Set<UUID> ids = new LinkedHashSet<>(req.incidentIds());

        PlanningData data = QuarkusTransaction.requiringNew()
                .call(() -> load(ids, planFrom, req.basePlanId(), req.releaseUndispatched()));
        InventoryReads.Snapshot snapshot = data.base() == null
                ? inventory.snapshot()
                : inventory.snapshotForReplan(data.base().teams().stream().map(ReplanBase.Team::reference)
                        .distinct().toList());
        SolverInput input = inputs.build(planFrom, data, snapshot, accessRules.relevantFrom(planFrom),
                routeOverrides.all(), weights);
        return new Submission(ids, planFrom, spent, unimproved, weights, json(input), req.basePlanId(),
                req.basePlanId() != null && req.releaseUndispatched());
    }

    /**
     * Records the plan as SOLVING and its QUEUED job, in the caller's transaction if there is one (the
     * Idempotency-Key's); once that commits, this replica's worker looks at the queue at once.
     */
    @Transactional
    public PlanView submit(Submission s) {
        UUID id = store.createSolving(s.incidentIds(), s.planFrom(), s.spentLimit(), s.unimprovedSpentLimit(),
                s.weights(), s.basePlanId(), s.releaseUndispatched());
        jobs.enqueue(id, s.solverInput(), s.spentLimit(), s.unimprovedSpentLimit());
        return store.get(id);
    }

    /**
     * Stops solving early, on whichever replica solves the plan, and returns the plan as recorded; 409 if the plan is
     * not solving. A queued plan is cancelled at once; otherwise the request is recorded in the job, the owner sees it
     * at its next heartbeat (at once if it is this replica), and this waits up to {@code stop-wait} for the stopped
     * plan to be recorded.
     */
    public PlanView stop(UUID planId) {
        PlanJobs.CancelResult r = jobs.requestCancel(planId);
        if (!r.direct()) {
            solver.requestStop(planId);
            Instant giveUp = Instant.now().plus(queue.stopWait());
            while (store.status(planId) == PlanStatus.SOLVING && Instant.now().isBefore(giveUp)) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return store.get(planId);
    }

    private String json(SolverInput input) {
        try {
            return mapper.writeValueAsString(input);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the solver input", e);
        }
    }

    private PlanningData load(Set<UUID> ids, Instant planFrom, UUID basePlanId, boolean releaseUndispatched) {
        List<Incident> incidents = Incident.list("id in ?1", ids);
        if (incidents.size() != ids.size()) {
            Set<UUID> unknown = new TreeSet<>(ids);
            incidents.forEach(i -> unknown.remove(i.id));
            throw ProblemException.unprocessable("Unknown incidents", "No incident " + unknown);
        }
        List<UUID> closed = incidents.stream().filter(i -> i.status == IncidentStatus.CLOSED).map(i -> i.id)
                .toList();
        if (!closed.isEmpty()) {
            throw ProblemException.unprocessable("Incidents closed", "Closed incidents cannot be planned: " + closed);
        }
        Instant started = incidents.stream().map(i -> i.startedAt).min(Comparator.naturalOrder()).orElseThrow();
        if (planFrom.isBefore(started)) {
            throw ProblemException.badRequest("planFrom " + planFrom + " is before the incident started ("
                    + started + "); departures cannot be planned before the disaster");
        }
        Instant latest = DbClock.now().plus(approval.maxPlanAhead());
        if (planFrom.isAfter(latest)) {
            throw ProblemException.badRequest("planFrom " + planFrom + " is more than "
                    + approval.maxPlanAhead().toDays() + " days ahead; plan from now or a nearer time");
        }
        Map<UUID, Site> sites = new LinkedHashMap<>();
        incidents.forEach(i -> i.sites.forEach(s -> sites.put(s.id, s)));
        List<Need> needs = Need.list("incidentId in ?1 order by createdAt, id", ids);
        List<TeamNeed> teamNeeds = TeamNeed.list("incidentId in ?1 order by createdAt, id", ids);
        if (needs.isEmpty() && teamNeeds.isEmpty()) {
            throw ProblemException.unprocessable("Nothing to plan",
                    "The incidents " + ids + " have no needs and no team needs: nothing to plan");
        }
        // plan only what approved plans do not cover yet: no unit is ever committed twice
        Map<UUID, Integer> requested = new LinkedHashMap<>();
        needs.forEach(n -> requested.put(n.id, n.quantity));
        Map<UUID, Integer> uncovered = new LinkedHashMap<>();
        coverage.needs(requested).forEach((id, c) -> uncovered.put(id, (int) c.uncovered()));
        Map<UUID, Integer> teamsRequested = new LinkedHashMap<>();
        teamNeeds.forEach(t -> teamsRequested.put(t.id, t.count));
        Map<UUID, Integer> teamsUncovered = new LinkedHashMap<>();
        coverage.teamNeeds(teamsRequested).forEach((id, c) -> teamsUncovered.put(id, (int) c.uncovered()));
        // a re-plan is responsible for what is uncovered plus what its base holds undispatched (kept or changed)
        ReplanBase base = basePlanId == null ? null : bases.load(basePlanId, ids, releaseUndispatched);
        if (base != null) {
            base.unitsPerNeed().forEach((id, q) -> uncovered.merge(id, q, Integer::sum));
            base.teamsPerNeed().forEach((id, q) -> teamsUncovered.merge(id, q, Integer::sum));
        }
        List<Need> open = needs.stream().filter(n -> uncovered.get(n.id) > 0).toList();
        List<TeamNeed> openTeams = teamNeeds.stream().filter(t -> teamsUncovered.get(t.id) > 0).toList();
        if (open.isEmpty() && openTeams.isEmpty()) {
            throw ProblemException.unprocessable("Nothing to plan", "Every need and team need of the incidents "
                    + ids + " is already covered by approved plans: nothing is uncovered");
        }
        return new PlanningData(incidents, sites, open, openTeams, uncovered, teamsUncovered, base);
    }

    /** The request's limit (or the default), positive, capped by the maximum. */
    static Duration limit(String field, Duration asked, Duration dflt, Duration max) {
        Duration d = asked == null ? dflt : asked;
        if (d.isNegative() || d.isZero()) {
            throw ProblemException.badRequest(field + " must be a positive ISO-8601 duration, e.g. PT30S");
        }
        return d.compareTo(max) > 0 ? max : d;
    }

    /** Configured defaults merged with the request's; unknown constraint names are refused. */
    Map<String, Long> weights(Map<String, Long> asked) {
        Map<String, Long> merged = new LinkedHashMap<>(settings.weights());
        if (asked != null) {
            merged.putAll(asked);
        }
        Set<String> unknown = new TreeSet<>(planner.unknownConstraintNames(merged.keySet()));
        if (!unknown.isEmpty()) {
            throw ProblemException.badRequest("Unknown constraint names in weights: " + unknown + "; known: "
                    + new TreeSet<>(planner.knownConstraintNames()));
        }
        return merged;
    }
}
