package org.corridor.local;

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
 * Issues Corridor bearer tokens (RS256) with a key pair of {@link LocalKeys}: for {@code ./corridor token}, the demo
 * loader, and the cross-service tests. The claims are those services read: {@code groups} (the roles) and, for a donor,
 * {@code org}.
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

    /** The claims of a Corridor token, unsigned (tests sign them with another key or make them expired). */
    public JwtClaimsBuilder claims(String subject, List<String> roles, UUID organisationId, Instant issuedAt,
            Instant expiresAt) {
        JwtClaimsBuilder b = Jwt.issuer(issuer).subject(subject).upn(subject)
                .groups(new LinkedHashSet<>(roles))
                .issuedAt(issuedAt).expiresAt(expiresAt)
                .claim("jti", UUID.randomUUID().toString());
        if (organisationId != null) {
            b.claim("org", organisationId.toString());
        }
        return b;
    }

    /** The key tokens are signed with. */
    public PrivateKey key() {
        return key;
    }

    /** A token with the given roles, valid for an hour. */
    public String forRoles(String... roles) {
        return issue("test-" + String.join("-", roles).toLowerCase(), Arrays.asList(roles), null, Duration.ofHours(1));
    }

    /** A DONOR token acting for one organisation, valid for an hour. */
    public String donor(UUID organisationId) {
        return issue("donor-" + organisationId, List.of("DONOR"), organisationId, Duration.ofHours(1));
    }
}
