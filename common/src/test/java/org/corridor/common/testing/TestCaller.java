package org.corridor.common.testing;

import java.util.UUID;

/**
 * Who calls an endpoint in a security matrix: no token, four kinds of bad token (each would carry every powerful role
 * if it were trusted), and each role with a valid token.
 */
public enum TestCaller {
    NO_TOKEN, FORGED, EXPIRED, WRONG_ISSUER, GARBAGE, DONOR, DASHBOARD, LOGISTICS_OFFICER, ADMIN, SERVICE;

    private static final String[] POWERFUL = {"ADMIN", "LOGISTICS_OFFICER", "SERVICE"};

    /** True for the callers that must get 401 everywhere. */
    public boolean unauthenticated() {
        return ordinal() <= GARBAGE.ordinal();
    }

    /** The bearer token this caller sends (null: none); a DONOR acts for a fresh organisation. */
    public String token(Tokens tokens) {
        return switch (this) {
            case NO_TOKEN -> null;
            case FORGED -> tokens.forged(POWERFUL);
            case EXPIRED -> tokens.expired(POWERFUL);
            case WRONG_ISSUER -> tokens.wrongIssuer(POWERFUL);
            case GARBAGE -> "not.a.jwt";
            case DONOR -> tokens.donor(UUID.randomUUID());
            default -> tokens.forRoles(name());
        };
    }
}
