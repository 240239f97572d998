package org.corridor.allocation.service.attention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corridor.allocation.domain.AccessRule;
import org.corridor.allocation.domain.Incident;
import org.corridor.allocation.domain.LineState;
import org.corridor.allocation.domain.Need;
import org.corridor.allocation.domain.Plan;
import org.corridor.allocation.domain.PlanJob;
import org.corridor.allocation.domain.PlanLine;
import org.corridor.allocation.domain.PlanStatus;
import org.corridor.allocation.domain.PlanTeamAssignment;
import org.corridor.allocation.domain.Site;
import org.corridor.allocation.domain.TeamNeed;
import org.corridor.allocation.service.approval.LineLegality;
import org.corridor.allocation.service.coverage.CoverageService;
import org.corridor.common.problem.ProblemException;

/**
 * Reads {@link IncidentFacts} in one read-only transaction, so the attention list is computed from one consistent state
 * of the database; the calls to the other services happen after it, outside any transaction.
 */
@ApplicationScoped
public class AttentionFacts {

    /** Plans whose lines count (of a SUPERSEDED plan only those its re-plan did not take over: its facts). */
    private static final List<PlanStatus> COMMITTING = List.of(PlanStatus.APPROVING, PlanStatus.APPROVED,
            PlanStatus.SUPERSEDED);
    private static final List<PlanStatus> OPEN = List.of(PlanStatus.SOLVING, PlanStatus.SOLVED);

    private final EntityManager em;
    private final CoverageService coverage;
    private final LineLegality legality;
    private final ObjectMapper mapper;

    public AttentionFacts(EntityManager em, CoverageService coverage, LineLegality legality, ObjectMapper mapper) {
        this.em = em;
        this.coverage = coverage;
        this.legality = legality;
        this.mapper = mapper;
    }

    /** 404 when the incident does not exist. */
    @Transactional
    IncidentFacts load(UUID incidentId) {
        Incident incident = Incident.findById(incidentId);
        if (incident == null) {
            throw ProblemException.notFound("Incident", incidentId);
        }
        Map<UUID, IncidentFacts.SiteRef> sites = new LinkedHashMap<>();
        for (Site s : incident.sites) {
            sites.put(s.id, new IncidentFacts.SiteRef(s.id, s.name,
                    s.countryCode == null ? incident.countryCode : s.countryCode));
        }
        List<Need> needs = Need.list("incidentId = ?1 order by createdAt, id", incidentId);
        List<TeamNeed> teamNeeds = TeamNeed.list("incidentId = ?1 order by createdAt, id", incidentId);
        Map<UUID, Integer> requested = new HashMap<>();
        needs.forEach(n -> requested.put(n.id, n.quantity));
        Map<UUID, Integer> teamsRequested = new HashMap<>();
        teamNeeds.forEach(t -> teamsRequested.put(t.id, t.count));

        List<Plan> plans = plansOf(incidentId);
        List<UUID> committing = plans.stream().filter(p -> COMMITTING.contains(p.status)).map(p -> p.id).toList();
        List<UUID> approved = plans.stream().filter(p -> p.status == PlanStatus.APPROVED).map(p -> p.id).toList();
        List<PlanLine> lines = committing.isEmpty() || needs.isEmpty()
                ? List.of()
                : PlanLine.list("planId in ?1 and needId in ?2 and superseded = false order by planId, position",
                        committing,
                        requested.keySet());
        List<PlanTeamAssignment> assignments = approved.isEmpty() || teamNeeds.isEmpty()
                ? List.of()
                : PlanTeamAssignment.list(
                        "planId in ?1 and teamNeedId in ?2 and superseded = false order by planId, position", approved,
                        teamsRequested.keySet());
        Plan last = plans.stream().filter(p -> p.status == PlanStatus.APPROVED && p.approvedAt != null)
                .max(Comparator.comparing((Plan p) -> p.approvedAt)).orElse(null);
        Map<UUID, Map<UUID, LocalDate>> expiry = new HashMap<>();
        lines.stream().filter(l -> l.state == LineState.APPROVED).map(l -> l.planId).distinct()
                .forEach(p -> expiry.put(p, legality.lotExpiry(p)));
        List<IncidentFacts.OpenPlan> open = plans.stream().filter(p -> OPEN.contains(p.status))
                .sorted(Comparator.comparing((Plan p) -> p.createdAt)).map(this::openPlan).toList();
        List<AccessRule> rules = AccessRule.list("order by createdAt, id");
        return new IncidentFacts(incidentId, incident.type == null ? null : incident.type.name(), sites, needs,
                teamNeeds, coverage.needs(requested), coverage.teamNeeds(teamsRequested), lines, assignments,
                last == null ? null : last.id, last == null ? null : last.approvedAt, open, rules, expiry);
    }

    @SuppressWarnings("unchecked")
    private List<Plan> plansOf(UUID incidentId) {
        List<UUID> ids = em.createNativeQuery("SELECT plan_id FROM plan_incident WHERE incident_id = ?1", UUID.class)
                .setParameter(1, incidentId).getResultList();
        return ids.isEmpty() ? List.of() : Plan.list("id in ?1", ids);
    }

    /** What the plan was asked to plan, from its stored solver input. */
    private IncidentFacts.OpenPlan openPlan(Plan p) {
        PlanJob job = PlanJob.findById(p.id);
        if (job == null || job.solverInput == null) {
            return new IncidentFacts.OpenPlan(p.id, p.status, p.createdAt, false, Map.of(), Map.of());
        }
        Map<UUID, Integer> needs = new HashMap<>();
        Map<UUID, Integer> teamNeeds = new HashMap<>();
        try {
            JsonNode input = mapper.readTree(job.solverInput);
            for (JsonNode n : input.path("needs")) {
                needs.merge(UUID.fromString(n.path("needId").asText()), n.path("quantity").asInt(), Integer::sum);
            }
            for (JsonNode t : input.path("teamNeeds")) {
                teamNeeds.merge(UUID.fromString(t.path("teamNeedId").asText()), t.path("count").asInt(),
                        Integer::sum);
            }
        } catch (IOException | RuntimeException e) {
            return new IncidentFacts.OpenPlan(p.id, p.status, p.createdAt, false, Map.of(), Map.of());
        }
        return new IncidentFacts.OpenPlan(p.id, p.status, p.createdAt, true, needs, teamNeeds);
    }
}
