package org.corridor.allocation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corridor.allocation.domain.ApprovalRun;
import org.corridor.allocation.domain.Plan;
import org.corridor.allocation.domain.PlanJob;
import org.corridor.allocation.domain.PlanLine;
import org.corridor.allocation.domain.PlanStatus;
import org.corridor.allocation.domain.PlanTeamAssignment;
import org.corridor.allocation.domain.PlanUnmet;
import org.corridor.allocation.solver.api.PlanAnalysis;
import org.corridor.common.paging.PageParams;
import org.corridor.common.paging.PageResponse;
import org.corridor.common.problem.Problem;
import org.corridor.common.problem.ProblemException;
import org.corridor.common.time.DbClock;

/**
 * Plans as recorded: a new plan in status SOLVING, and every read (the plan with its lines, the list, the analysis).
 * What solving writes into a plan goes through {@code service/queue/PlanResults}.
 */
@ApplicationScoped
public class PlanStore {

    private final ObjectMapper mapper;

    public PlanStore(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Records a new plan, SOLVING, in the caller's transaction if there is one; returns its id. */
    @Transactional
    public UUID createSolving(Collection<UUID> incidentIds, Instant planFrom, Duration spent, Duration unimproved,
            Map<String, Long> weights, UUID basePlanId, boolean releaseUndispatched) {
        Plan p = new Plan();
        p.id = UUID.randomUUID();
        p.status = PlanStatus.SOLVING;
        p.incidentIds.addAll(incidentIds);
        p.planFrom = planFrom;
        p.spentLimitSeconds = spent.toSeconds();
        p.unimprovedLimitSeconds = unimproved.toSeconds();
        p.weights = json(weights);
        p.basePlanId = basePlanId;
        p.releaseUndispatched = releaseUndispatched;
        p.createdAt = DbClock.now();
        p.updatedAt = p.createdAt;
        p.persist();
        return p.id;
    }

    /** A plan from scratch (no base plan). */
    @Transactional
    public UUID createSolving(Collection<UUID> incidentIds, Instant planFrom, Duration spent, Duration unimproved,
            Map<String, Long> weights) {
        return createSolving(incidentIds, planFrom, spent, unimproved, weights, null, false);
    }

    @Transactional
    public PlanView get(UUID id) {
        Plan p = find(id);
        PlanJob job = PlanJob.findById(id);
        List<PlanView.Line> lines = PlanLine.<PlanLine>list("planId", Sort.by("position"), id).stream()
                .map(l -> new PlanView.Line(l.needId, l.siteId, l.itemCode, l.lotId, l.depotId, l.originCountryCode,
                        l.quantity, l.mode, l.departsAt, l.arrivesAt, l.state, l.shipmentId, l.delivered,
                        l.rejected))
                .toList();
        List<PlanView.TeamAssignment> teams = PlanTeamAssignment.<PlanTeamAssignment>list("planId",
                Sort.by("position"), id).stream()
                .map(a -> new PlanView.TeamAssignment(a.teamNeedId, a.teamId, a.arrivesAt)).toList();
        List<PlanView.Unmet> unmet = PlanUnmet.<PlanUnmet>list("planId", Sort.by("position"), id).stream()
                .map(u -> new PlanView.Unmet(u.needId, u.teamNeedId, u.quantity, u.reason)).toList();
        return new PlanView(p.id, p.status, new ArrayList<>(p.incidentIds), p.planFrom,
                Duration.ofSeconds(p.spentLimitSeconds), Duration.ofSeconds(p.unimprovedLimitSeconds), weights(p),
                p.score, p.feasible, p.stoppedEarly, p.failureReason, lines, teams, unmet, p.createdAt, p.finishedAt,
                p.reservationId, shipmentIds(p), p.approvedAt, job == null ? null : job.owner,
                job == null ? 0 : job.attempt, problem(p.approvalError),
                p.status == PlanStatus.APPROVING
                        ? ApprovalRun.<ApprovalRun>findByIdOptional(id)
                                .map(r -> r.lastError).orElse(null)
                        : null,
                p.basePlanId, p.releaseUndispatched);
    }

    private Problem problem(String json) {
        if (json == null) {
            return null;
        }
        try {
            return mapper.readValue(json, Problem.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the approval error of a plan is unreadable", e);
        }
    }

    @Transactional
    public PlanStatus status(UUID id) {
        return find(id).status;
    }

    @Transactional
    public PageResponse<PlanSummary> list(PlanStatus status, PageParams page) {
        Sort sort = Sort.by("createdAt").descending().and("id");
        var q = status == null ? Plan.<Plan>findAll(sort) : Plan.<Plan>find("status", sort, status);
        return PageResponse.of(q, page, p -> new PlanSummary(p.id, p.status, new ArrayList<>(p.incidentIds),
                p.planFrom, p.score, p.feasible, p.failureReason, p.createdAt, p.finishedAt));
    }

    @Transactional
    public PlanAnalysisView analysis(UUID id) {
        Plan p = find(id);
        if (p.analysis == null) {
            if (p.status == PlanStatus.SOLVING) {
                throw ProblemException.conflict("Plan still solving", "The analysis is computed when solving ends; "
                        + "stop solving with DELETE /api/v1/plans/" + id + "/solving or wait");
            }
            throw ProblemException.conflict("No analysis", "Plan " + id + " ended without a solution to analyse"
                    + (p.failureReason == null ? "" : ": " + p.failureReason));
        }
        PlanAnalysis a;
        try {
            a = mapper.readValue(p.analysis, PlanAnalysis.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored analysis of plan " + id + " is unreadable", e);
        }
        return new PlanAnalysisView(p.id, p.status, a.score(),
                a.constraints().stream().map(c -> new PlanAnalysisView.ConstraintScore(c.name(), c.level(), c.score(),
                        c.matchCount())).toList(),
                a.unmet().stream().map(u -> new PlanView.Unmet(u.needId(), u.teamNeedId(), u.quantity(), u.reason()))
                        .toList());
    }

    private static Plan find(UUID id) {
        Plan p = Plan.findById(id);
        if (p == null) {
            throw ProblemException.notFound("Plan", id);
        }
        return p;
    }

    /** The shipments of the stored approval answer ({@code shipments[].id}), none before the plan is APPROVED. */
    private List<UUID> shipmentIds(Plan p) {
        if (p.approval == null) {
            return List.of();
        }
        try {
            List<UUID> ids = new ArrayList<>();
            for (JsonNode s : mapper.readTree(p.approval).path("shipments")) {
                ids.add(UUID.fromString(s.path("id").asText()));
            }
            return ids;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("stored approval of plan " + p.id + " is unreadable", e);
        }
    }

    private Map<String, Long> weights(Plan p) {
        if (p.weights == null) {
            return Map.of();
        }
        try {
            return mapper.readValue(p.weights, new TypeReference<LinkedHashMap<String, Long>>() {
            });
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + o.getClass().getSimpleName(), e);
        }
    }
}
