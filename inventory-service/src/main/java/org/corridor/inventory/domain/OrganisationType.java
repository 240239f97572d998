package org.corridor.inventory.domain;

/** Kind of organisation (CONTRACT.md). */
public enum OrganisationType { GOVERNMENT, UN_AGENCY, NGO, RED_CROSS_RED_CRESCENT, DONOR_AGENCY, PRIVATE_SECTOR }
