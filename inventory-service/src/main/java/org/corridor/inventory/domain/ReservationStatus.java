package org.corridor.inventory.domain;

/** HELD until released (stock back to available) or consumed (stock issued out of the depot). */
public enum ReservationStatus { HELD, RELEASED, CONSUMED }
