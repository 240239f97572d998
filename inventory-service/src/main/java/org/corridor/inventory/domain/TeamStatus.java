package org.corridor.inventory.domain;

/** A team is AVAILABLE, ASSIGNED to an incident (with a reference), DEPLOYED, or STOOD_DOWN. */
public enum TeamStatus { AVAILABLE, ASSIGNED, DEPLOYED, STOOD_DOWN }
