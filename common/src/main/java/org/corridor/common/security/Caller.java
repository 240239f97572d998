package org.corridor.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.corridor.common.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, for object-level rules that {@code @RolesAllowed} cannot express. A DONOR acts for one organisation,
 * named by the token's organisation claim ({@code org} unless {@code corridor.security.organisation-claim} says
 * otherwise); officers, admins and services act for everyone.
 */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    @ConfigProperty(name = "corridor.security.organisation-claim", defaultValue = "org")
    String organisationClaim;

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** True when the caller may act on every organisation's objects. */
    public boolean actsForAll() {
        return has(Roles.ADMIN) || has(Roles.LOGISTICS_OFFICER) || has(Roles.SERVICE) || has(Roles.DASHBOARD);
    }

    /** The organisation named in the token, if any. */
    public Optional<UUID> organisationId() {
        Object value = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            value = jwt.getClaim(organisationClaim);
        }
        if (value == null) {
            value = identity.getAttribute(organisationClaim);
        }
        if (value == null) {
            return Optional.empty();
        }
        String text = value.toString().replace("\"", "").trim();
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The organisation this caller is confined to, or empty when it acts for all. A caller that is only a DONOR must
     * carry an organisation claim; without one it is refused (403).
     */
    public Optional<UUID> confinedTo() {
        if (actsForAll()) {
            return Optional.empty();
        }
        return Optional.of(organisationId().orElseThrow(() -> ProblemException.forbidden(
                "This token names no organisation (claim '" + organisationClaim + "'), so it may not act on stock")));
    }

    /**
     * True when the caller may change every organisation's objects: an officer, an admin or a service. Unlike
     * {@link #actsForAll()} a DASHBOARD role does not count, since it only reads: a token with DONOR and DASHBOARD sees
     * everything but changes only its own organisation's objects.
     */
    public boolean changesForAll() {
        return has(Roles.ADMIN) || has(Roles.LOGISTICS_OFFICER) || has(Roles.SERVICE);
    }

    /**
     * The organisation this caller's changes are confined to, or empty when it changes everything
     * ({@link #changesForAll()}). Meant for endpoints whose only other admitted role is DONOR; a confined caller
     * without an organisation claim is refused (403).
     */
    public Optional<UUID> changesConfinedTo() {
        if (changesForAll()) {
            return Optional.empty();
        }
        return Optional.of(organisationId().orElseThrow(() -> ProblemException.forbidden(
                "This token names no organisation (claim '" + organisationClaim + "'), so it may not act on stock")));
    }

    /** True when the caller may see or change an object owned by {@code owner}. */
    public boolean mayAccess(UUID owner) {
        Optional<UUID> confined = confinedTo();
        return confined.isEmpty() || confined.get().equals(owner);
    }
}
