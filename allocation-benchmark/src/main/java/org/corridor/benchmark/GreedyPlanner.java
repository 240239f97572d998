package org.corridor.benchmark;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.corridor.allocation.solver.api.Priority;
import org.corridor.allocation.solver.api.SolverInput.LotFact;
import org.corridor.allocation.solver.api.SolverInput.NeedFact;
import org.corridor.allocation.solver.api.SolverInput.TeamFact;
import org.corridor.allocation.solver.api.SolverInput.TeamNeedFact;

/**
 * What a logistics officer would do by hand: needs by priority (then earliest deliver-by), each filled from the nearest
 * eligible depot first (same eligibility rules as the hard constraints: access rules, earmarks, expiry), taking what is
 * left of each lot; team needs by needed-by, each slot given the eligible free team of the right type that arrives
 * first.
 */
public final class GreedyPlanner {

    private GreedyPlanner() {
    }

    public static Plan plan(PlanEvaluator ev) {
        List<NeedFact> needs = new ArrayList<>(ev.input().needs());
        needs.sort(Comparator.comparing((NeedFact n) -> n.priority() == null ? Priority.MEDIUM : n.priority())
                .thenComparing(n -> n.deliverBy() == null ? Instant.MAX : n.deliverBy()));
        Map<String, List<LotFact>> lotsByItem = new HashMap<>();
        ev.input().lots().forEach(l -> lotsByItem.computeIfAbsent(l.itemCode(), k -> new ArrayList<>()).add(l));
        Map<UUID, Integer> left = new HashMap<>();
        ev.input().lots().forEach(l -> left.put(l.lotId(), Math.max(0, l.available())));
        List<Plan.Line> lines = new ArrayList<>();
        for (NeedFact need : needs) {
            List<LotFact> candidates = new ArrayList<>();
            Map<UUID, PlanEvaluator.Leg> legOf = new HashMap<>();
            for (LotFact lot : lotsByItem.getOrDefault(need.itemCode(), List.of())) {
                // the earliest-arriving mode that may carry it
                ev.legs(lot, need).stream().filter(leg -> ev.eligible(lot, need, leg))
                        .min(Comparator.comparing(PlanEvaluator.Leg::arrives)).ifPresent(leg -> {
                            candidates.add(lot);
                            legOf.put(lot.lotId(), leg);
                        });
            }
            candidates.sort(Comparator.comparingDouble(
                    l -> PlanEvaluator.km(l.latitude(), l.longitude(), need.siteLatitude(), need.siteLongitude())));
            int remaining = need.quantity();
            for (LotFact lot : candidates) {
                if (remaining == 0) {
                    break;
                }
                int take = Math.min(remaining, left.get(lot.lotId()));
                if (take > 0) {
                    lines.add(new Plan.Line(need.needId(), lot.lotId(), take, legOf.get(lot.lotId()).mode()));
                    left.merge(lot.lotId(), -take, Integer::sum);
                    remaining -= take;
                }
            }
        }
        List<TeamNeedFact> teamNeeds = new ArrayList<>(ev.input().teamNeeds());
        teamNeeds.sort(Comparator.comparing((TeamNeedFact n) -> n.neededBy() == null ? Instant.MAX : n.neededBy()));
        Set<UUID> busy = new HashSet<>();
        List<Plan.TeamAssignment> teams = new ArrayList<>();
        for (TeamNeedFact need : teamNeeds) {
            List<TeamFact> candidates = new ArrayList<>();
            for (TeamFact team : ev.input().teams()) {
                if (!busy.contains(team.teamId()) && ev.eligible(team, need)) {
                    candidates.add(team);
                }
            }
            candidates.sort(Comparator.comparing(team -> ev.teamArrival(team, need)));
            for (int i = 0; i < need.count() && i < candidates.size(); i++) {
                teams.add(new Plan.TeamAssignment(need.teamNeedId(), candidates.get(i).teamId()));
                busy.add(candidates.get(i).teamId());
            }
        }
        return new Plan(lines, teams);
    }
}
