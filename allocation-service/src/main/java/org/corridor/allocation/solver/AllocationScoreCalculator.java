package org.corridor.allocation.solver;

import java.util.IdentityHashMap;
import java.util.Map;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.calculator.IncrementalScoreCalculator;

/**
 * The score the solver works with: the same 22 terms, with the same weights and the same rounding, as
 * {@link AllocationConstraintProvider}, kept up to date by hand on every variable change instead of by constraint
 * streams.
 * <p>
 * The constraint provider stays the definition of the score: constraint tests check it term by term, score explanations
 * ({@code SolutionManager}, built with the streams) use it, and FULL_ASSERT solves compare this calculator with it
 * after each move ({@link AllocationSolverConfig#fullAssert}). This class only makes the same numbers cheaper: a slot's
 * change touches a handful of running sums (its lot, its route, its plan line, its need's unmet units, the need's site
 * and shared item, the need's released base lots) and the terms that depend on them, where the streams propagated
 * tuples through about forty nodes. Move evaluation spent about a third of its time in the streams on the medium
 * benchmark instance.
 * <p>
 * Each change is applied as the retraction of the slot as it was ({@code before...}) and the insertion of the slot as
 * it is ({@code after...}); the score is the weighted sum of the 22 running match-weight totals, each exactly the sum
 * the corresponding constraint stream would penalise (a group that is absent in the streams contributes nothing here
 * either: routes and team needs count their members for that).
 */
public class AllocationScoreCalculator
        implements
            IncrementalScoreCalculator<AllocationSolution, HardMediumSoftLongScore> {

    // term indices, in the order of AllocationConstraintProvider#defineConstraints
    static final int LOT_OVER = 0;
    static final int MATERIAL_ACCESS = 1;
    static final int EARMARK = 2;
    static final int EXPIRES = 3;
    static final int TEAM_DOUBLE = 4;
    static final int TEAM_TYPE = 5;
    static final int TEAM_ACCESS = 6;
    static final int UNMET_CRITICAL = 7; // + Priority ordinal order: CRITICAL, HIGH, MEDIUM, LOW
    static final int UNFILLED_TEAM = 11;
    static final int LATE = 12;
    static final int TRANSPORT_COST = 13;
    static final int TRANSPORT_LOAD = 14;
    static final int TEAM_ARRIVAL = 15;
    static final int TEAM_LATE = 16;
    static final int SITE_SHARE = 17;
    static final int FEFO = 18;
    static final int INCIDENT_SHARE = 19;
    static final int PLAN_STABILITY = 20;
    static final int TEAM_PLAN_STABILITY = 21;
    static final int TERMS = 22;

    private final long[] totals = new long[TERMS];
    private final long[][] weights = new long[3][TERMS];
    private final Map<MaterialNeed, NeedSums> needs = new IdentityHashMap<>();
    private final Map<Lot, long[]> lots = new IdentityHashMap<>();
    private final Map<Route, RouteSums> routes = new IdentityHashMap<>();
    private final Map<SiteFact, long[]> sites = new IdentityHashMap<>();
    private final Map<ItemIncidents, long[]> items = new IdentityHashMap<>();
    private final Map<Team, int[]> teams = new IdentityHashMap<>();
    /** Per team need: its slots (the stability term needs at least one) and the released base teams it keeps. */
    private final Map<TeamNeedFact, int[]> teamNeeds = new IdentityHashMap<>();
    private AllocationSolution solution;
    private boolean stale;

    /** Per need: unmet units, plan lines (units per supply) and units served from each released base lot. */
    private static final class NeedSums {
        final MaterialNeed need;
        final int[] servedFromBase;
        final Map<Supply, Line> lines = new IdentityHashMap<>();
        long unmet;

        NeedSums(MaterialNeed need) {
            this.need = need;
            this.servedFromBase = need.hasReleasedBase() ? new int[need.releasedBaseLotCount()] : null;
        }
    }

    /**
     * Per route: grams, cubic centimetres and how many delivering slots travel on it, and the vehicle cost last added
     * to the total (recomputed once per score when the sums changed).
     */
    private static final class RouteSums {
        final Route route;
        long grams;
        long cubicCentimetres;
        int slots;
        long cost;
        boolean dirty;

        RouteSums(Route route) {
            this.route = route;
        }
    }

    /** A plan line (need, supply): its units, and its terms last added to the totals (recomputed once per score). */
    private static final class Line {
        final MaterialNeed need;
        final Supply supply;
        int units;
        long late;
        long load;
        long fefo;
        boolean dirty;

        Line(MaterialNeed need, Supply supply) {
            this.need = need;
            this.supply = supply;
        }
    }

    private final java.util.ArrayList<RouteSums> dirtyRoutes = new java.util.ArrayList<>();
    private final java.util.ArrayList<Line> dirtyLines = new java.util.ArrayList<>();

    @Override
    public void resetWorkingSolution(AllocationSolution workingSolution) {
        solution = workingSolution;
        stale = false;
        java.util.Arrays.fill(totals, 0);
        needs.clear();
        lots.clear();
        routes.clear();
        dirtyRoutes.clear();
        dirtyLines.clear();
        sites.clear();
        items.clear();
        teams.clear();
        teamNeeds.clear();
        readWeights(workingSolution.getConstraintConfiguration());
        for (NeedChunk chunk : workingSolution.getChunks()) {
            needs.computeIfAbsent(chunk.getNeed(), NeedSums::new);
        }
        for (NeedSums n : needs.values()) {
            // a need with released base lines and no unit served from them: the whole base is missing
            addStability(n, 1);
        }
        for (NeedChunk chunk : workingSolution.getChunks()) {
            chunk(chunk, 1);
        }
        for (TeamSlot slot : workingSolution.getSlots()) {
            int[] need = teamNeeds.computeIfAbsent(slot.getTeamNeed(), k -> new int[2]); // slots, kept base teams
            if (need[0] == 0 && slot.getTeamNeed().hasReleasedBaseTeams()) {
                totals[TEAM_PLAN_STABILITY] += slot.getTeamNeed().releasedBaseTeamCount();
            }
            need[0]++;
        }
        for (TeamSlot slot : workingSolution.getSlots()) {
            slot(slot, 1);
        }
        settle();
    }

    private void readWeights(AllocationConstraintConfiguration c) {
        HardMediumSoftLongScore[] w = {c.getLotOverAllocated(), c.getMaterialAccessBlocked(), c.getEarmarkViolated(),
                c.getLotExpiresBeforeArrival(), c.getTeamDoubleBooked(), c.getTeamWrongType(), c.getTeamAccessBlocked(),
                c.getUnmetCritical(), c.getUnmetHigh(), c.getUnmetMedium(), c.getUnmetLow(), c.getUnfilledTeamSlot(),
                c.getLateDelivery(), c.getTransportCost(), c.getTransportLoad(), c.getTeamArrivalTime(),
                c.getLateTeamArrival(), c.getUnfairSiteShare(), c.getFefo(), c.getUnfairIncidentShare(),
                c.getPlanStability(), c.getTeamPlanStability()};
        for (int t = 0; t < TERMS; t++) {
            weights[0][t] = w[t].hardScore();
            weights[1][t] = w[t].mediumScore();
            weights[2][t] = w[t].softScore();
        }
    }

    @Override
    public void beforeVariableChanged(Object entity, String variableName) {
        entity(entity, -1);
    }

    @Override
    public void afterVariableChanged(Object entity, String variableName) {
        entity(entity, 1);
    }

    private void entity(Object entity, int sign) {
        if (stale) {
            return;
        }
        if (entity instanceof NeedChunk chunk) {
            chunk(chunk, sign);
        } else if (entity instanceof TeamSlot slot) {
            slot(slot, sign);
        }
    }

    // Entities are never added or removed while solving; should it happen, the next score is computed from scratch.

    @Override
    public void beforeEntityAdded(Object entity) {
        stale = true;
    }

    @Override
    public void afterEntityAdded(Object entity) {
        stale = true;
    }

    @Override
    public void beforeEntityRemoved(Object entity) {
        stale = true;
    }

    @Override
    public void afterEntityRemoved(Object entity) {
        stale = true;
    }

    @Override
    public HardMediumSoftLongScore calculateScore() {
        if (stale) {
            resetWorkingSolution(solution);
        }
        settle();
        long hard = 0;
        long medium = 0;
        long soft = 0;
        for (int t = 0; t < TERMS; t++) {
            long total = totals[t];
            hard -= weights[0][t] * total;
            medium -= weights[1][t] * total;
            soft -= weights[2][t] * total;
        }
        return HardMediumSoftLongScore.of(hard, medium, soft);
    }

    // ---------------------------------------------------------------- material slots

    /** Adds ({@code sign} 1) or retracts (-1) a slot as it is now. */
    private void chunk(NeedChunk chunk, int sign) {
        int q = chunk.getQuantity();
        if (q == 0) {
            return; // an empty line counts for nothing
        }
        NeedSums n = needs.get(chunk.getNeed());
        Lot lot = chunk.getLot();
        if (lot == null) {
            setUnmet(n, n.unmet + (long) sign * q);
            return;
        }
        MaterialNeed need = n.need;
        Supply supply = chunk.getSupply();
        long signed = (long) sign * q;

        long[] lotSums = lots.computeIfAbsent(lot, k -> new long[2]); // units, delivering slots
        totals[LOT_OVER] -= over(lot, lotSums);
        lotSums[0] += signed;
        lotSums[1] += sign;
        totals[LOT_OVER] += over(lot, lotSums);

        if (supply.getBlockingRules() > 0) {
            totals[MATERIAL_ACCESS] += signed * supply.getBlockingRules();
        }
        if (!lot.earmarkAllows(need.getSiteCountryCode(), need.getIncidentType())) {
            totals[EARMARK] += signed;
        }
        if (supply.expiresBeforeArrival()) {
            totals[EXPIRES] += signed;
        }

        RouteSums r = routes.computeIfAbsent(supply.getRoute(), RouteSums::new);
        r.grams += sign * Supply.grams(lot, q);
        r.cubicCentimetres += sign * Supply.cubicCentimetres(lot, q);
        r.slots += sign;
        if (!r.dirty) {
            r.dirty = true;
            dirtyRoutes.add(r);
        }

        Line line = n.lines.get(supply);
        if (line == null) {
            line = new Line(need, supply);
            n.lines.put(supply, line);
        }
        line.units += sign * q;
        if (!line.dirty) {
            line.dirty = true;
            dirtyLines.add(line);
        }

        if (n.servedFromBase != null) {
            int i = need.releasedBaseIndex(lot);
            if (i >= 0) {
                addStability(n, -1);
                n.servedFromBase[i] += sign * q;
                addStability(n, 1);
            }
        }
    }

    private static long over(Lot lot, long[] sums) {
        return sums[1] > 0 && sums[0] > lot.getAvailable() ? sums[0] - lot.getAvailable() : 0;
    }

    /** Brings the terms of the routes and plan lines that changed since the last score up to date. */
    private void settle() {
        for (int i = 0; i < dirtyRoutes.size(); i++) {
            RouteSums r = dirtyRoutes.get(i);
            long cost = r.slots > 0 ? r.route.costFor(r.grams, r.cubicCentimetres) : 0;
            totals[TRANSPORT_COST] += cost - r.cost;
            r.cost = cost;
            r.dirty = false;
        }
        dirtyRoutes.clear();
        for (int i = 0; i < dirtyLines.size(); i++) {
            Line line = dirtyLines.get(i);
            totals[LATE] -= line.late;
            totals[TRANSPORT_LOAD] -= line.load;
            totals[FEFO] -= line.fefo;
            lineTerms(line);
            totals[LATE] += line.late;
            totals[TRANSPORT_LOAD] += line.load;
            totals[FEFO] += line.fefo;
            line.dirty = false;
        }
        dirtyLines.clear();
    }

    /** The terms of one plan line (nothing for an empty line). */
    private static void lineTerms(Line line) {
        int units = line.units;
        if (units == 0) {
            line.late = 0;
            line.load = 0;
            line.fefo = 0;
            return;
        }
        MaterialNeed need = line.need;
        Supply supply = line.supply;
        long late = supply.hoursLateFor(need);
        line.late = late > 0 ? late * NeedChunk.normalise(units, need.getItemDemand()) : 0;
        Lot lot = supply.getLot();
        line.load = supply.getRoute().loadCostFor(Supply.grams(lot, units), Supply.cubicCentimetres(lot, units)) / 4;
        line.fefo = lot.isPerishable()
                ? NeedChunk.normalise(units, need.getItemDemand()) * supply.shelfDaysLeftOnArrival() / 30
                : 0;
    }

    /** Base units of the need's released base lines not served from their lot any more. */
    private void addStability(NeedSums n, int sign) {
        if (n.servedFromBase == null) {
            return;
        }
        long missing = 0;
        for (int i = 0; i < n.servedFromBase.length; i++) {
            missing += Math.max(0, n.need.releasedBaseUnits(i) - n.servedFromBase[i]);
        }
        totals[PLAN_STABILITY] += sign * missing;
    }

    /** Moves a need's unmet units to {@code unmet}, with its priority's term, its site's and its shared item's. */
    private void setUnmet(NeedSums n, long unmet) {
        long old = n.unmet;
        if (old == unmet) {
            return;
        }
        MaterialNeed need = n.need;
        int priorityTerm = UNMET_CRITICAL + need.getPriority().ordinal();
        if (old > 0) {
            totals[priorityTerm] -= NeedChunk.normalise((int) old, need.getItemDemand());
        }
        if (unmet > 0) {
            totals[priorityTerm] += NeedChunk.normalise((int) unmet, need.getItemDemand());
        }
        n.unmet = unmet;

        SiteFact site = need.getSite();
        long[] permille = sites.computeIfAbsent(site, k -> new long[1]);
        totals[SITE_SHARE] -= siteShare(site, permille[0]);
        permille[0] += unmet * 1000L / need.getQuantity() - old * 1000L / need.getQuantity();
        totals[SITE_SHARE] += siteShare(site, permille[0]);

        ItemIncidents item = need.getItemIncidents();
        if (item != null) {
            long[] units = items.computeIfAbsent(item, k -> new long[k.incidentCount()]);
            totals[INCIDENT_SHARE] -= Math.max(0, item.penalty(units));
            units[need.getIncidentIndex()] += unmet - old;
            totals[INCIDENT_SHARE] += Math.max(0, item.penalty(units));
        }
    }

    private static long siteShare(SiteFact site, long permilleSum) {
        long mean = permilleSum / Math.max(1, site.getMaterialNeedCount());
        return mean * mean / 10;
    }

    // ---------------------------------------------------------------- team slots

    /** Adds ({@code sign} 1) or retracts (-1) a team slot as it is now. */
    private void slot(TeamSlot slot, int sign) {
        TeamOption option = slot.getOption();
        TeamNeedFact need = slot.getTeamNeed();
        if (option == null) {
            totals[UNFILLED_TEAM] += sign * slot.getNormalisedUnits();
            return;
        }
        Team team = option.getTeam();
        int[] booked = teams.computeIfAbsent(team, k -> new int[1]);
        totals[TEAM_DOUBLE] -= Math.max(0, booked[0] - 1);
        booked[0] += sign;
        totals[TEAM_DOUBLE] += Math.max(0, booked[0] - 1);
        if (!team.getType().equals(need.getTeamType())) {
            totals[TEAM_TYPE] += sign;
        }
        if (option.getBlockingRules() > 0) {
            totals[TEAM_ACCESS] += (long) sign * option.getBlockingRules();
        }
        totals[TEAM_ARRIVAL] += sign * AllocationConstraintProvider.teamArrivalPenalty(slot);
        totals[TEAM_LATE] += sign * slot.getHoursLate();
        if (need.hasReleasedBaseTeams() && need.isReleasedBaseTeam(team)) {
            // kept base teams: the term is count - kept while kept < count
            int[] kept = teamNeeds.get(need);
            int count = need.releasedBaseTeamCount();
            totals[TEAM_PLAN_STABILITY] -= Math.max(0, count - kept[1]);
            kept[1] += sign;
            totals[TEAM_PLAN_STABILITY] += Math.max(0, count - kept[1]);
        }
    }
}
