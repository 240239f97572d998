package org.corridor.allocation.service;

import io.quarkus.panache.common.Parameters;
import java.time.Instant;
import java.util.UUID;
import org.corridor.common.problem.ProblemException;

/**
 * Which needs of an incident GET /incidents/{id}/needs lists, in JSON pages and CSV alike. A need's own fields never
 * change once recorded (its coverage does, and that moves the page's ETag, not {@code since}): {@code since} lists the
 * needs recorded strictly after it, and with {@code sinceId} (the id of the last need read) the position
 * ({@code since}, {@code sinceId}) is a keyset cursor in the list's order (createdAt, id), as GET /shipments pages.
 */
public record NeedFilter(UUID incidentId, UUID siteId, Instant since, UUID sinceId) {

    public NeedFilter {
        if (sinceId != null && since == null) {
            throw ProblemException.badRequest("Query parameter sinceId needs since: together they name the last need "
                    + "already read (its createdAt and id)");
        }
    }

    /** The JPQL condition over {@code Need} (unqualified paths), with named parameters from {@link #params()}. */
    public String where() {
        return where("");
    }

    /** {@link #where()} with every path prefixed by {@code alias}, e.g. {@code "n."}. */
    public String where(String alias) {
        StringBuilder w = new StringBuilder(alias).append("incidentId = :incident");
        if (siteId != null) {
            w.append(" and ").append(alias).append("siteId = :site");
        }
        if (since != null) {
            String at = alias + "createdAt";
            w.append(sinceId == null
                    ? " and " + at + " > :since"
                    : " and (" + at + " > :since or (" + at + " = :since and " + alias + "id > :sinceId))");
        }
        return w.toString();
    }

    public Parameters params() {
        Parameters p = Parameters.with("incident", incidentId);
        if (siteId != null) {
            p.and("site", siteId);
        }
        if (since != null) {
            p.and("since", since);
            if (sinceId != null) {
                p.and("sinceId", sinceId);
            }
        }
        return p;
    }
}
