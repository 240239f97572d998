package org.corridor.inventory.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Kind of depot. */
@Schema(description = "Kind of depot")
public enum DepotKind {
    NATIONAL_RESERVE, UN_HUB, NGO_WAREHOUSE, PREPOSITIONED
}
