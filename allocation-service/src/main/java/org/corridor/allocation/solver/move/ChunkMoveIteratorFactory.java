package org.corridor.allocation.solver.move;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.corridor.allocation.solver.AllocationSolution;
import org.corridor.allocation.solver.NeedChunk;
import org.optaplanner.core.api.score.director.ScoreDirector;
import org.optaplanner.core.impl.heuristic.move.Move;
import org.optaplanner.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

/**
 * Random moves over the line slots ({@link NeedChunk}) that respect the structure of the problem, so none is wasted on
 * an empty slot or a lot of another item. Nine families build them from one {@link MoveIndex} built when the phase
 * starts: {@link TransferMoves transfers} (and trades when the target lot is full), {@link SwapMoves swaps},
 * {@link EjectionMoves ejection chains}, {@link RouteClosureMoves route closures} (and the same with kicks,
 * {@link RouteClosureMoves#kicking()}), {@link RouteRebuildMoves route rebuilds}, {@link RouteModeMoves route mode
 * changes}, coverings of unmet units ({@link RouteClosureMoves#covering()}) and {@link LineChangeMoves line changes}.
 * Which family builds the next move is drawn by its share ({@link MoveShares}), set in {@code solverConfig.xml} as this
 * factory's custom properties {@code transferShare}, {@code swapShare}, {@code ejectionShare},
 * {@code routeClosureShare}, {@code routeKickShare}, {@code routeRebuildShare}, {@code routeModeShare},
 * {@code coverageShare} and {@code lineChangeShare}, and how many routes of random lines a route closure tries after
 * the dearest, {@code randomClosureTries}; there are no defaults in the code. A family that finds no move in its try
 * gives the turn back to the draw, {@value TeamMoveIteratorFactory#MAX_ATTEMPTS} times, then the iterator answers a
 * move that is not doable.
 */
public class ChunkMoveIteratorFactory implements MoveIteratorFactory<AllocationSolution, Move<AllocationSolution>> {

    private double transferShare = Double.NaN;
    private double swapShare = Double.NaN;
    private double ejectionShare = Double.NaN;
    private double routeClosureShare = Double.NaN;
    private double routeKickShare = Double.NaN;
    private double routeRebuildShare = Double.NaN;
    private double routeModeShare = Double.NaN;
    private double coverageShare = Double.NaN;
    private double lineChangeShare = Double.NaN;
    private Integer randomClosureTries;

    private MoveIndex index;
    private LotUse use;
    private MoveFamily[] families;
    private double[] thresholds;

    public void setTransferShare(double share) {
        transferShare = share;
    }

    public void setSwapShare(double share) {
        swapShare = share;
    }

    public void setEjectionShare(double share) {
        ejectionShare = share;
    }

    public void setRouteClosureShare(double share) {
        routeClosureShare = share;
    }

    public void setRouteKickShare(double share) {
        routeKickShare = share;
    }

    public void setRouteRebuildShare(double share) {
        routeRebuildShare = share;
    }

    public void setRouteModeShare(double share) {
        routeModeShare = share;
    }

    public void setCoverageShare(double share) {
        coverageShare = share;
    }

    public void setLineChangeShare(double share) {
        lineChangeShare = share;
    }

    /**
     * Routes of random lines a route closure (and each of its kicks) tries to close after the dearest running routes
     * ({@link RouteClosureMoves}).
     */
    public void setRandomClosureTries(int tries) {
        randomClosureTries = tries;
    }

    /** The shares as configured; fails when one is missing or they do not add up to 1. */
    MoveShares shares() {
        return new MoveShares(transferShare, swapShare, ejectionShare, routeClosureShare, routeKickShare,
                routeRebuildShare, routeModeShare, coverageShare, lineChangeShare);
    }

    @Override
    public void phaseStarted(ScoreDirector<AllocationSolution> scoreDirector) {
        thresholds = shares().thresholds();
        if (randomClosureTries == null || randomClosureTries < 0) {
            throw new IllegalStateException("ChunkMoveIteratorFactory needs randomClosureTries in solverConfig.xml "
                    + "(moveIteratorFactoryCustomProperties), 0 or more, was " + randomClosureTries);
        }
        index = new MoveIndex(scoreDirector.getWorkingSolution());
        use = new LotUse(index);
        RouteEdit edit = new RouteEdit(index, use);
        families = new MoveFamily[MoveShares.LINE_CHANGE + 1];
        families[MoveShares.TRANSFER] = new TransferMoves(index, use);
        families[MoveShares.SWAP] = new SwapMoves(index);
        families[MoveShares.EJECTION] = new EjectionMoves(index);
        RouteClosureMoves closures = new RouteClosureMoves(index, use, edit, randomClosureTries);
        families[MoveShares.ROUTE_CLOSURE] = closures;
        families[MoveShares.ROUTE_KICK] = closures.kicking();
        families[MoveShares.ROUTE_REBUILD] = new RouteRebuildMoves(index, edit);
        families[MoveShares.ROUTE_MODE] = new RouteModeMoves(index);
        families[MoveShares.COVERAGE] = closures.covering();
        families[MoveShares.LINE_CHANGE] = new LineChangeMoves(index);
    }

    @Override
    public void phaseEnded(ScoreDirector<AllocationSolution> scoreDirector) {
        index = null;
        use = null;
        families = null;
    }

    @Override
    public long getSize(ScoreDirector<AllocationSolution> scoreDirector) {
        long n = scoreDirector.getWorkingSolution().getChunks().size();
        return n * n;
    }

    @Override
    public Iterator<Move<AllocationSolution>> createOriginalMoveIterator(
            ScoreDirector<AllocationSolution> scoreDirector) {
        throw new UnsupportedOperationException("ChunkMoveIteratorFactory only supports random selection");
    }

    @Override
    public Iterator<Move<AllocationSolution>> createRandomMoveIterator(ScoreDirector<AllocationSolution> scoreDirector,
            Random random) {
        if (index == null) {
            phaseStarted(scoreDirector);
        }
        use.nextStep();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !index.isEmpty();
            }

            @Override
            public Move<AllocationSolution> next() {
                return nextMove(random);
            }
        };
    }

    private Move<AllocationSolution> nextMove(Random random) {
        for (int attempt = 0; attempt < TeamMoveIteratorFactory.MAX_ATTEMPTS; attempt++) {
            Move<AllocationSolution> m = family(random.nextDouble()).next(random);
            if (m != null) {
                use.touched(m);
                return m;
            }
        }
        // nothing found in as many tries: a move that is not doable, which OptaPlanner skips, so that the
        // solver keeps checking its termination instead of waiting here
        List<NeedChunk> movable = index.movable();
        NeedChunk any = movable.get(random.nextInt(movable.size()));
        return new ChunkEditMove(List.of(any), Collections.singletonList(any.getLot()), List.of(any.getQuantity()));
    }

    /** The family whose cumulative share first exceeds r; the last one for the rest. */
    private MoveFamily family(double r) {
        for (int f = 0; f < thresholds.length; f++) {
            if (r < thresholds[f]) {
                return families[f];
            }
        }
        return families[MoveShares.LINE_CHANGE];
    }
}
