package org.corridor.allocation.domain;

/** INSARAG USAR classes, WHO EMT types and support teams, as in inventory's team registry. */
public enum TeamType {
    USAR_LIGHT, USAR_MEDIUM, USAR_HEAVY, EMT_TYPE_1_MOBILE, EMT_TYPE_1_FIXED, EMT_TYPE_2, EMT_TYPE_3, EMT_SPECIALISED_CELL, WASH, LOGISTICS
}
