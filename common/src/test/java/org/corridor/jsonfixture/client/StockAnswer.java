package org.corridor.jsonfixture.client;

/** What another service answers, as a client's wire record declares it (no annotation on purpose). */
public record StockAnswer(String lotId, int available) {
}
