package org.corridor.inventory.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A team is AVAILABLE, ASSIGNED to an incident (with a reference), DEPLOYED, or STOOD_DOWN. */
@Schema(description = "Status of a team")
public enum TeamStatus {
    AVAILABLE, ASSIGNED, DEPLOYED, STOOD_DOWN
}
