package org.corridor.allocation.solver;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.corridor.allocation.solver.api.TransportMode;
import org.optaplanner.core.api.domain.constraintweight.ConstraintConfigurationProvider;
import org.optaplanner.core.api.domain.solution.PlanningEntityCollectionProperty;
import org.optaplanner.core.api.domain.solution.PlanningScore;
import org.optaplanner.core.api.domain.solution.PlanningSolution;
import org.optaplanner.core.api.domain.solution.ProblemFactCollectionProperty;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * The planning solution: material needs with their line slots ({@link NeedChunk}s), each with a lot (or unmet) and a
 * quantity, and team needs split into {@link TeamSlot}s that each pick a {@link TeamOption} or stay unfilled. Built by
 * {@link AllocationProblemBuilder}. Cloned (for every new best solution) by {@link AllocationSolutionCloner}.
 */
@PlanningSolution(solutionCloner = AllocationSolutionCloner.class)
public class AllocationSolution {

    private Instant planFrom;

    @ConstraintConfigurationProvider
    private AllocationConstraintConfiguration constraintConfiguration;

    @ProblemFactCollectionProperty
    private List<SiteFact> sites = new ArrayList<>();
    @ProblemFactCollectionProperty
    private List<MaterialNeed> needs = new ArrayList<>();
    @ProblemFactCollectionProperty
    private List<Lot> lots = new ArrayList<>();
    @ProblemFactCollectionProperty
    private List<Route> routes = new ArrayList<>();
    @ProblemFactCollectionProperty
    private List<Supply> supplies = new ArrayList<>();
    @ProblemFactCollectionProperty
    private List<TeamNeedFact> teamNeeds = new ArrayList<>();
    @ProblemFactCollectionProperty
    private List<Team> teams = new ArrayList<>();
    @ProblemFactCollectionProperty
    private List<TeamOption> teamOptions = new ArrayList<>();
    @ProblemFactCollectionProperty
    private List<AccessRuleFact> accessRules = new ArrayList<>();

    @PlanningEntityCollectionProperty
    private List<NeedChunk> chunks = new ArrayList<>();
    @PlanningEntityCollectionProperty
    private List<TeamSlot> slots = new ArrayList<>();

    @PlanningScore
    private HardMediumSoftLongScore score;

    /** Every mode a line may be given; a mode that cannot make a line's journey means its default. */
    private static final List<TransportMode> MODES = List.of(TransportMode.values());

    public AllocationSolution() {
    }

    /** The value range of {@link NeedChunk}'s mode variable. */
    @ValueRangeProvider(id = "modeRange")
    public List<TransportMode> getModes() {
        return MODES;
    }

    public Instant getPlanFrom() {
        return planFrom;
    }
    public void setPlanFrom(Instant planFrom) {
        this.planFrom = planFrom;
    }
    public AllocationConstraintConfiguration getConstraintConfiguration() {
        return constraintConfiguration;
    }
    public void setConstraintConfiguration(AllocationConstraintConfiguration c) {
        this.constraintConfiguration = c;
    }
    public List<SiteFact> getSites() {
        return sites;
    }
    public void setSites(List<SiteFact> sites) {
        this.sites = sites;
    }
    public List<MaterialNeed> getNeeds() {
        return needs;
    }
    public void setNeeds(List<MaterialNeed> needs) {
        this.needs = needs;
    }
    public List<Lot> getLots() {
        return lots;
    }
    public void setLots(List<Lot> lots) {
        this.lots = lots;
    }
    public List<Route> getRoutes() {
        return routes;
    }
    public void setRoutes(List<Route> routes) {
        this.routes = routes;
    }
    public List<Supply> getSupplies() {
        return supplies;
    }
    public void setSupplies(List<Supply> supplies) {
        this.supplies = supplies;
    }
    public List<TeamNeedFact> getTeamNeeds() {
        return teamNeeds;
    }
    public void setTeamNeeds(List<TeamNeedFact> teamNeeds) {
        this.teamNeeds = teamNeeds;
    }
    public List<Team> getTeams() {
        return teams;
    }
    public void setTeams(List<Team> teams) {
        this.teams = teams;
    }
    public List<TeamOption> getTeamOptions() {
        return teamOptions;
    }
    public void setTeamOptions(List<TeamOption> teamOptions) {
        this.teamOptions = teamOptions;
    }
    public List<AccessRuleFact> getAccessRules() {
        return accessRules;
    }
    public void setAccessRules(List<AccessRuleFact> accessRules) {
        this.accessRules = accessRules;
    }
    public List<NeedChunk> getChunks() {
        return chunks;
    }
    public void setChunks(List<NeedChunk> chunks) {
        this.chunks = chunks;
    }
    public List<TeamSlot> getSlots() {
        return slots;
    }
    public void setSlots(List<TeamSlot> slots) {
        this.slots = slots;
    }
    public HardMediumSoftLongScore getScore() {
        return score;
    }
    public void setScore(HardMediumSoftLongScore score) {
        this.score = score;
    }
}
