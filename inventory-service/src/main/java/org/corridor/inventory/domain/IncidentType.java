package org.corridor.inventory.domain;

/** Incident types a lot may be earmarked for (the same list as allocation-service incidents). */
public enum IncidentType { EARTHQUAKE, FLOOD, CYCLONE, TSUNAMI, LANDSLIDE, DROUGHT, EPIDEMIC, WILDFIRE, OTHER }
