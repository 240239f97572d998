package org.corridor.common.security;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The bearer token this service presents when it calls another Corridor service. By default it signs a short-lived
 * token with the SERVICE role itself, with the key at {@code smallrye.jwt.sign.key.location} (the local key pair, or a
 * key shared by the services in a cluster). With an external identity provider, set
 * {@code corridor.security.service-token} to a token the provider issued instead.
 */
@ApplicationScoped
public class ServiceTokens {

    @ConfigProperty(name = "quarkus.application.name", defaultValue = "corridor")
    String applicationName;

    @ConfigProperty(name = "corridor.security.issuer", defaultValue = "https://corridor.local/issuer")
    String issuer;

    @ConfigProperty(name = "corridor.security.service-token")
    Optional<String> fixedToken;

    @ConfigProperty(name = "corridor.security.service-token-lifetime", defaultValue = "PT5M")
    Duration lifetime;

    private volatile String token;
    private volatile Instant renewAfter = Instant.MIN;

    /** A valid token, signed anew when the cached one is within a fifth of its lifetime of expiry. */
    public String current() {
        if (fixedToken.isPresent() && !fixedToken.get().isBlank()) {
            return fixedToken.get();
        }
        Instant now = Instant.now();
        if (token == null || now.isAfter(renewAfter)) {
            synchronized (this) {
                if (token == null || Instant.now().isAfter(renewAfter)) {
                    token = Jwt.issuer(issuer)
                            .subject(applicationName)
                            .upn(applicationName)
                            .groups(Set.of(Roles.SERVICE))
                            .issuedAt(now)
                            .expiresAt(now.plus(lifetime))
                            .sign();
                    renewAfter = now.plus(lifetime.multipliedBy(4).dividedBy(5));
                }
            }
        }
        return token;
    }
}
