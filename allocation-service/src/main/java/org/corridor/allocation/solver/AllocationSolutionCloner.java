package org.corridor.allocation.solver;

import java.util.ArrayList;
import java.util.List;
import org.optaplanner.core.api.domain.solution.cloner.SolutionCloner;

/**
 * Planning clone of an {@link AllocationSolution}: new {@link NeedChunk} and {@link TeamSlot} objects with the same
 * variables, in new lists; problem facts (needs, lots, routes, teams, options, rules) are shared, as nothing in them
 * refers to an entity. OptaPlanner clones the working solution at every new best solution; its reflective cloner spent
 * 4 % of the benchmark's local search on it (the service, built by Quarkus, would use a generated one; this one serves
 * both).
 */
public class AllocationSolutionCloner implements SolutionCloner<AllocationSolution> {

    @Override
    public AllocationSolution cloneSolution(AllocationSolution original) {
        AllocationSolution clone = new AllocationSolution();
        clone.setPlanFrom(original.getPlanFrom());
        clone.setConstraintConfiguration(original.getConstraintConfiguration());
        clone.setSites(original.getSites());
        clone.setNeeds(original.getNeeds());
        clone.setLots(original.getLots());
        clone.setRoutes(original.getRoutes());
        clone.setSupplies(original.getSupplies());
        clone.setTeamNeeds(original.getTeamNeeds());
        clone.setTeams(original.getTeams());
        clone.setTeamOptions(original.getTeamOptions());
        clone.setAccessRules(original.getAccessRules());
        List<NeedChunk> chunks = new ArrayList<>(original.getChunks().size());
        for (NeedChunk c : original.getChunks()) {
            chunks.add(c.copy());
        }
        clone.setChunks(chunks);
        List<TeamSlot> slots = new ArrayList<>(original.getSlots().size());
        for (TeamSlot s : original.getSlots()) {
            slots.add(s.copy());
        }
        clone.setSlots(slots);
        clone.setScore(original.getScore());
        return clone;
    }
}
