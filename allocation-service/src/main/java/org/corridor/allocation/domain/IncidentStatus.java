package org.corridor.allocation.domain;

/** An OPEN incident can get needs and be planned; a CLOSED one is read-only. */
public enum IncidentStatus {
    OPEN, CLOSED
}
