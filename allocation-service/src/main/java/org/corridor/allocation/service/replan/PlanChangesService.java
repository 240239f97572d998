package org.corridor.allocation.service.replan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.corridor.allocation.domain.LineState;
import org.corridor.allocation.domain.Plan;
import org.corridor.allocation.domain.PlanLine;
import org.corridor.allocation.domain.PlanStatus;
import org.corridor.allocation.domain.PlanTeamAssignment;
import org.corridor.common.problem.ProblemException;

/** Compares a re-plan with its base plan ({@link PlanChanges}). */
@ApplicationScoped
public class PlanChangesService {

    /** The key lines are compared on. */
    record Key(UUID needId, UUID lotId, UUID depotId, String mode) {
        static Key of(PlanLine l) {
            return new Key(l.needId, l.lotId, l.depotId, l.mode.name());
        }
    }

    /** 404 unknown plan. */
    @Transactional
    public PlanChanges changes(UUID planId) {
        Plan plan = Plan.findById(planId);
        if (plan == null) {
            throw ProblemException.notFound("Plan", planId);
        }
        List<PlanLine> lines = PlanLine.list("planId = ?1 order by position", planId);
        List<PlanTeamAssignment> teams = PlanTeamAssignment.list("planId = ?1 order by position", planId);
        List<PlanLine> baseLines = List.of();
        List<PlanTeamAssignment> baseTeams = List.of();
        if (plan.basePlanId != null) {
            // once the re-plan's approval has started, the base's lines it replaced are marked superseded
            boolean taken = plan.status == PlanStatus.APPROVING || plan.status == PlanStatus.APPROVED
                    || plan.status == PlanStatus.SUPERSEDED;
            baseLines = taken
                    ? PlanLine.list("planId = ?1 and superseded = true order by position", plan.basePlanId)
                    : PlanLine.list("planId = ?1 and superseded = false and state = ?2 order by position",
                            plan.basePlanId, LineState.APPROVED);
            baseTeams = PlanTeamAssignment.list("planId = ?1 and superseded = ?2 order by position",
                    plan.basePlanId, taken);
        }
        return compare(planId, plan.basePlanId, lines, baseLines, teams, baseTeams);
    }

    static PlanChanges compare(UUID planId, UUID basePlanId, List<PlanLine> lines, List<PlanLine> baseLines,
            List<PlanTeamAssignment> teams, List<PlanTeamAssignment> baseTeams) {
        Map<Key, int[]> now = sum(lines);
        Map<Key, int[]> before = sum(baseLines);
        Map<Key, PlanLine> sample = new LinkedHashMap<>();
        baseLines.forEach(l -> sample.putIfAbsent(Key.of(l), l));
        lines.forEach(l -> sample.put(Key.of(l), l));
        List<PlanChanges.LineChange> added = new ArrayList<>();
        List<PlanChanges.LineChange> removed = new ArrayList<>();
        List<PlanChanges.LineChange> changed = new ArrayList<>();
        for (Map.Entry<Key, PlanLine> e : sample.entrySet()) {
            int q = now.containsKey(e.getKey()) ? now.get(e.getKey())[0] : 0;
            int b = before.containsKey(e.getKey()) ? before.get(e.getKey())[0] : 0;
            PlanLine l = e.getValue();
            PlanChanges.LineChange c = new PlanChanges.LineChange(l.needId, l.siteId, l.itemCode, l.lotId, l.depotId,
                    l.mode.name(), q, b);
            if (b == 0 && q > 0) {
                added.add(c);
            } else if (q == 0 && b > 0) {
                removed.add(c);
            } else if (q != b) {
                changed.add(c);
            }
        }
        Set<PlanChanges.TeamChange> teamsNow = teams(teams);
        Set<PlanChanges.TeamChange> teamsBefore = teams(baseTeams);
        List<PlanChanges.TeamChange> teamsAdded = teamsNow.stream().filter(t -> !teamsBefore.contains(t)).toList();
        List<PlanChanges.TeamChange> teamsRemoved = teamsBefore.stream().filter(t -> !teamsNow.contains(t)).toList();
        return new PlanChanges(planId, basePlanId, added, removed, changed, teamsAdded, teamsRemoved);
    }

    private static Map<Key, int[]> sum(List<PlanLine> lines) {
        Map<Key, int[]> out = new LinkedHashMap<>();
        lines.forEach(l -> out.computeIfAbsent(Key.of(l), k -> new int[1])[0] += l.quantity);
        return out;
    }

    private static Set<PlanChanges.TeamChange> teams(List<PlanTeamAssignment> list) {
        Set<PlanChanges.TeamChange> out = new LinkedHashSet<>();
        list.forEach(a -> out.add(new PlanChanges.TeamChange(a.teamNeedId, a.teamId)));
        return out;
    }
}
