package org.corridor.allocation.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.corridor.allocation.solver.api.PlanAnalysis;
import org.corridor.allocation.solver.api.SolverInput;
import org.optaplanner.core.api.score.ScoreExplanation;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.api.score.constraint.ConstraintMatchTotal;
import org.optaplanner.core.api.solver.SolutionManager;

/**
 * Score explanation of a plan: every constraint (in {@link AllocationWeights} order, including those that did not
 * match) with its level, total score and match count, plus the unmet reasons of {@link OutcomeExtractor}. Recomputes
 * the score of the solution it is given.
 */
public final class PlanAnalyzer {

    private PlanAnalyzer() {
    }

    public static PlanAnalysis analyze(AllocationSolution solution, SolverInput input,
            SolutionManager<AllocationSolution, HardMediumSoftLongScore> solutionManager) {
        ScoreExplanation<AllocationSolution, HardMediumSoftLongScore> explanation = solutionManager.explain(solution);
        Map<String, ConstraintMatchTotal<HardMediumSoftLongScore>> byId = explanation.getConstraintMatchTotalMap();
        List<PlanAnalysis.ConstraintScore> constraints = new ArrayList<>();
        for (AllocationWeights.Definition d : AllocationWeights.definitions().values()) {
            ConstraintMatchTotal<HardMediumSoftLongScore> total = byId.values().stream()
                    .filter(t -> t.getConstraintName().equals(d.name())).findFirst().orElse(null);
            HardMediumSoftLongScore score = total == null ? HardMediumSoftLongScore.ZERO : total.getScore();
            int count = total == null ? 0 : total.getConstraintMatchCount();
            constraints.add(new PlanAnalysis.ConstraintScore(d.name(), d.level().name(), score.toString(), count));
        }
        return new PlanAnalysis(explanation.getScore().toString(), constraints,
                OutcomeExtractor.unmet(solution, input));
    }

    /** Same, with a solution manager built from {@code solverConfig.xml}. */
    public static PlanAnalysis analyze(AllocationSolution solution, SolverInput input) {
        return analyze(solution, input, AllocationSolverConfig.solutionManager());
    }
}
