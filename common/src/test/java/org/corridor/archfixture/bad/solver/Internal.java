package org.corridor.archfixture.bad.solver;

/** Fixture: a solver internal. */
public enum Internal {
    A
}
