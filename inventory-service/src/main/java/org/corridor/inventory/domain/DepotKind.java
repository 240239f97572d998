package org.corridor.inventory.domain;

/** Kind of depot (CONTRACT.md). */
public enum DepotKind { NATIONAL_RESERVE, UN_HUB, NGO_WAREHOUSE, PREPOSITIONED }
