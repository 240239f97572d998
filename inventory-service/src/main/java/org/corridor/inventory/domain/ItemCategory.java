package org.corridor.inventory.domain;

/** Relief item category (CONTRACT.md). */
public enum ItemCategory { SHELTER, WASH, FOOD, HEALTH, NFI, LOGISTICS }
