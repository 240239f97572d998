package org.corridor.allocation.rest;

/** Texts of the OpenAPI document that several resources share. */
final class ApiDocs {

    /** The optional Idempotency-Key of the create POSTs. */
    static final String OPTIONAL_KEY = "Optional: same key and body replay the first answer; same key with another "
            + "body is 422";

    private ApiDocs() {
    }
}
