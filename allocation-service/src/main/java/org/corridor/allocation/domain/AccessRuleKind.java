package org.corridor.allocation.domain;

/** Why a route is closed: a sanction regime or a physically/administratively closed border. */
public enum AccessRuleKind {
    EMBARGO, BORDER_CLOSED
}
