package org.corridor.inventory.rest;

/** Descriptions shared by the OpenAPI annotations of problem answers. */
final class Problems {
    static final String IDEMPOTENCY_422 = "; or the Idempotency-Key was already used with a different body";

    private Problems() {
    }
}
