package org.corridor.allocation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
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
import org.corridor.allocation.domain.Plan;
import org.corridor.allocation.domain.PlanJob;
import org.corridor.allocation.domain.PlanLine;
import org.corridor.allocation.domain.PlanStatus;
import org.corridor.allocation.domain.PlanTeamAssignment;
import org.corridor.allocation.domain.PlanUnmet;
import org.corridor.allocation.rest.dto.PlanDtos.AnalysisDto;
import org.corridor.allocation.rest.dto.PlanDtos.ApprovalDto;
import org.corridor.allocation.rest.dto.PlanDtos.ApprovedShipmentDto;
import org.corridor.allocation.rest.dto.PlanDtos.ConstraintScoreDto;
import org.corridor.allocation.rest.dto.PlanDtos.LineDto;
import org.corridor.allocation.rest.dto.PlanDtos.PlanDto;
import org.corridor.allocation.rest.dto.PlanDtos.PlanSummaryDto;
import org.corridor.allocation.rest.dto.PlanDtos.TeamAssignmentDto;
import org.corridor.allocation.rest.dto.PlanDtos.UnmetDto;
import org.corridor.allocation.solver.api.PlanAnalysis;
import org.corridor.allocation.solver.api.PlanOutcome;
import org.corridor.common.paging.PageParams;
import org.corridor.common.paging.PageResponse;
import org.corridor.common.problem.ProblemException;

/** Persistence of plans: creation, the best plan so far while solving, the final state, and reads. */
@ApplicationScoped
public class PlanStore {

    private final ObjectMapper mapper;
    private final PlanJobs jobs;

    public PlanStore(ObjectMapper mapper, PlanJobs jobs) {
        this.mapper = mapper;
        this.jobs = jobs;
    }

    @Transactional
    public Plan createSolving(Collection<UUID> incidentIds, Instant planFrom, Duration spent, Duration unimproved,
            Map<String, Long> weights) {
        Plan p = new Plan();
        p.id = UUID.randomUUID();
        p.status = PlanStatus.SOLVING;
        p.incidentIds.addAll(incidentIds);
        p.planFrom = planFrom;
        p.spentLimitSeconds = spent.toSeconds();
        p.unimprovedLimitSeconds = unimproved.toSeconds();
        p.weights = json(weights);
        p.createdAt = Instant.now();
        p.updatedAt = p.createdAt;
        p.persist();
        return p;
    }

    /**
     * The best plan so far, written only while {@code lease} is still the job's current claim (the
     * fencing check locks the job row) and the plan is SOLVING. Returns false when refused.
     */
    @Transactional
    public boolean saveProgress(JobLease lease, PlanOutcome outcome) {
        if (!jobs.holds(lease)) {
            return false;
        }
        Plan p = Plan.findById(lease.planId());
        if (p == null || p.status != PlanStatus.SOLVING) {
            return false;
        }
        writeOutcome(p, outcome);
        return true;
    }

    /**
     * The final state of a plan whose solving ended, and the end of its job, written only while
     * {@code lease} is still the job's current claim. Returns false when refused (another replica
     * claimed the job meanwhile, or it was given back or cancelled): nothing is written.
     */
    @Transactional
    public boolean saveFinal(JobLease lease, PlanStatus status, PlanOutcome outcome, PlanAnalysis analysis,
            boolean stoppedEarly, String failureReason) {
        if (!jobs.holds(lease)) {
            return false;
        }
        saveFinal(lease.planId(), status, outcome, analysis, stoppedEarly, failureReason);
        jobs.finish(lease, "FINISHED");
        return true;
    }

    /** The final state of a plan, unconditionally (a plan that no job is solving). */
    @Transactional
    public void saveFinal(UUID planId, PlanStatus status, PlanOutcome outcome, PlanAnalysis analysis, boolean stoppedEarly,
            String failureReason) {
        Plan p = Plan.findById(planId);
        if (p == null) {
            return;
        }
        if (outcome != null) {
            writeOutcome(p, outcome);
        }
        p.status = status;
        p.stoppedEarly = stoppedEarly;
        p.failureReason = failureReason;
        p.analysis = analysis == null ? null : json(analysis);
        p.finishedAt = Instant.now();
        p.updatedAt = p.finishedAt;
    }

    private void writeOutcome(Plan p, PlanOutcome o) {
        PlanLine.delete("planId", p.id);
        PlanTeamAssignment.delete("planId", p.id);
        PlanUnmet.delete("planId", p.id);
        int pos = 0;
        for (PlanOutcome.Line l : o.lines()) {
            PlanLine e = new PlanLine();
            e.id = UUID.randomUUID();
            e.planId = p.id;
            e.position = pos++;
            e.needId = l.needId();
            e.siteId = l.siteId();
            e.itemCode = l.itemCode();
            e.lotId = l.lotId();
            e.depotId = l.depotId();
            e.originCountryCode = l.originCountryCode();
            e.quantity = l.quantity();
            e.mode = l.mode();
            e.departsAt = l.departsAt();
            e.arrivesAt = l.arrivesAt();
            e.persist();
        }
        pos = 0;
        for (PlanOutcome.TeamAssignment a : o.teamAssignments()) {
            PlanTeamAssignment e = new PlanTeamAssignment();
            e.id = UUID.randomUUID();
            e.planId = p.id;
            e.position = pos++;
            e.teamNeedId = a.teamNeedId();
            e.teamId = a.teamId();
            e.arrivesAt = a.arrivesAt();
            e.persist();
        }
        pos = 0;
        for (PlanOutcome.Unmet u : o.unmet()) {
            PlanUnmet e = new PlanUnmet();
            e.id = UUID.randomUUID();
            e.planId = p.id;
            e.position = pos++;
            e.needId = u.needId();
            e.teamNeedId = u.teamNeedId();
            e.quantity = u.quantity();
            e.reason = u.reason() == null ? "" : truncate(u.reason(), 2000);
            e.persist();
        }
        p.score = o.score();
        p.hardScore = o.hardScore();
        p.mediumScore = o.mediumScore();
        p.softScore = o.softScore();
        p.feasible = o.feasible();
        p.updatedAt = Instant.now();
    }

    @Transactional
    public PlanDto get(UUID id) {
        Plan p = find(id);
        PlanJob job = PlanJob.findById(id);
        List<LineDto> lines = PlanLine.<PlanLine>list("planId", Sort.by("position"), id).stream()
                .map(l -> new LineDto(l.needId, l.siteId, l.itemCode, l.lotId, l.depotId, l.originCountryCode, l.quantity,
                        l.mode, l.departsAt, l.arrivesAt))
                .toList();
        List<TeamAssignmentDto> teams = PlanTeamAssignment.<PlanTeamAssignment>list("planId", Sort.by("position"), id)
                .stream().map(a -> new TeamAssignmentDto(a.teamNeedId, a.teamId, a.arrivesAt)).toList();
        List<UnmetDto> unmet = PlanUnmet.<PlanUnmet>list("planId", Sort.by("position"), id).stream()
                .map(u -> new UnmetDto(u.needId, u.teamNeedId, u.quantity, u.reason)).toList();
        return new PlanDto(p.id, p.status, new ArrayList<>(p.incidentIds), p.planFrom, Duration.ofSeconds(p.spentLimitSeconds),
                Duration.ofSeconds(p.unimprovedLimitSeconds), weights(p), p.score, p.feasible, p.stoppedEarly,
                p.failureReason, lines, teams, unmet, p.createdAt, p.finishedAt, p.reservationId, shipmentIds(p), p.approvedAt,
                job == null ? null : job.owner, job == null ? 0 : job.attempt);
    }

    @Transactional
    public PlanStatus status(UUID id) {
        return find(id).status;
    }

    @Transactional
    public PageResponse<PlanSummaryDto> list(PlanStatus status, PageParams page) {
        Sort sort = Sort.by("createdAt").descending().and("id");
        var q = status == null ? Plan.<Plan>findAll(sort) : Plan.<Plan>find("status", sort, status);
        return PageResponse.of(q, page, p -> new PlanSummaryDto(p.id, p.status, new ArrayList<>(p.incidentIds), p.planFrom,
                p.score, p.feasible, p.failureReason, p.createdAt, p.finishedAt));
    }

    @Transactional
    public AnalysisDto analysis(UUID id) {
        Plan p = find(id);
        if (p.analysis == null) {
            if (p.status == PlanStatus.SOLVING) {
                throw ProblemException.conflict("Plan still solving",
                        "The analysis is computed when solving ends; stop solving with DELETE /api/v1/plans/" + id + "/solving or wait");
            }
            throw ProblemException.conflict("No analysis",
                    "Plan " + id + " ended without a solution to analyse" + (p.failureReason == null ? "" : ": " + p.failureReason));
        }
        PlanAnalysis a;
        try {
            a = mapper.readValue(p.analysis, PlanAnalysis.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored analysis of plan " + id + " is unreadable", e);
        }
        return new AnalysisDto(p.id, p.status, a.score(),
                a.constraints().stream().map(c -> new ConstraintScoreDto(c.name(), c.level(), c.score(), c.matchCount())).toList(),
                a.unmet().stream().map(u -> new UnmetDto(u.needId(), u.teamNeedId(), u.quantity(), u.reason())).toList());
    }

    private Plan find(UUID id) {
        Plan p = Plan.findById(id);
        if (p == null) {
            throw ProblemException.notFound("Plan", id);
        }
        return p;
    }

    private List<UUID> shipmentIds(Plan p) {
        if (p.approval == null) {
            return List.of();
        }
        try {
            return mapper.readValue(p.approval, ApprovalDto.class).shipments().stream().map(ApprovedShipmentDto::id).toList();
        } catch (JsonProcessingException e) {
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

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
