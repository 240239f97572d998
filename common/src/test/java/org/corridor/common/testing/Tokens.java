package org.corridor.common.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Issues the bearer tokens (RS256) of the services' tests with a key pair of {@link LocalKeys}: valid
 * ones for each role, and expired, forged and foreign-issuer ones ({@link TestCaller}). ({@code ./corridor}
 * and the cross-service tests use local-run's {@code org.corridor.local.Tokens}, the same claims.)
 */
public final class Tokens {

    /** The issuer services expect unless {@code corridor.security.issuer} says otherwise. */
    public static final String DEFAULT_ISSUER = "https://corridor.local/issuer";

    private final PrivateKey key;
    private final String issuer;

    public Tokens(PrivateKey key, String issuer) {
        this.key = key;
        this.issuer = issuer;
    }

    public Tokens(LocalKeys keys) {
        this(keys.privateKey(), DEFAULT_ISSUER);
    }

    /** A token for {@code subject} with the given roles, acting for {@code organisationId} (may be null). */
    public String issue(String subject, List<String> roles, UUID organisationId, Duration lifetime) {
        Instant now = Instant.now();
        return claims(subject, roles, organisationId, now, now.plus(lifetime)).sign(key);
    }

    /** A token with the given roles, valid for an hour. */
    public String forRoles(String... roles) {
        return issue("test-" + String.join("-", roles).toLowerCase(), Arrays.asList(roles), null, Duration.ofHours(1));
    }

    /** A DONOR token acting for one organisation. */
    public String donor(UUID organisationId) {
        return issue("donor-" + organisationId, List.of("DONOR"), organisationId, Duration.ofHours(1));
    }

    /** A token that expired ten minutes ago (beyond any clock skew allowed). */
    public String expired(String... roles) {
        Instant now = Instant.now();
        return claims("expired", Arrays.asList(roles), null, now.minus(Duration.ofHours(2)), now.minus(Duration.ofMinutes(10)))
                .sign(key);
    }

    /** A well-formed token signed by a key nobody trusts. */
    public String forged(String... roles) {
        Instant now = Instant.now();
        return claims("forger", Arrays.asList(roles), null, now, now.plus(Duration.ofHours(1)))
                .sign(LocalKeys.untrusted().getPrivate());
    }

    /** A correctly signed token from another issuer. */
    public String wrongIssuer(String... roles) {
        Instant now = Instant.now();
        return Jwt.issuer("https://elsewhere.example/issuer").subject("stranger")
                .groups(new LinkedHashSet<>(Arrays.asList(roles)))
                .issuedAt(now).expiresAt(now.plus(Duration.ofHours(1))).sign(key);
    }

    private JwtClaimsBuilder claims(String subject, List<String> roles, UUID organisationId, Instant issuedAt, Instant expiresAt) {
        JwtClaimsBuilder b = Jwt.issuer(issuer).subject(subject).upn(subject)
                .groups(new LinkedHashSet<>(roles))
                .issuedAt(issuedAt).expiresAt(expiresAt)
                .claim("jti", UUID.randomUUID().toString());
        if (organisationId != null) {
            b.claim("org", organisationId.toString());
        }
        return b;
    }
}
