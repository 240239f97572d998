package org.corridor.inventory.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.corridor.common.paging.PageResponse;
import org.corridor.common.persistence.QueryFilter;
import org.corridor.common.problem.ProblemException;
import org.corridor.common.time.DbClock;
import org.corridor.inventory.domain.Team;
import org.corridor.inventory.domain.TeamStatus;
import org.corridor.inventory.domain.TeamType;
import org.hibernate.jpa.HibernateHints;

/** The team registry and its assignment to incidents (by the caller's reference, e.g. a plan id). */
@ApplicationScoped
public class TeamService {

    private final References refs;
    private final EntityManager em;

    public TeamService(References refs, EntityManager em) {
        this.refs = refs;
        this.em = em;
    }

    /** A team to register; a null status is AVAILABLE. */
    public record NewTeam(String name, String countryCode, UUID organisationId, TeamType type, int members,
            double baseLatitude, double baseLongitude, int mobilisationHours, int selfSufficiencyDays,
            TeamStatus status) {
    }

    @Transactional
    public TeamView create(NewTeam n) {
        refs.requireCountry(n.countryCode(), "countryCode");
        refs.requireOrganisation(n.organisationId(), "organisationId");
        TeamStatus status = n.status() == null ? TeamStatus.AVAILABLE : n.status();
        if (status == TeamStatus.ASSIGNED) {
            throw ProblemException.unprocessable("Team cannot be registered as assigned",
                    "Register the team as AVAILABLE (or DEPLOYED / STOOD_DOWN), then assign it with "
                            + "POST /api/v1/teams/{id}/assignment");
        }
        Team t = new Team();
        t.id = UUID.randomUUID();
        t.name = n.name();
        t.countryCode = n.countryCode();
        t.organisationId = n.organisationId();
        t.type = n.type();
        t.members = n.members();
        t.baseLatitude = n.baseLatitude();
        t.baseLongitude = n.baseLongitude();
        t.mobilisationHours = n.mobilisationHours();
        t.selfSufficiencyDays = n.selfSufficiencyDays();
        t.status = status;
        t.createdAt = DbClock.now();
        t.persistAndFlush();
        return TeamView.of(t);
    }

    public TeamView get(UUID id) {
        Team t = Team.findById(id);
        if (t == null) {
            throw ProblemException.notFound("Team", id);
        }
        return TeamView.of(t);
    }

    /** Teams by name, with a status, type, country and/or exact assignment reference. */
    public PageResponse<TeamView> list(TeamStatus status, TeamType type, String countryCode,
            String assignmentReference, int page, int size) {
        QueryFilter f = QueryFilter.create().eq("status", status).eq("type", type).eq("countryCode", countryCode)
                .eq("assignmentReference", assignmentReference);
        return PageResponse.of(Team.find(f.where(), Sort.by("name").and("id"), f.params()), page, size, TeamView::of);
    }

    /**
     * Every team matching the filters of {@link #list}, in the same order, handed one by one to {@code sink} while a
     * database cursor reads them; each is detached once handed over, so an export of any size holds one fetch.
     */
    @Transactional
    public void forEachTeam(TeamStatus status, TeamType type, String countryCode, String assignmentReference,
            Consumer<TeamView> sink) {
        QueryFilter f = QueryFilter.create().eq("status", status).eq("type", type).eq("countryCode", countryCode)
                .eq("assignmentReference", assignmentReference);
        TypedQuery<Team> q = em.createQuery("from Team where " + f.where()
                + " order by name, id", Team.class);
        f.params().map().forEach(q::setParameter);
        q.setHint(HibernateHints.HINT_FETCH_SIZE, StockService.STREAM_FETCH_SIZE)
                .setHint(HibernateHints.HINT_READ_ONLY, true);
        try (Stream<Team> teams = q.getResultStream()) {
            teams.forEach(t -> {
                sink.accept(TeamView.of(t));
                em.detach(t);
            });
        }
    }

    /** AVAILABLE to ASSIGNED; the same reference again answers the same; another reference is a 409. */
    @Transactional
    public TeamView assign(UUID id, String reference) {
        Team t = lock(id);
        switch (t.status) {
            case AVAILABLE -> {
                t.status = TeamStatus.ASSIGNED;
                t.assignmentReference = reference;
                t.assignedAt = DbClock.now();
                return TeamView.of(t);
            }
            case ASSIGNED -> {
                if (reference.equals(t.assignmentReference)) {
                    return TeamView.of(t);
                }
                throw ProblemException.conflict("Team already assigned",
                        "Team " + t.name + " is assigned to " + t.assignmentReference + "; release it first");
            }
            default -> throw ProblemException.conflict("Team not available",
                    "Team " + t.name + " is " + t.status + " and cannot be assigned");
        }
    }

    /**
     * ASSIGNED to AVAILABLE; an AVAILABLE team is answered as it is. With a reference, only an assignment made under
     * that reference is released: a team assigned under another one is a 409 and stays assigned, so that undoing one
     * plan's approval never frees a team another plan holds.
     */
    @Transactional
    public TeamView release(UUID id, String reference) {
        Team t = lock(id);
        switch (t.status) {
            case AVAILABLE -> {
                return TeamView.of(t);
            }
            case ASSIGNED -> {
                if (reference != null && !reference.equals(t.assignmentReference)) {
                    throw ProblemException.conflict("Team assigned under another reference",
                            "Team " + t.name + " is assigned under " + t.assignmentReference + ", not " + reference
                                    + "; it stays assigned");
                }
                t.status = TeamStatus.AVAILABLE;
                t.assignmentReference = null;
                t.assignedAt = null;
                return TeamView.of(t);
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
