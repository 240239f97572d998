package org.corridor.benchmark;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corridor.allocation.solver.AllocationWeights;
import org.corridor.allocation.solver.api.Priority;
import org.corridor.allocation.solver.api.SolverInput.LotFact;
import org.corridor.allocation.solver.api.SolverInput.NeedFact;
import org.corridor.allocation.solver.api.SolverInput.TeamFact;
import org.corridor.allocation.solver.api.SolverInput.TeamNeedFact;
import org.corridor.allocation.solver.api.TransportMode;

/**
 * The exact reference: the same objective as a mixed-integer program (OR-Tools MPSolver, SCIP by default), solved
 * lexicographically like the HardMediumSoft score: hard constraints are constraints (lot availability, eligibility:
 * only eligible (need, lot) and (team need, team) pairs get a variable, one slot per team); stage 1 minimises the
 * medium level; stage 2 keeps medium at its optimum and minimises the soft level. Integer units per (need, lot, mode)
 * for every mode that can make the journey (the MIP chooses the mode, as the solver does), integer vehicles per (depot,
 * site, mode) route, binary team assignments.
 * <p>
 * Modelling of the non-linear terms (the plan found is always re-scored by the {@link PlanEvaluator}):
 * <ul>
 * <li>basis points {@code max(1, round(q * 10000 / demand))} are modelled without the rounding and the minimum of 1,
 * i.e. {@code q * 10000 / demand} (exact up to 0.5 bp per line / need);</li>
 * <li>transport cost is exact up to rounding: {@code vehicles * km * cost}; transport load is linear per line
 * ({@code max(weight share, volume share)} of one unit times the quantity);</li>
 * <li>fairness {@code mean^2} (mean unmet per-mille of a site's needs) is convex; it is bounded from below by 41
 * tangents (every 25 per-mille), so the MIP objective never over-estimates it and its bound stays a valid bound of the
 * continuous objective (the evaluator then uses the exact integer-division formula).</li>
 * </ul>
 */
public final class MipPlanner {

    private MipPlanner() {
    }

    private static boolean loaded;

    static synchronized void load() {
        if (!loaded) {
            Loader.loadNativeLibraries();
            loaded = true;
        }
    }

    public static RunResult run(String size, PlanEvaluator ev, String solverName, long limitSeconds) {
        load();
        RunResult r = new RunResult();
        r.size = size;
        r.planner = "MIP (" + solverName + ")";
        long t0 = System.nanoTime();
        MPSolver solver = MPSolver.createSolver(solverName);
        if (solver == null) {
            throw new IllegalStateException("OR-Tools solver " + solverName + " is not available");
        }
        AllocationWeights w = AllocationWeights.defaults();
        Map<Priority, Long> unmetWeight = Map.of(Priority.CRITICAL, w.weight(AllocationWeights.UNMET_CRITICAL),
                Priority.HIGH, w.weight(AllocationWeights.UNMET_HIGH), Priority.MEDIUM,
                w.weight(AllocationWeights.UNMET_MEDIUM), Priority.LOW, w.weight(AllocationWeights.UNMET_LOW));

        Map<String, List<LotFact>> lotsByItem = new HashMap<>();
        ev.input().lots().forEach(l -> lotsByItem.computeIfAbsent(l.itemCode(), k -> new ArrayList<>()).add(l));
        record X(NeedFact need, LotFact lot, TransportMode mode, MPVariable var) {
        }
        record RouteKey(UUID depot, UUID site, TransportMode mode) {
        }
        List<X> xs = new ArrayList<>();
        Map<UUID, MPConstraint> lotCap = new HashMap<>();
        Map<RouteKey, MPConstraint[]> routeCap = new LinkedHashMap<>();
        Map<RouteKey, MPVariable> vehicles = new LinkedHashMap<>();
        Map<RouteKey, long[]> routeMaxLoad = new HashMap<>();

        // Objectives are assembled as coefficient maps; stage 1 (medium) and stage 2 (soft)
        Map<MPVariable, Double> medium = new LinkedHashMap<>();
        Map<MPVariable, Double> soft = new LinkedHashMap<>();
        double mediumConst = 0;

        Map<UUID, List<X>> xsBySite = new HashMap<>();
        for (NeedFact need : ev.input().needs()) {
            double bpPerUnit = 10_000.0 / Math.max(1, ev.itemDemand(need));
            double unmetCoef = unmetWeight.get(need.priority() == null ? Priority.MEDIUM : need.priority()) * bpPerUnit;
            mediumConst += unmetCoef * need.quantity();
            MPConstraint needCap = solver.makeConstraint(0, need.quantity(), "need");
            for (LotFact lot : lotsByItem.getOrDefault(need.itemCode(), List.of())) {
                // one variable per mode that may carry the lot to the need's site: the MIP chooses the mode too
                for (PlanEvaluator.Leg leg : ev.legs(lot, need)) {
                    if (!ev.eligible(lot, need, leg)) {
                        continue;
                    }
                    MPVariable x = solver.makeIntVar(0, Math.min(need.quantity(), lot.available()), "");
                    X xe = new X(need, lot, leg.mode(), x);
                    xs.add(xe);
                    xsBySite.computeIfAbsent(need.siteId(), k -> new ArrayList<>()).add(xe);
                    needCap.setCoefficient(x, 1);
                    lotCap.computeIfAbsent(lot.lotId(), k -> solver.makeConstraint(0, lot.available(), "lot"))
                            .setCoefficient(x, 1);
                    medium.merge(x, -unmetCoef, Double::sum);

                    RouteKey rk = new RouteKey(lot.depotId(), need.siteId(), leg.mode());
                    long g = PlanEvaluator.grams(lot, 1);
                    long c = PlanEvaluator.cm3(lot, 1);
                    MPConstraint[] caps = routeCap.computeIfAbsent(rk, k -> {
                        MPVariable v = solver.makeIntVar(0, MPSolver.infinity(), "");
                        vehicles.put(k, v);
                        soft.merge(v, leg.km() * leg.costPerKm() * w.weight(AllocationWeights.TRANSPORT_COST),
                                Double::sum);
                        MPConstraint byWeight = solver.makeConstraint(0, MPSolver.infinity(), "w");
                        byWeight.setCoefficient(v, leg.capGrams());
                        MPConstraint byVolume = solver.makeConstraint(0, MPSolver.infinity(), "v");
                        byVolume.setCoefficient(v, leg.capCm3());
                        return new MPConstraint[]{byWeight, byVolume};
                    });
                    caps[0].setCoefficient(x, -g);
                    caps[1].setCoefficient(x, -c);
                    long[] maxLoad = routeMaxLoad.computeIfAbsent(rk, k -> new long[2]);
                    maxLoad[0] += g * x.ub();
                    maxLoad[1] += c * x.ub();

                    double perUnit = 0;
                    if (need.deliverBy() != null) {
                        perUnit += PlanEvaluator.hoursAfter(need.deliverBy(), leg.arrives()) * bpPerUnit
                                * w.weight(AllocationWeights.LATE_DELIVERY);
                    }
                    perUnit += Math.max(g / leg.capGrams(), c / leg.capCm3()) * leg.km() * leg.costPerKm() / 4.0
                            * w.weight(AllocationWeights.TRANSPORT_LOAD);
                    if (lot.expiresOn() != null) {
                        Instant expiry = lot.expiresOn().atStartOfDay(ZoneOffset.UTC).toInstant();
                        long daysLeft = Math.max(0, ChronoUnit.DAYS.between(leg.arrives(), expiry));
                        perUnit += bpPerUnit * daysLeft / 30.0 * w.weight(AllocationWeights.FEFO);
                    }
                    soft.merge(x, perUnit, Double::sum);
                }
            }
        }
        // tighten vehicle upper bounds (helps the MIP)
        routeMaxLoad.forEach((rk, load) -> {
            MPVariable v = vehicles.get(rk);
            MPConstraint[] caps = routeCap.get(rk);
            double capG = caps[0].getCoefficient(v);
            double capC = caps[1].getCoefficient(v);
            v.setUb(Math.max(Math.ceil(load[0] / capG), Math.ceil(load[1] / capC)));
        });

        // Fairness: per site, t >= tangents of mean^2 where mean = 1000 - sum x * 1000 / (q_n * N_s)
        double fairWeight = w.weight(AllocationWeights.UNFAIR_SITE_SHARE) / 10.0;
        Map<UUID, Integer> sites = new LinkedHashMap<>();
        ev.input().needs().forEach(n -> sites.merge(n.siteId(), 1, Integer::sum));
        for (var site : sites.entrySet()) {
            MPVariable t = solver.makeNumVar(0, MPSolver.infinity(), "fair");
            soft.merge(t, fairWeight, Double::sum);
            List<X> here = xsBySite.getOrDefault(site.getKey(), List.of());
            for (int a = 0; a <= 1000; a += 25) {
                // t >= 2a * mean - a^2 <=> t + 2a * sum coef x >= 2a * 1000 - a^2
                MPConstraint cut = solver.makeConstraint(2.0 * a * 1000 - (double) a * a, MPSolver.infinity(), "tan");
                cut.setCoefficient(t, 1);
                for (X xe : here) {
                    cut.setCoefficient(xe.var(), 2.0 * a * 1000.0 / (xe.need().quantity() * (double) site.getValue()));
                }
            }
        }

        // Teams
        record Y(TeamNeedFact need, TeamFact team, MPVariable var) {
        }
        List<Y> ys = new ArrayList<>();
        Map<UUID, MPConstraint> onePerTeam = new HashMap<>();
        for (TeamNeedFact need : ev.input().teamNeeds()) {
            double unfilledCoef = ev.typeUnit(need) * (double) w.weight(AllocationWeights.UNFILLED_TEAM_SLOT);
            mediumConst += unfilledCoef * need.count();
            MPConstraint slots = solver.makeConstraint(0, need.count(), "slots");
            for (TeamFact team : ev.input().teams()) {
                if (!ev.eligible(team, need)) {
                    continue;
                }
                MPVariable y = solver.makeBoolVar("");
                ys.add(new Y(need, team, y));
                slots.setCoefficient(y, 1);
                onePerTeam.computeIfAbsent(team.teamId(), k -> solver.makeConstraint(0, 1, "team")).setCoefficient(y,
                        1);
                medium.merge(y, -unfilledCoef, Double::sum);
                Instant arrives = ev.teamArrival(team, need);
                long h = PlanEvaluator.hoursAfter(ev.input().planFrom(), arrives);
                boolean usar = need.teamType().toUpperCase().startsWith("USAR");
                double cost = (usar ? h + 9 * Math.min(h, ev.usarWindowHours(need)) : h)
                        * (double) w.weight(AllocationWeights.TEAM_ARRIVAL_TIME);
                if (need.neededBy() != null) {
                    cost += PlanEvaluator.hoursAfter(need.neededBy(), arrives)
                            * (double) w.weight(AllocationWeights.LATE_TEAM_ARRIVAL);
                }
                soft.merge(y, cost, Double::sum);
            }
        }
        r.buildMillis = (System.nanoTime() - t0) / 1_000_000;
        r.entities = solver.numVariables();

        MPSolverParameters params = new MPSolverParameters();
        params.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.0);
        long limitMillis = limitSeconds * 1000;
        long s0 = System.nanoTime();

        // Stage 1: medium
        MPObjective obj = solver.objective();
        medium.forEach(obj::setCoefficient);
        obj.setOffset(mediumConst);
        obj.setMinimization();
        solver.setTimeLimit(Math.max(1000, limitMillis / 3));
        MPSolver.ResultStatus st1 = solver.solve(params);
        if (st1 != MPSolver.ResultStatus.OPTIMAL && st1 != MPSolver.ResultStatus.FEASIBLE) {
            r.status = "stage 1 " + st1;
            r.millis = (System.nanoTime() - s0) / 1_000_000;
            r.score = null;
            return r;
        }
        double m1 = obj.value();
        r.mediumBound = obj.bestBound();
        String stage1 = "medium " + st1 + " " + Math.round(m1) + " (bound " + Math.round(r.mediumBound) + ")";

        // Stage 2: soft, medium kept at its stage-1 value
        double tol = 1e-7 * Math.max(1, Math.abs(m1)) + 1e-6;
        MPConstraint keep = solver.makeConstraint(-MPSolver.infinity(), m1 - mediumConst + tol, "keepMedium");
        medium.forEach(keep::setCoefficient);
        obj.clear();
        soft.forEach(obj::setCoefficient);
        obj.setMinimization();
        long spent = (System.nanoTime() - s0) / 1_000_000;
        solver.setTimeLimit(Math.max(1000, limitMillis - spent));
        MPSolver.ResultStatus st2 = solver.solve(params);
        r.millis = (System.nanoTime() - s0) / 1_000_000;
        r.status = stage1 + "; soft " + st2;
        if (st2 != MPSolver.ResultStatus.OPTIMAL && st2 != MPSolver.ResultStatus.FEASIBLE) {
            r.score = null;
            return r;
        }
        r.softBound = obj.bestBound();
        r.status += " " + Math.round(obj.value()) + " (bound " + Math.round(r.softBound) + ")";

        List<Plan.Line> lines = new ArrayList<>();
        for (X xe : xs) {
            long q = Math.round(xe.var().solutionValue());
            if (q > 0) {
                lines.add(new Plan.Line(xe.need().needId(), xe.lot().lotId(), (int) q, xe.mode()));
            }
        }
        List<Plan.TeamAssignment> teams = new ArrayList<>();
        for (Y y : ys) {
            if (y.var().solutionValue() > 0.5) {
                teams.add(new Plan.TeamAssignment(y.need().teamNeedId(), y.team().teamId()));
            }
        }
        r.plan = new Plan(lines, teams);
        r.score = ev.evaluate(r.plan);
        r.curve.add(new RunResult.Point(r.millis, r.score.hard(), r.score.medium(), r.score.soft()));
        solver.delete();
        return r;
    }
}
