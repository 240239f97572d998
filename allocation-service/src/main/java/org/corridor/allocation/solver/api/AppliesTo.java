package org.corridor.allocation.solver.api;

/** What an access rule blocks. */
public enum AppliesTo {
    MATERIALS, TEAMS, ALL;

    public boolean blocksMaterials() {
        return this != TEAMS;
    }

    public boolean blocksTeams() {
        return this != MATERIALS;
    }
}
