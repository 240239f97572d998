package org.corridor.allocation.service.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.corridor.allocation.domain.Plan;
import org.corridor.allocation.domain.PlanLine;
import org.corridor.allocation.domain.PlanStatus;
import org.corridor.allocation.domain.PlanTeamAssignment;
import org.corridor.allocation.domain.PlanUnmet;
import org.corridor.allocation.domain.TransportMode;
import org.corridor.allocation.solver.api.PlanAnalysis;
import org.corridor.allocation.solver.api.PlanOutcome;
import org.corridor.common.time.DbClock;

/**
 * What solving writes into a plan: the best plan so far while it is SOLVING, and its final state. The writes of a
 * solver carry its claim's {@link JobLease} and are made only while that claim is the job's current one (the fencing
 * check locks the job row in the same transaction).
 */
@ApplicationScoped
public class PlanResults {

    private final PlanJobs jobs;
    private final ObjectMapper mapper;

    public PlanResults(PlanJobs jobs, ObjectMapper mapper) {
        this.jobs = jobs;
        this.mapper = mapper;
    }

    /**
     * The best plan so far, written only while {@code lease} is still the job's current claim (the fencing check locks
     * the job row) and the plan is SOLVING. Returns false when refused.
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
     * The final state of a plan whose solving ended, and the end of its job, written only while {@code lease} is still
     * the job's current claim. Returns false when refused (another replica claimed the job meanwhile, or it was given
     * back or cancelled): nothing is written.
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
    public void saveFinal(UUID planId, PlanStatus status, PlanOutcome outcome, PlanAnalysis analysis,
            boolean stoppedEarly, String failureReason) {
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
        p.finishedAt = DbClock.now();
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
            e.mode = TransportMode.valueOf(l.mode().name());
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
        p.updatedAt = DbClock.now();
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
