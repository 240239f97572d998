package org.corridor.inventory.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.corridor.common.problem.ProblemException;
import org.corridor.inventory.domain.Team;
import org.corridor.inventory.domain.TeamStatus;
import org.corridor.inventory.domain.TeamType;

/** The team registry and its assignment to incidents (by the caller's reference, e.g. a plan id). */
@ApplicationScoped
public class TeamService {

    private final References refs;
    private final EntityManager em;

    public TeamService(References refs, EntityManager em) {
        this.refs = refs;
        this.em = em;
    }

    @Transactional
    public Team create(Team t) {
        refs.requireCountry(t.countryCode, "countryCode");
        refs.requireOrganisation(t.organisationId, "organisationId");
        if (t.status == null) {
            t.status = TeamStatus.AVAILABLE;
        }
        if (t.status == TeamStatus.ASSIGNED) {
            throw ProblemException.unprocessable("Team cannot be registered as assigned",
                    "Register the team as AVAILABLE (or DEPLOYED / STOOD_DOWN), then assign it with POST /api/v1/teams/{id}/assignment");
        }
        t.id = UUID.randomUUID();
        t.createdAt = References.now();
        t.persistAndFlush();
        return t;
    }

    public Team get(UUID id) {
        Team t = Team.findById(id);
        if (t == null) {
            throw ProblemException.notFound("Team", id);
        }
        return t;
    }

    public PanacheQuery<Team> list(TeamStatus status, TeamType type, String countryCode) {
        Filter f = new Filter().eq("status", status).eq("type", type)
                .eq("countryCode", countryCode);
        return Team.find(f.where(), Sort.by("name").and("id"), f.params());
    }

    /** AVAILABLE to ASSIGNED; the same reference again answers the same; another reference is a 409. */
    @Transactional
    public Team assign(UUID id, String reference) {
        Team t = lock(id);
        switch (t.status) {
            case AVAILABLE -> {
                t.status = TeamStatus.ASSIGNED;
                t.assignmentReference = reference;
                t.assignedAt = References.now();
                return t;
            }
            case ASSIGNED -> {
                if (reference.equals(t.assignmentReference)) {
                    return t;
                }
                throw ProblemException.conflict("Team already assigned",
                        "Team " + t.name + " is assigned to " + t.assignmentReference + "; release it first");
            }
            default -> throw ProblemException.conflict("Team not available",
                    "Team " + t.name + " is " + t.status + " and cannot be assigned");
        }
    }

    /** ASSIGNED to AVAILABLE; an AVAILABLE team is answered as it is. */
    @Transactional
    public Team release(UUID id) {
        Team t = lock(id);
        switch (t.status) {
            case AVAILABLE -> {
                return t;
            }
            case ASSIGNED -> {
                t.status = TeamStatus.AVAILABLE;
                t.assignmentReference = null;
                t.assignedAt = null;
                return t;
            }
            default -> throw ProblemException.conflict("Team not assigned",
                    "Team " + t.name + " is " + t.status + "; only an assignment can be released");
        }
    }

    private Team lock(UUID id) {
        Team t = em.find(Team.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (t == null) {
            throw ProblemException.notFound("Team", id);
        }
        return t;
    }
}
