package org.corridor.allocation.solver;

import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.domain.solution.descriptor.SolutionDescriptor;
import org.optaplanner.core.impl.domain.variable.descriptor.VariableDescriptor;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;

/**
 * Changes a planning variable of a slot and tells the score director, for the custom moves. The
 * variables' descriptors are looked up once per solution descriptor rather than by name on every
 * change (OptaPlanner's by-name calls look up the entity class and the variable name in maps each
 * time, for every variable of every move evaluated).
 */
final class VariableChange {

    private record Descriptors(SolutionDescriptor<AllocationSolution> solution,
            VariableDescriptor<AllocationSolution> lot, VariableDescriptor<AllocationSolution> quantity,
            VariableDescriptor<AllocationSolution> option) {
    }

    private static volatile Descriptors cached;

    private VariableChange() {
    }

    static void lot(ScoreDirector<AllocationSolution> scoreDirector, NeedChunk chunk, Lot lot) {
        InnerScoreDirector<AllocationSolution, ?> director = inner(scoreDirector);
        VariableDescriptor<AllocationSolution> variable = descriptors(director).lot();
        director.beforeVariableChanged(variable, chunk);
        chunk.setLot(lot);
        director.afterVariableChanged(variable, chunk);
    }

    static void quantity(ScoreDirector<AllocationSolution> scoreDirector, NeedChunk chunk, int quantity) {
        InnerScoreDirector<AllocationSolution, ?> director = inner(scoreDirector);
        VariableDescriptor<AllocationSolution> variable = descriptors(director).quantity();
        director.beforeVariableChanged(variable, chunk);
        chunk.setQuantity(quantity);
        director.afterVariableChanged(variable, chunk);
    }

    static void option(ScoreDirector<AllocationSolution> scoreDirector, TeamSlot slot, TeamOption option) {
        InnerScoreDirector<AllocationSolution, ?> director = inner(scoreDirector);
        VariableDescriptor<AllocationSolution> variable = descriptors(director).option();
        director.beforeVariableChanged(variable, slot);
        slot.setOption(option);
        director.afterVariableChanged(variable, slot);
    }

    @SuppressWarnings("unchecked")
    private static InnerScoreDirector<AllocationSolution, ?> inner(ScoreDirector<AllocationSolution> scoreDirector) {
        return (InnerScoreDirector<AllocationSolution, ?>) scoreDirector;
    }

    private static Descriptors descriptors(InnerScoreDirector<AllocationSolution, ?> director) {
        Descriptors d = cached;
        SolutionDescriptor<AllocationSolution> solution = director.getSolutionDescriptor();
        if (d == null || d.solution() != solution) {
            var chunks = solution.findEntityDescriptorOrFail(NeedChunk.class);
            d = new Descriptors(solution, chunks.getGenuineVariableDescriptor("lot"),
                    chunks.getGenuineVariableDescriptor("quantity"),
                    solution.findEntityDescriptorOrFail(TeamSlot.class).getGenuineVariableDescriptor("option"));
            cached = d;
        }
        return d;
    }
}
