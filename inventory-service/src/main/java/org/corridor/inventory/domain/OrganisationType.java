package org.corridor.inventory.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Kind of organisation. */
@Schema(description = "Kind of organisation")
public enum OrganisationType {
    GOVERNMENT, UN_AGENCY, NGO, RED_CROSS_RED_CRESCENT, DONOR_AGENCY, PRIVATE_SECTOR
}
