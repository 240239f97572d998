package org.corridor.inventory.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Incident types a lot may be earmarked for (the same list as allocation-service incidents). */
@Schema(description = "Type of incident")
public enum IncidentType {
    EARTHQUAKE, FLOOD, CYCLONE, TSUNAMI, LANDSLIDE, DROUGHT, EPIDEMIC, WILDFIRE, OTHER
}
