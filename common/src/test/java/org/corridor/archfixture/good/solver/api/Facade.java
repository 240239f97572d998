package org.corridor.archfixture.good.solver.api;

/** Fixture: the solver's surface. */
public final class Facade {
    private Facade() {
    }

    public static int solve(int n) {
        return n;
    }
}
