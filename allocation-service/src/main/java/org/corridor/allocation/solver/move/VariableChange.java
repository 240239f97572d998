package org.corridor.allocation.solver.move;

import org.corridor.allocation.solver.AllocationSolution;
import org.corridor.allocation.solver.Lot;
import org.corridor.allocation.solver.NeedChunk;
import org.corridor.allocation.solver.TeamOption;
import org.corridor.allocation.solver.TeamSlot;
import org.corridor.allocation.solver.api.TransportMode;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.domain.solution.descriptor.SolutionDescriptor;
import org.optaplanner.core.impl.domain.variable.descriptor.VariableDescriptor;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;

/**
 * Changes a planning variable of a slot and tells the score director, for the custom moves. The variables' descriptors
 * are looked up once per solution descriptor rather than by name on every change (OptaPlanner's by-name calls look up
 * the entity class and the variable name in maps each time, for every variable of every move evaluated).
 */
final class VariableChange {

    private record Descriptors(SolutionDescriptor<AllocationSolution> solution,
            VariableDescriptor<AllocationSolution> lot, VariableDescriptor<AllocationSolution> quantity,
            VariableDescriptor<AllocationSolution> mode, VariableDescriptor<AllocationSolution> option) {
    }

    private static volatile Descriptors cached;

    private VariableChange() {
    }

    static void lot(ScoreDirector<AllocationSolution> scoreDirector, NeedChunk chunk, Lot lot) {
        change(scoreDirector, Descriptors::lot, chunk, () -> chunk.setLot(lot));
    }

    static void quantity(ScoreDirector<AllocationSolution> scoreDirector, NeedChunk chunk, int quantity) {
        change(scoreDirector, Descriptors::quantity, chunk, () -> chunk.setQuantity(quantity));
    }

    static void mode(ScoreDirector<AllocationSolution> scoreDirector, NeedChunk chunk, TransportMode mode) {
        change(scoreDirector, Descriptors::mode, chunk, () -> chunk.setMode(mode));
    }

    static void option(ScoreDirector<AllocationSolution> scoreDirector, TeamSlot slot, TeamOption option) {
        change(scoreDirector, Descriptors::option, slot, () -> slot.setOption(option));
    }

    private static void change(ScoreDirector<AllocationSolution> scoreDirector,
            java.util.function.Function<Descriptors, VariableDescriptor<AllocationSolution>> variable, Object entity,
            Runnable set) {
        InnerScoreDirector<AllocationSolution, ?> director = inner(scoreDirector);
        VariableDescriptor<AllocationSolution> descriptor = variable.apply(descriptors(director));
        director.beforeVariableChanged(descriptor, entity);
        set.run();
        director.afterVariableChanged(descriptor, entity);
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
                    chunks.getGenuineVariableDescriptor("quantity"), chunks.getGenuineVariableDescriptor("mode"),
                    solution.findEntityDescriptorOrFail(TeamSlot.class).getGenuineVariableDescriptor("option"));
            cached = d;
        }
        return d;
    }
}
