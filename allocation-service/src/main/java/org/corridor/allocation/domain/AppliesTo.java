package org.corridor.allocation.domain;

/** What an access rule blocks: materials, teams, or both. */
public enum AppliesTo {
    MATERIALS, TEAMS, ALL
}
