package org.corridor.allocation.solver.move;

import java.util.ArrayList;
import java.util.List;

/**
 * How often each material move family builds the next move: the shares set in {@code solverConfig.xml} (custom
 * properties of {@link ChunkMoveIteratorFactory}), which add up to 1. A uniform draw r in [0, 1) picks the first family
 * whose cumulative share exceeds r, in the order transfers, swaps, ejections, route closures, route kicks, route
 * rebuilds, route mode changes, coverings, line changes (the last takes whatever r is left).
 */
record MoveShares(double transfer, double swap, double ejection, double routeClosure, double routeKick,
        double routeRebuild, double routeMode, double coverage, double lineChange) {

    /** Family numbers, in the order of the cumulative shares. */
    static final int TRANSFER = 0;
    static final int SWAP = 1;
    static final int EJECTION = 2;
    static final int ROUTE_CLOSURE = 3;
    static final int ROUTE_KICK = 4;
    static final int ROUTE_REBUILD = 5;
    static final int ROUTE_MODE = 6;
    static final int COVERAGE = 7;
    static final int LINE_CHANGE = 8;

    MoveShares {
        List<String> wrong = new ArrayList<>();
        check("transferShare", transfer, wrong);
        check("swapShare", swap, wrong);
        check("ejectionShare", ejection, wrong);
        check("routeClosureShare", routeClosure, wrong);
        check("routeKickShare", routeKick, wrong);
        check("routeRebuildShare", routeRebuild, wrong);
        check("routeModeShare", routeMode, wrong);
        check("coverageShare", coverage, wrong);
        check("lineChangeShare", lineChange, wrong);
        double sum = transfer + swap + ejection + routeClosure + routeKick + routeRebuild + routeMode + coverage
                + lineChange;
        if (wrong.isEmpty() && Math.abs(sum - 1) > 1e-9) {
            wrong.add("the shares add up to " + sum + ", not 1");
        }
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("ChunkMoveIteratorFactory needs the share of each move family in "
                    + "solverConfig.xml (moveIteratorFactoryCustomProperties), each from 0 to 1, adding up to 1: "
                    + String.join("; ", wrong));
        }
    }

    private static void check(String name, double share, List<String> wrong) {
        if (Double.isNaN(share)) {
            wrong.add(name + " is not set");
        } else if (share < 0 || share > 1) {
            wrong.add(name + " is " + share);
        }
    }

    /** The cumulative shares of the families but the last, summed in family order. */
    double[] thresholds() {
        double[] t = new double[LINE_CHANGE];
        t[TRANSFER] = transfer;
        t[SWAP] = t[TRANSFER] + swap;
        t[EJECTION] = t[SWAP] + ejection;
        t[ROUTE_CLOSURE] = t[EJECTION] + routeClosure;
        t[ROUTE_KICK] = t[ROUTE_CLOSURE] + routeKick;
        t[ROUTE_REBUILD] = t[ROUTE_KICK] + routeRebuild;
        t[ROUTE_MODE] = t[ROUTE_REBUILD] + routeMode;
        t[COVERAGE] = t[ROUTE_MODE] + coverage;
        return t;
    }
}
