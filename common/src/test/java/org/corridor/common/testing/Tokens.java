package org.corridor.common.testing;

import io.smallrye.jwt.build.Jwt;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.corridor.local.LocalKeys;

/**
 * The bearer tokens of the services' tests: valid ones for each role, issued exactly as {@code ./corridor} issues them
 * (local-run's {@link org.corridor.local.Tokens}), and the invalid ones a security test needs: expired, forged (signed
 * by a key nobody trusts) and from a foreign issuer ({@link TestCaller}).
 */
public final class Tokens {

    /** The issuer services expect unless {@code corridor.security.issuer} says otherwise. */
    public static final String DEFAULT_ISSUER = org.corridor.local.Tokens.DEFAULT_ISSUER;

    private final org.corridor.local.Tokens tokens;

    public Tokens(PrivateKey key, String issuer) {
        this.tokens = new org.corridor.local.Tokens(key, issuer);
    }

    public Tokens(LocalKeys keys) {
        this(keys.privateKey(), DEFAULT_ISSUER);
    }

    /** A token for {@code subject} with the given roles, acting for {@code organisationId} (may be null). */
    public String issue(String subject, List<String> roles, UUID organisationId, Duration lifetime) {
        return tokens.issue(subject, roles, organisationId, lifetime);
    }

    /** A token with the given roles, valid for an hour. */
    public String forRoles(String... roles) {
        return tokens.forRoles(roles);
    }

    /** A DONOR token acting for one organisation. */
    public String donor(UUID organisationId) {
        return tokens.donor(organisationId);
    }

    /** A token that expired ten minutes ago (beyond any clock skew allowed). */
    public String expired(String... roles) {
        Instant now = Instant.now();
        return tokens.claims("expired", Arrays.asList(roles), null, now.minus(Duration.ofHours(2)),
                now.minus(Duration.ofMinutes(10))).sign(tokens.key());
    }

    /** A well-formed token signed by a key nobody trusts. */
    public String forged(String... roles) {
        Instant now = Instant.now();
        return tokens.claims("forger", Arrays.asList(roles), null, now, now.plus(Duration.ofHours(1)))
                .sign(untrustedKey());
    }

    /** A correctly signed token from another issuer. */
    public String wrongIssuer(String... roles) {
        Instant now = Instant.now();
        return Jwt.issuer("https://elsewhere.example/issuer").subject("stranger")
                .groups(new LinkedHashSet<>(Arrays.asList(roles)))
                .issuedAt(now).expiresAt(now.plus(Duration.ofHours(1))).sign(tokens.key());
    }

    private static PrivateKey untrustedKey() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
