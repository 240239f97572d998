package org.corridor.allocation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.corridor.allocation.config.PlanQueueSettings;
import org.corridor.allocation.config.SolverSettings;
import org.corridor.allocation.config.TransportConfig;
import org.corridor.allocation.domain.Incident;
import org.corridor.allocation.domain.IncidentStatus;
import org.corridor.allocation.domain.Need;
import org.corridor.allocation.domain.PlanStatus;
import org.corridor.allocation.domain.Site;
import org.corridor.allocation.domain.TeamNeed;
import org.corridor.allocation.inventory.InventoryApi;
import org.corridor.allocation.inventory.InventoryClient;
import org.corridor.allocation.rest.dto.PlanDtos.NewPlan;
import org.corridor.allocation.rest.dto.PlanDtos.PlanDto;
import org.corridor.allocation.solver.AllocationWeights;
import org.corridor.allocation.solver.api.SolverInput;
import org.corridor.common.idempotency.Idempotency;
import org.corridor.common.problem.ProblemException;

/**
 * Accepts a plan request: checks it, reads the incidents' needs and inventory's snapshot of
 * available stock and teams, builds the {@link SolverInput}, and records the plan as SOLVING together
 * with its job in the PostgreSQL queue ({@link PlanJobs}); whichever replica claims the job solves it
 * ({@link PlanWorker}). This replica is nudged to look at the queue at once. Unknown incidents in the body are a 422 (the resource /plans exists; the
 * body refers to things that do not).
 */
@ApplicationScoped
public class PlanService {

    private final InventoryClient inventory;
    private final PlanStore store;
    private final PlanSolver solver;
    private final PlanJobs jobs;
    private final PlanWorker worker;
    private final PlanQueueSettings queue;
    private final ObjectMapper mapper;
    private final AccessRuleService accessRules;
    private final RouteOverrideService routeOverrides;
    private final SolverSettings settings;
    private final TransportConfig transport;
    private final IdempotentWrites writes;

    public PlanService(InventoryClient inventory, PlanStore store, PlanSolver solver, AccessRuleService accessRules,
            RouteOverrideService routeOverrides, SolverSettings settings, TransportConfig transport, IdempotentWrites writes,
            PlanJobs jobs, PlanWorker worker, PlanQueueSettings queue, ObjectMapper mapper) {
        this.jobs = jobs;
        this.worker = worker;
        this.queue = queue;
        this.mapper = mapper;
        this.writes = writes;
        this.inventory = inventory;
        this.store = store;
        this.solver = solver;
        this.accessRules = accessRules;
        this.routeOverrides = routeOverrides;
        this.settings = settings;
        this.transport = transport;
    }

    /** What the database says about the incidents being planned. */
    record PlanningData(List<Incident> incidents, Map<UUID, Site> sites, List<Need> needs, List<TeamNeed> teamNeeds) {
    }

    /**
     * Checks the request, takes inventory's snapshot, records the plan as SOLVING and its QUEUED job
     * (with the Idempotency-Key, if any, in the same transaction), then nudges the local worker. A
     * replay of the same key and body answers the first 202 again and queues nothing.
     */
    public Response create(NewPlan req, String idempotencyKey, Function<UUID, URI> location) {
        Instant planFrom = req.planFrom() != null ? req.planFrom() : Instant.now();
        Duration spent = limit("termination.spentLimit", req.termination() == null ? null : req.termination().spentLimit(),
                settings.defaultSpentLimit(), settings.maxSpentLimit());
        Duration unimproved = limit("termination.unimprovedSpentLimit",
                req.termination() == null ? null : req.termination().unimprovedSpentLimit(),
                settings.defaultUnimprovedSpentLimit(), settings.maxUnimprovedSpentLimit());
        Map<String, Long> weights = weights(req.weights());
        Set<UUID> ids = new LinkedHashSet<>(req.incidentIds());

        PlanningData data = QuarkusTransaction.requiringNew().call(() -> load(ids));
        InventoryClient.Snapshot snapshot = inventory.snapshot();
        SolverInput input = input(planFrom, data, snapshot, weights);
        String inputJson = json(input);

        UUID[] created = new UUID[1];
        Response answer = writes.run("plans", idempotencyKey, req, () -> {
            UUID id = store.createSolving(ids, planFrom, spent, unimproved, weights).id;
            jobs.enqueue(id, inputJson, spent, unimproved);
            created[0] = id;
            return new Idempotency.Result(Response.Status.ACCEPTED.getStatusCode(), location.apply(id), store.get(id));
        });
        if (created[0] != null) {
            worker.nudge();
        }
        return answer;
    }

    /**
     * Stops solving early, on whichever replica solves the plan, and returns the plan as recorded;
     * 409 if the plan is not solving. A queued plan is cancelled at once; otherwise the request is
     * recorded in the job, the owner sees it at its next heartbeat (at once if it is this replica),
     * and this waits up to {@code stop-wait} for the stopped plan to be recorded.
     */
    public PlanDto stop(UUID planId) {
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

    private PlanningData load(Set<UUID> ids) {
        List<Incident> incidents = Incident.list("id in ?1", ids);
        if (incidents.size() != ids.size()) {
            Set<UUID> unknown = new TreeSet<>(ids);
            incidents.forEach(i -> unknown.remove(i.id));
            throw ProblemException.unprocessable("Unknown incidents", "No incident " + unknown);
        }
        List<UUID> closed = incidents.stream().filter(i -> i.status == IncidentStatus.CLOSED).map(i -> i.id).toList();
        if (!closed.isEmpty()) {
            throw ProblemException.unprocessable("Incidents closed", "Closed incidents cannot be planned: " + closed);
        }
        Map<UUID, Site> sites = new LinkedHashMap<>();
        incidents.forEach(i -> i.sites.forEach(s -> sites.put(s.id, s)));
        List<Need> needs = Need.list("incidentId in ?1 order by createdAt, id", ids);
        List<TeamNeed> teamNeeds = TeamNeed.list("incidentId in ?1 order by createdAt, id", ids);
        if (needs.isEmpty() && teamNeeds.isEmpty()) {
            throw ProblemException.unprocessable("Nothing to plan",
                    "The incidents " + ids + " have no needs and no team needs: nothing to plan");
        }
        return new PlanningData(incidents, sites, needs, teamNeeds);
    }

    private SolverInput input(Instant planFrom, PlanningData data, InventoryClient.Snapshot snapshot,
            Map<String, Long> weights) {
        Map<String, InventoryApi.Item> items = snapshot.items().stream()
                .collect(Collectors.toMap(InventoryApi.Item::code, Function.identity(), (a, b) -> a));
        Set<String> gone = data.needs().stream().map(n -> n.itemCode).filter(c -> !items.containsKey(c))
                .collect(Collectors.toCollection(TreeSet::new));
        if (!gone.isEmpty()) {
            throw ProblemException.unprocessable("Unknown items",
                    "Needs ask for items no longer in inventory-service's catalogue: " + gone);
        }
        Map<UUID, Incident> incidentOf = new LinkedHashMap<>();
        data.incidents().forEach(i -> incidentOf.put(i.id, i));

        List<SolverInput.NeedFact> needs = new ArrayList<>();
        for (Need n : data.needs()) {
            Incident i = incidentOf.get(n.incidentId);
            Site s = data.sites().get(n.siteId);
            needs.add(new SolverInput.NeedFact(n.id, i.id, i.type.name(), s.id, s.name, i.countryCode, s.latitude,
                    s.longitude, n.itemCode, items.get(n.itemCode).name(), n.quantity, n.priority, n.deliverBy));
        }
        List<SolverInput.TeamNeedFact> teamNeeds = new ArrayList<>();
        for (TeamNeed t : data.teamNeeds()) {
            Incident i = incidentOf.get(t.incidentId);
            Site s = data.sites().get(t.siteId);
            teamNeeds.add(new SolverInput.TeamNeedFact(t.id, i.id, s.id, s.name, i.countryCode, s.latitude, s.longitude,
                    t.teamType.name(), t.count, t.neededBy));
        }
        Set<String> neededItems = needs.stream().map(SolverInput.NeedFact::itemCode).collect(Collectors.toSet());
        List<SolverInput.LotFact> lots = snapshot.lots().stream()
                .filter(l -> l.available() > 0 && neededItems.contains(l.itemCode()) && l.lotId() != null)
                .map(l -> {
                    InventoryApi.Item item = items.get(l.itemCode());
                    return new SolverInput.LotFact(l.lotId(), l.depotId(), l.depotCode(), l.depotName(), l.countryCode(),
                            l.latitude(), l.longitude(), l.itemCode(), l.expiresOn(),
                            l.earmark() == null || l.earmark().countryCodes() == null ? Set.of() : Set.copyOf(l.earmark().countryCodes()),
                            l.earmark() == null || l.earmark().incidentTypes() == null ? Set.of() : Set.copyOf(l.earmark().incidentTypes()),
                            l.available(), item.unitWeightKg(), item.unitVolumeM3());
                })
                .toList();
        Set<String> neededTypes = teamNeeds.stream().map(SolverInput.TeamNeedFact::teamType).collect(Collectors.toSet());
        List<SolverInput.TeamFact> teams = snapshot.teams().stream()
                .filter(t -> t.id() != null && "AVAILABLE".equals(t.status()) && neededTypes.contains(t.type()))
                .map(t -> new SolverInput.TeamFact(t.id(), t.name(), t.countryCode(), t.type(), t.members(),
                        t.baseLatitude(), t.baseLongitude(), t.mobilisationHours()))
                .toList();
        List<SolverInput.AccessRuleFact> rules = accessRules.relevantFrom(planFrom).stream()
                .map(r -> new SolverInput.AccessRuleFact(r.id, r.originCountryCode, r.destinationCountryCode, r.kind.name(),
                        r.appliesTo, r.validFrom, r.validUntil, r.reason))
                .toList();
        return new SolverInput(planFrom, needs, teamNeeds, lots, teams, rules, transport.toSettings(), routeOverrides.all(),
                settings.expiryMarginDays(), weights);
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
        Set<String> unknown = new TreeSet<>(AllocationWeights.unknownNames(new HashSet<>(merged.keySet())));
        if (!unknown.isEmpty()) {
            throw ProblemException.badRequest("Unknown constraint names in weights: " + unknown + "; known: "
                    + new TreeSet<>(AllocationWeights.knownConstraintNames()));
        }
        return merged;
    }
}
