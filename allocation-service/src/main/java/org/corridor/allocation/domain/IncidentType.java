package org.corridor.allocation.domain;

/** Hazard of an incident. */
public enum IncidentType {
    EARTHQUAKE, FLOOD, CYCLONE, TSUNAMI, LANDSLIDE, DROUGHT, EPIDEMIC, WILDFIRE, OTHER
}
