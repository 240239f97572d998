package org.corridor.allocation.solver;

import org.optaplanner.core.api.domain.constraintweight.ConstraintConfiguration;
import org.optaplanner.core.api.domain.constraintweight.ConstraintWeight;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * OptaPlanner constraint configuration: one weight per constraint, part of each {@link AllocationSolution} so that
 * every solve can carry its own weights (per request overrides). Built from {@link AllocationWeights}.
 */
@ConstraintConfiguration
public class AllocationConstraintConfiguration {

    @ConstraintWeight(AllocationWeights.LOT_OVER_ALLOCATED)
    private HardMediumSoftLongScore lotOverAllocated;

    @ConstraintWeight(AllocationWeights.MATERIAL_ACCESS_BLOCKED)
    private HardMediumSoftLongScore materialAccessBlocked;

    @ConstraintWeight(AllocationWeights.EARMARK_VIOLATED)
    private HardMediumSoftLongScore earmarkViolated;

    @ConstraintWeight(AllocationWeights.LOT_EXPIRES_BEFORE_ARRIVAL)
    private HardMediumSoftLongScore lotExpiresBeforeArrival;

    @ConstraintWeight(AllocationWeights.TEAM_DOUBLE_BOOKED)
    private HardMediumSoftLongScore teamDoubleBooked;

    @ConstraintWeight(AllocationWeights.TEAM_WRONG_TYPE)
    private HardMediumSoftLongScore teamWrongType;

    @ConstraintWeight(AllocationWeights.TEAM_ACCESS_BLOCKED)
    private HardMediumSoftLongScore teamAccessBlocked;

    @ConstraintWeight(AllocationWeights.UNMET_CRITICAL)
    private HardMediumSoftLongScore unmetCritical;

    @ConstraintWeight(AllocationWeights.UNMET_HIGH)
    private HardMediumSoftLongScore unmetHigh;

    @ConstraintWeight(AllocationWeights.UNMET_MEDIUM)
    private HardMediumSoftLongScore unmetMedium;

    @ConstraintWeight(AllocationWeights.UNMET_LOW)
    private HardMediumSoftLongScore unmetLow;

    @ConstraintWeight(AllocationWeights.UNFILLED_TEAM_SLOT)
    private HardMediumSoftLongScore unfilledTeamSlot;

    @ConstraintWeight(AllocationWeights.LATE_DELIVERY)
    private HardMediumSoftLongScore lateDelivery;

    @ConstraintWeight(AllocationWeights.TRANSPORT_COST)
    private HardMediumSoftLongScore transportCost;

    @ConstraintWeight(AllocationWeights.TRANSPORT_LOAD)
    private HardMediumSoftLongScore transportLoad;

    @ConstraintWeight(AllocationWeights.TEAM_ARRIVAL_TIME)
    private HardMediumSoftLongScore teamArrivalTime;

    @ConstraintWeight(AllocationWeights.LATE_TEAM_ARRIVAL)
    private HardMediumSoftLongScore lateTeamArrival;

    @ConstraintWeight(AllocationWeights.UNFAIR_SITE_SHARE)
    private HardMediumSoftLongScore unfairSiteShare;

    @ConstraintWeight(AllocationWeights.FEFO)
    private HardMediumSoftLongScore fefo;

    @ConstraintWeight(AllocationWeights.UNFAIR_INCIDENT_SHARE)
    private HardMediumSoftLongScore unfairIncidentShare;

    @ConstraintWeight(AllocationWeights.PLAN_STABILITY)
    private HardMediumSoftLongScore planStability;

    @ConstraintWeight(AllocationWeights.TEAM_PLAN_STABILITY)
    private HardMediumSoftLongScore teamPlanStability;

    public AllocationConstraintConfiguration() {
        this(AllocationWeights.defaults());
    }

    public AllocationConstraintConfiguration(AllocationWeights weights) {
        this.lotOverAllocated = weights.score(AllocationWeights.LOT_OVER_ALLOCATED);
        this.materialAccessBlocked = weights.score(AllocationWeights.MATERIAL_ACCESS_BLOCKED);
        this.earmarkViolated = weights.score(AllocationWeights.EARMARK_VIOLATED);
        this.lotExpiresBeforeArrival = weights.score(AllocationWeights.LOT_EXPIRES_BEFORE_ARRIVAL);
        this.teamDoubleBooked = weights.score(AllocationWeights.TEAM_DOUBLE_BOOKED);
        this.teamWrongType = weights.score(AllocationWeights.TEAM_WRONG_TYPE);
        this.teamAccessBlocked = weights.score(AllocationWeights.TEAM_ACCESS_BLOCKED);
        this.unmetCritical = weights.score(AllocationWeights.UNMET_CRITICAL);
        this.unmetHigh = weights.score(AllocationWeights.UNMET_HIGH);
        this.unmetMedium = weights.score(AllocationWeights.UNMET_MEDIUM);
        this.unmetLow = weights.score(AllocationWeights.UNMET_LOW);
        this.unfilledTeamSlot = weights.score(AllocationWeights.UNFILLED_TEAM_SLOT);
        this.lateDelivery = weights.score(AllocationWeights.LATE_DELIVERY);
        this.transportCost = weights.score(AllocationWeights.TRANSPORT_COST);
        this.transportLoad = weights.score(AllocationWeights.TRANSPORT_LOAD);
        this.teamArrivalTime = weights.score(AllocationWeights.TEAM_ARRIVAL_TIME);
        this.lateTeamArrival = weights.score(AllocationWeights.LATE_TEAM_ARRIVAL);
        this.unfairSiteShare = weights.score(AllocationWeights.UNFAIR_SITE_SHARE);
        this.fefo = weights.score(AllocationWeights.FEFO);
        this.unfairIncidentShare = weights.score(AllocationWeights.UNFAIR_INCIDENT_SHARE);
        this.planStability = weights.score(AllocationWeights.PLAN_STABILITY);
        this.teamPlanStability = weights.score(AllocationWeights.TEAM_PLAN_STABILITY);
    }

    public HardMediumSoftLongScore getLotOverAllocated() {
        return lotOverAllocated;
    }
    public void setLotOverAllocated(HardMediumSoftLongScore v) {
        this.lotOverAllocated = v;
    }
    public HardMediumSoftLongScore getMaterialAccessBlocked() {
        return materialAccessBlocked;
    }
    public void setMaterialAccessBlocked(HardMediumSoftLongScore v) {
        this.materialAccessBlocked = v;
    }
    public HardMediumSoftLongScore getEarmarkViolated() {
        return earmarkViolated;
    }
    public void setEarmarkViolated(HardMediumSoftLongScore v) {
        this.earmarkViolated = v;
    }
    public HardMediumSoftLongScore getLotExpiresBeforeArrival() {
        return lotExpiresBeforeArrival;
    }
    public void setLotExpiresBeforeArrival(HardMediumSoftLongScore v) {
        this.lotExpiresBeforeArrival = v;
    }
    public HardMediumSoftLongScore getTeamDoubleBooked() {
        return teamDoubleBooked;
    }
    public void setTeamDoubleBooked(HardMediumSoftLongScore v) {
        this.teamDoubleBooked = v;
    }
    public HardMediumSoftLongScore getTeamWrongType() {
        return teamWrongType;
    }
    public void setTeamWrongType(HardMediumSoftLongScore v) {
        this.teamWrongType = v;
    }
    public HardMediumSoftLongScore getTeamAccessBlocked() {
        return teamAccessBlocked;
    }
    public void setTeamAccessBlocked(HardMediumSoftLongScore v) {
        this.teamAccessBlocked = v;
    }
    public HardMediumSoftLongScore getUnmetCritical() {
        return unmetCritical;
    }
    public void setUnmetCritical(HardMediumSoftLongScore v) {
        this.unmetCritical = v;
    }
    public HardMediumSoftLongScore getUnmetHigh() {
        return unmetHigh;
    }
    public void setUnmetHigh(HardMediumSoftLongScore v) {
        this.unmetHigh = v;
    }
    public HardMediumSoftLongScore getUnmetMedium() {
        return unmetMedium;
    }
    public void setUnmetMedium(HardMediumSoftLongScore v) {
        this.unmetMedium = v;
    }
    public HardMediumSoftLongScore getUnmetLow() {
        return unmetLow;
    }
    public void setUnmetLow(HardMediumSoftLongScore v) {
        this.unmetLow = v;
    }
    public HardMediumSoftLongScore getUnfilledTeamSlot() {
        return unfilledTeamSlot;
    }
    public void setUnfilledTeamSlot(HardMediumSoftLongScore v) {
        this.unfilledTeamSlot = v;
    }
    public HardMediumSoftLongScore getLateDelivery() {
        return lateDelivery;
    }
    public void setLateDelivery(HardMediumSoftLongScore v) {
        this.lateDelivery = v;
    }
    public HardMediumSoftLongScore getTransportCost() {
        return transportCost;
    }
    public void setTransportCost(HardMediumSoftLongScore v) {
        this.transportCost = v;
    }
    public HardMediumSoftLongScore getTransportLoad() {
        return transportLoad;
    }
    public void setTransportLoad(HardMediumSoftLongScore v) {
        this.transportLoad = v;
    }
    public HardMediumSoftLongScore getTeamArrivalTime() {
        return teamArrivalTime;
    }
    public void setTeamArrivalTime(HardMediumSoftLongScore v) {
        this.teamArrivalTime = v;
    }
    public HardMediumSoftLongScore getLateTeamArrival() {
        return lateTeamArrival;
    }
    public void setLateTeamArrival(HardMediumSoftLongScore v) {
        this.lateTeamArrival = v;
    }
    public HardMediumSoftLongScore getUnfairSiteShare() {
        return unfairSiteShare;
    }
    public void setUnfairSiteShare(HardMediumSoftLongScore v) {
        this.unfairSiteShare = v;
    }
    public HardMediumSoftLongScore getFefo() {
        return fefo;
    }
    public void setFefo(HardMediumSoftLongScore v) {
        this.fefo = v;
    }
    public HardMediumSoftLongScore getUnfairIncidentShare() {
        return unfairIncidentShare;
    }
    public void setUnfairIncidentShare(HardMediumSoftLongScore v) {
        this.unfairIncidentShare = v;
    }
    public HardMediumSoftLongScore getPlanStability() {
        return planStability;
    }
    public void setPlanStability(HardMediumSoftLongScore v) {
        this.planStability = v;
    }
    public HardMediumSoftLongScore getTeamPlanStability() {
        return teamPlanStability;
    }
    public void setTeamPlanStability(HardMediumSoftLongScore v) {
        this.teamPlanStability = v;
    }
}
