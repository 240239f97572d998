package org.corridor.allocation.solver;

import static org.corridor.allocation.solver.AllocationWeights.*;

import java.util.function.Function;
import java.util.function.Predicate;
import org.corridor.allocation.solver.api.Priority;
import org.optaplanner.core.api.score.stream.Constraint;
import org.optaplanner.core.api.score.stream.ConstraintCollectors;
import org.optaplanner.core.api.score.stream.ConstraintFactory;
import org.optaplanner.core.api.score.stream.ConstraintProvider;
import org.optaplanner.core.api.score.stream.bi.BiConstraintStream;
import org.optaplanner.core.api.score.stream.tri.TriConstraintStream;
import org.optaplanner.core.api.score.stream.uni.UniConstraintCollector;
import org.optaplanner.core.api.score.stream.uni.UniConstraintStream;

/**
 * The one constraint provider of the allocation.
 * <p>
 * Terms proportional to a delivered or unmet quantity (unmet needs, late delivery, transport load, FEFO) are computed
 * per plan line: chunks are first grouped by (need, lot) or, for unmet parts, by need, and rounding happens once per
 * line. The score is therefore a function of the plan lines (need, lot, quantity) alone and does not depend on how a
 * need happens to be cut into chunks; an independent evaluator (allocation-benchmark) recomputes it from lines. The
 * grouping streams are built once per constraint factory and shared by the constraints that start from them (see
 * {@link #lines}). Every constraint is weighted through {@link AllocationConstraintConfiguration}
 * ({@code penalizeConfigurableLong}); the match weights below are the raw amounts (units, hours, units of account)
 * described in {@link AllocationWeights}.
 */
public class AllocationConstraintProvider implements ConstraintProvider {

    @Override
    public Constraint[] defineConstraints(ConstraintFactory f) {
        return new Constraint[]{
                lotOverAllocated(f),
                materialAccessBlocked(f),
                earmarkViolated(f),
                lotExpiresBeforeArrival(f),
                teamDoubleBooked(f),
                teamWrongType(f),
                teamAccessBlocked(f),
                unmet(f, Priority.CRITICAL, UNMET_CRITICAL),
                unmet(f, Priority.HIGH, UNMET_HIGH),
                unmet(f, Priority.MEDIUM, UNMET_MEDIUM),
                unmet(f, Priority.LOW, UNMET_LOW),
                unfilledTeamSlot(f),
                lateDelivery(f),
                transportCost(f),
                transportLoad(f),
                teamArrivalTime(f),
                lateTeamArrival(f),
                unfairSiteShare(f),
                fefo(f),
                unfairIncidentShare(f),
                planStability(f),
                teamPlanStability(f),
        };
    }

    // ---------------------------------------------------------------- shared line streams

    private static final Function<NeedChunk, MaterialNeed> CHUNK_NEED = NeedChunk::getNeed;
    private static final Function<NeedChunk, Lot> CHUNK_LOT = NeedChunk::getLot;
    private static final Function<NeedChunk, Supply> CHUNK_SUPPLY = NeedChunk::getSupply;
    private static final Predicate<NeedChunk> CHUNK_UNMET = c -> c.getLot() == null && c.getQuantity() > 0;
    private static final Predicate<NeedChunk> CHUNK_DELIVERING = NeedChunk::isDelivering;
    private static final UniConstraintCollector<NeedChunk, ?, Integer> SUM_QUANTITY = ConstraintCollectors
            .sum(NeedChunk::getQuantity);

    /*
     * The streams several constraints start from are built once per constraint factory and the same stream object is
     * handed to each of them: Bavet in OptaPlanner 10.1 does not share the nodes of equal groupBy streams, so without
     * this every slot change would be grouped again once per constraint (three times into plan lines, five times into
     * unmet quantities).
     */
    private ConstraintFactory sharedFor;
    private UniConstraintStream<NeedChunk> delivering;
    private TriConstraintStream<MaterialNeed, Supply, Integer> lines;
    private BiConstraintStream<MaterialNeed, Integer> unmetPerNeed;

    private void shareFor(ConstraintFactory f) {
        if (sharedFor != f) {
            sharedFor = f;
            delivering = null;
            lines = null;
            unmetPerNeed = null;
        }
    }

    /**
     * Plan lines: (need, supply, quantity) for every (need, lot) pair with something assigned. Keyed by the
     * {@link Supply} (lot and route to the need's site, one per lot for a need) that the slot remembers, so the terms
     * below need no lookup of the supply of a (need, lot) pair.
     */
    TriConstraintStream<MaterialNeed, Supply, Integer> lines(ConstraintFactory f) {
        shareFor(f);
        if (lines == null) {
            lines = delivering(f).groupBy(CHUNK_NEED, CHUNK_SUPPLY, SUM_QUANTITY);
        }
        return lines;
    }

    /** Slots on a lot with a positive quantity (empty slots count for nothing). */
    UniConstraintStream<NeedChunk> delivering(ConstraintFactory f) {
        shareFor(f);
        if (delivering == null) {
            // including null variables: a line with no chosen mode (null, the default) delivers all the same
            delivering = f.forEachIncludingNullVars(NeedChunk.class).filter(CHUNK_DELIVERING);
        }
        return delivering;
    }

    /** Unmet quantity per need (needs with nothing unmet do not appear). */
    BiConstraintStream<MaterialNeed, Integer> unmetPerNeed(ConstraintFactory f) {
        shareFor(f);
        if (unmetPerNeed == null) {
            unmetPerNeed = f.forEachIncludingNullVars(NeedChunk.class).filter(CHUNK_UNMET).groupBy(CHUNK_NEED,
                    SUM_QUANTITY);
        }
        return unmetPerNeed;
    }

    // ---------------------------------------------------------------- hard

    Constraint lotOverAllocated(ConstraintFactory f) {
        return delivering(f)
                .groupBy(CHUNK_LOT, SUM_QUANTITY)
                .filter((lot, total) -> total > lot.getAvailable())
                .penalizeConfigurableLong((lot, total) -> total - lot.getAvailable())
                .asConstraint(LOT_OVER_ALLOCATED);
    }

    /**
     * Units sent on a route an access rule blocks when they depart, once per blocking rule. Which rules block which
     * route is fixed for a solve and recorded on each {@link Supply} by the problem builder
     * ({@link Supply#withAccessRules}), so no line is joined with the rules on every move.
     */
    Constraint materialAccessBlocked(ConstraintFactory f) {
        return delivering(f)
                .filter(c -> c.getSupply().getBlockingRules() > 0)
                .penalizeConfigurableLong(c -> (long) c.getQuantity() * c.getSupply().getBlockingRules())
                .asConstraint(MATERIAL_ACCESS_BLOCKED);
    }

    Constraint earmarkViolated(ConstraintFactory f) {
        return delivering(f)
                .filter(c -> !c.getSupply().getLot().earmarkAllows(c.getNeed().getSiteCountryCode(),
                        c.getNeed().getIncidentType()))
                .penalizeConfigurableLong(NeedChunk::getQuantity)
                .asConstraint(EARMARK_VIOLATED);
    }

    Constraint lotExpiresBeforeArrival(ConstraintFactory f) {
        return delivering(f)
                .filter(c -> c.getSupply().expiresBeforeArrival())
                .penalizeConfigurableLong(NeedChunk::getQuantity)
                .asConstraint(LOT_EXPIRES_BEFORE_ARRIVAL);
    }

    Constraint teamDoubleBooked(ConstraintFactory f) {
        return f.forEach(TeamSlot.class)
                .groupBy(TeamSlot::getTeam, ConstraintCollectors.count())
                .filter((team, count) -> count > 1)
                .penalizeConfigurableLong((team, count) -> count - 1L)
                .asConstraint(TEAM_DOUBLE_BOOKED);
    }

    Constraint teamWrongType(ConstraintFactory f) {
        return f.forEach(TeamSlot.class)
                .filter(s -> !s.getTeam().getType().equals(s.getTeamNeed().getTeamType()))
                .penalizeConfigurableLong(s -> 1L)
                .asConstraint(TEAM_WRONG_TYPE);
    }

    /**
     * A team sent on a journey an access rule blocks when it departs, once per rule (recorded on the
     * {@link TeamOption}).
     */
    Constraint teamAccessBlocked(ConstraintFactory f) {
        return f.forEach(TeamSlot.class)
                .filter(s -> s.getOption().getBlockingRules() > 0)
                .penalizeConfigurableLong(s -> (long) s.getOption().getBlockingRules())
                .asConstraint(TEAM_ACCESS_BLOCKED);
    }

    // ---------------------------------------------------------------- medium

    Constraint unmet(ConstraintFactory f, Priority priority, String name) {
        return unmetPerNeed(f)
                .filter((need, unmet) -> need.getPriority() == priority)
                .penalizeConfigurableLong((need, unmet) -> NeedChunk.normalise(unmet, need.getItemDemand()))
                .asConstraint(name);
    }

    Constraint unfilledTeamSlot(ConstraintFactory f) {
        return f.forEachIncludingNullVars(TeamSlot.class)
                .filter(s -> s.getOption() == null)
                .penalizeConfigurableLong(TeamSlot::getNormalisedUnits)
                .asConstraint(UNFILLED_TEAM_SLOT);
    }

    // ---------------------------------------------------------------- soft

    Constraint lateDelivery(ConstraintFactory f) {
        return lines(f)
                .filter((need, supply, qty) -> supply.hoursLateFor(need) > 0)
                .penalizeConfigurableLong((need, supply, qty) -> supply.hoursLateFor(need)
                        * NeedChunk.normalise(qty, need.getItemDemand()))
                .asConstraint(LATE_DELIVERY);
    }

    /** Whole vehicles per (depot, site, mode): consolidating loads on one route pays. */
    Constraint transportCost(ConstraintFactory f) {
        return delivering(f)
                .groupBy(c -> c.getSupply().getRoute(),
                        ConstraintCollectors.sumLong(NeedChunk::getGrams),
                        ConstraintCollectors.sumLong(NeedChunk::getCubicCentimetres))
                .penalizeConfigurableLong((route, grams, cm3) -> route.costFor(grams, cm3))
                .asConstraint(TRANSPORT_COST);
    }

    /**
     * A quarter of the cost of the vehicle share a plan line fills. Whole-vehicle cost is a staircase, flat between
     * vehicle counts, so local search gets no signal from moving part of a load; this slope (real enough: handling and
     * fuel grow with load) points it to cheaper routes while whole vehicles still make consolidation pay.
     */
    Constraint transportLoad(ConstraintFactory f) {
        return lines(f)
                .penalizeConfigurableLong((need, supply, qty) -> supply.getRoute()
                        .loadCostFor(Supply.grams(supply.getLot(), qty), Supply.cubicCentimetres(supply.getLot(), qty))
                        / 4)
                .asConstraint(TRANSPORT_LOAD);
    }

    /**
     * Hours to arrival; for USAR each hour inside the first 72 h after the incident struck counts 10 times (rescue is
     * worth most then): a USAR team arriving 5 days after the earthquake gets no x10 weight however soon after plan
     * start it arrives.
     */
    Constraint teamArrivalTime(ConstraintFactory f) {
        return f.forEach(TeamSlot.class)
                .penalizeConfigurableLong(AllocationConstraintProvider::teamArrivalPenalty)
                .asConstraint(TEAM_ARRIVAL_TIME);
    }

    static long teamArrivalPenalty(TeamSlot s) {
        long h = s.getHoursToArrival();
        if (s.getTeamNeed().isUsar()) {
            return h + 9 * Math.min(h, s.getTeamNeed().usarWindowHoursAfter(s.getPlanFrom()));
        }
        return h;
    }

    Constraint lateTeamArrival(ConstraintFactory f) {
        return f.forEach(TeamSlot.class)
                .filter(s -> s.getHoursLate() > 0)
                .penalizeConfigurableLong(TeamSlot::getHoursLate)
                .asConstraint(LATE_TEAM_ARRIVAL);
    }

    /**
     * Per site, the mean unmet fraction of its needs (per-mille) squared / 10: squaring makes one starved site cost
     * more than two half-served ones, so shortages are shared across sites.
     */
    Constraint unfairSiteShare(ConstraintFactory f) {
        return unmetPerNeed(f)
                .groupBy((need, unmet) -> need.getSite(),
                        ConstraintCollectors.sumLong((need, unmet) -> unmet * 1000L / need.getQuantity()))
                .penalizeConfigurableLong((site, permilleSum) -> {
                    long mean = permilleSum / Math.max(1, site.getMaterialNeedCount());
                    return mean * mean / 10;
                })
                .asConstraint(UNFAIR_SITE_SHARE);
    }

    /** First expired, first out: shelf life left on arrival costs, so short-dated lots go first. */
    Constraint fefo(ConstraintFactory f) {
        return lines(f)
                .filter((need, supply, qty) -> supply.getLot().isPerishable())
                .penalizeConfigurableLong((need, supply, qty) -> NeedChunk.normalise(qty, need.getItemDemand())
                        * supply.shelfDaysLeftOnArrival() / 30)
                .asConstraint(FEFO);
    }

    // ---------------------------------------------------------------- re-planning and several incidents

    /**
     * Per item that several incidents need: each incident's unmet share of what it requested against the item's common
     * unmet share ({@link ItemIncidents#penalty}), so that a shortage is shared in proportion to need. Zero for an item
     * only one incident needs (no {@link ItemIncidents}), hence for every single-incident plan. Priority still wins:
     * unmet units are charged on the medium level, this on the soft level.
     */
    Constraint unfairIncidentShare(ConstraintFactory f) {
        return unmetPerNeed(f)
                .filter((need, unmet) -> need.getItemIncidents() != null)
                .groupBy((need, unmet) -> need.getItemIncidents(), ReplanCollectors.incidentShares())
                .filter((item, penalty) -> penalty > 0)
                .penalizeConfigurableLong((item, penalty) -> penalty)
                .asConstraint(UNFAIR_INCIDENT_SHARE);
    }

    /**
     * Re-plan with released base lines: per need, the units of its base lines no longer served from their base lot (a
     * line moved to another lot or reduced costs its units; a line kept, or grown, costs nothing). Pinned base lines
     * cannot change and are not counted; zero for a plan from scratch (no base lines).
     */
    Constraint planStability(ConstraintFactory f) {
        return f.forEachIncludingNullVars(NeedChunk.class)
                .filter(c -> c.getNeed().hasReleasedBase())
                .groupBy(CHUNK_NEED, ReplanCollectors.baseShortfall())
                .filter((need, missing) -> missing > 0)
                .penalizeConfigurableLong((need, missing) -> missing)
                .asConstraint(PLAN_STABILITY);
    }

    /**
     * Re-plan with released base teams: per team need, the base teams no longer assigned to it (which slot holds a team
     * does not matter). A base team counted twice in one need would be double-booked, which is hard.
     */
    Constraint teamPlanStability(ConstraintFactory f) {
        return f.forEachIncludingNullVars(TeamSlot.class)
                .filter(s -> s.getTeamNeed().hasReleasedBaseTeams())
                .groupBy(TeamSlot::getTeamNeed,
                        ConstraintCollectors.sum(s -> s.getTeamNeed().isReleasedBaseTeam(s.getTeam()) ? 1 : 0))
                .filter((need, kept) -> kept < need.releasedBaseTeamCount())
                .penalizeConfigurableLong((need, kept) -> (long) need.releasedBaseTeamCount() - kept)
                .asConstraint(TEAM_PLAN_STABILITY);
    }
}
