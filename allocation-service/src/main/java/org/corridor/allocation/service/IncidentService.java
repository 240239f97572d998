package org.corridor.allocation.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.corridor.allocation.domain.Incident;
import org.corridor.allocation.domain.IncidentStatus;
import org.corridor.allocation.domain.IncidentType;
import org.corridor.allocation.domain.Need;
import org.corridor.allocation.domain.Site;
import org.corridor.allocation.domain.TeamNeed;
import org.corridor.allocation.inventory.InventoryClient;
import org.corridor.allocation.rest.dto.IncidentDtos.NewIncident;
import org.corridor.allocation.rest.dto.IncidentDtos.NewNeed;
import org.corridor.allocation.rest.dto.IncidentDtos.NewSite;
import org.corridor.allocation.rest.dto.IncidentDtos.NewTeamNeed;
import org.corridor.allocation.rest.dto.IncidentDtos.IncidentDto;
import org.corridor.allocation.rest.dto.IncidentDtos.NeedDto;
import org.corridor.allocation.rest.dto.IncidentDtos.TeamNeedDto;
import org.corridor.common.paging.PageParams;
import org.corridor.common.paging.PageResponse;
import org.corridor.common.problem.ProblemException;

/**
 * Incidents, their sites, needs and team needs. Country codes and item codes are checked against
 * inventory-service before anything is written (422 if unknown, 503 if inventory is down); the
 * inventory call happens outside the database transaction.
 */
@ApplicationScoped
public class IncidentService {

    private final InventoryClient inventory;

    public IncidentService(InventoryClient inventory) {
        this.inventory = inventory;
    }

    /** Checks against inventory (outside any transaction): 422 unknown country, 503 inventory down. */
    public void checkNew(NewIncident req) {
        requireKnownCountry(req.countryCode(), "countryCode");
    }

    /** Records a checked incident, in the caller's transaction if there is one. */
    @Transactional
    public Incident persistNew(NewIncident req) {
        Incident i = new Incident();
        i.id = UUID.randomUUID();
        i.name = req.name().strip();
        i.type = req.type();
        i.glide = req.glide();
        i.countryCode = req.countryCode();
        i.startedAt = req.startedAt();
        i.status = IncidentStatus.OPEN;
        i.createdAt = Instant.now();
        int pos = 0;
        for (NewSite ns : req.sites()) {
            Site s = new Site();
            s.id = UUID.randomUUID();
            s.incident = i;
            s.name = ns.name().strip();
            s.latitude = ns.latitude();
            s.longitude = ns.longitude();
            s.affectedPopulation = ns.affectedPopulation();
            s.position = pos++;
            i.sites.add(s);
        }
        i.persist();
        return i;
    }

    /** 422 when inventory does not know the country, 503 when inventory is down. */
    public void requireKnownCountry(String iso3, String field) {
        if (inventory.country(iso3).isEmpty()) {
            throw ProblemException.unprocessable("Unknown country",
                    field + " " + iso3 + " is not a country known to inventory-service");
        }
    }

    @Transactional
    public Incident get(UUID id) {
        Incident i = Incident.findById(id);
        if (i == null) {
            throw ProblemException.notFound("Incident", id);
        }
        i.sites.size();
        return i;
    }

    @Transactional
    public PageResponse<IncidentDto> list(IncidentStatus status, IncidentType type, String countryCode, PageParams page) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (status != null) {
            q.append(" and status = :status");
            p.and("status", status);
        }
        if (type != null) {
            q.append(" and type = :type");
            p.and("type", type);
        }
        if (countryCode != null && !countryCode.isBlank()) {
            q.append(" and countryCode = :country");
            p.and("country", countryCode.toUpperCase());
        }
        PanacheQuery<Incident> query = Incident.find(q.toString(), Sort.by("createdAt").descending().and("id"), p);
        return PageResponse.of(query, page, IncidentDto::of);
    }

    /** Closes an incident (idempotent): it keeps its needs and plans but takes no new needs and is not planned. */
    @Transactional
    public Incident close(UUID id) {
        Incident i = get(id);
        if (i.status != IncidentStatus.CLOSED) {
            i.status = IncidentStatus.CLOSED;
            i.closedAt = Instant.now();
        }
        return i;
    }

    /** Checks a new need: site of the incident (no network, first), then the item against inventory's catalogue. */
    public void checkNeed(UUID incidentId, NewNeed req) {
        QuarkusTransaction.requiringNew().run(() -> requireOpenSite(incidentId, req.siteId()));
        if (inventory.item(req.itemCode()).isEmpty()) {
            throw ProblemException.unprocessable("Unknown item",
                    "itemCode " + req.itemCode() + " is not in inventory-service's catalogue");
        }
    }

    /** Records a checked need, in the caller's transaction if there is one. */
    @Transactional
    public Need persistNeed(UUID incidentId, NewNeed req) {
        requireOpenSite(incidentId, req.siteId());
        Need n = new Need();
        n.id = UUID.randomUUID();
        n.incidentId = incidentId;
        n.siteId = req.siteId();
        n.itemCode = req.itemCode();
        n.quantity = req.quantity();
        n.priority = req.priority();
        n.deliverBy = req.deliverBy();
        n.createdAt = Instant.now();
        n.persist();
        return n;
    }

    @Transactional
    public TeamNeed addTeamNeed(UUID incidentId, NewTeamNeed req) {
        requireOpenSite(incidentId, req.siteId());
        TeamNeed t = new TeamNeed();
        t.id = UUID.randomUUID();
        t.incidentId = incidentId;
        t.siteId = req.siteId();
        t.teamType = req.teamType();
        t.count = req.count();
        t.neededBy = req.neededBy();
        t.createdAt = Instant.now();
        t.persist();
        return t;
    }

    @Transactional
    public PageResponse<NeedDto> needs(UUID incidentId, UUID siteId, PageParams page) {
        get(incidentId);
        PanacheQuery<Need> q = siteId == null
                ? Need.find("incidentId", Sort.by("createdAt").and("id"), incidentId)
                : Need.find("incidentId = ?1 and siteId = ?2", Sort.by("createdAt").and("id"), incidentId, siteId);
        return PageResponse.of(q, page, NeedDto::of);
    }

    @Transactional
    public Need need(UUID incidentId, UUID needId) {
        Need n = Need.findById(needId);
        if (n == null || !n.incidentId.equals(incidentId)) {
            throw ProblemException.notFound("Need", needId);
        }
        return n;
    }

    @Transactional
    public PageResponse<TeamNeedDto> teamNeeds(UUID incidentId, UUID siteId, PageParams page) {
        get(incidentId);
        PanacheQuery<TeamNeed> q = siteId == null
                ? TeamNeed.find("incidentId", Sort.by("createdAt").and("id"), incidentId)
                : TeamNeed.find("incidentId = ?1 and siteId = ?2", Sort.by("createdAt").and("id"), incidentId, siteId);
        return PageResponse.of(q, page, TeamNeedDto::of);
    }

    @Transactional
    public TeamNeed teamNeed(UUID incidentId, UUID teamNeedId) {
        TeamNeed t = TeamNeed.findById(teamNeedId);
        if (t == null || !t.incidentId.equals(incidentId)) {
            throw ProblemException.notFound("Team need", teamNeedId);
        }
        return t;
    }

    /** 404 unknown incident, 422 site of another incident, 409 closed incident. */
    Site requireOpenSite(UUID incidentId, UUID siteId) {
        Incident i = get(incidentId);
        Site s = i.site(siteId);
        if (s == null) {
            throw ProblemException.unprocessable("Unknown site",
                    "siteId " + siteId + " is not a site of incident " + incidentId);
        }
        if (i.status == IncidentStatus.CLOSED) {
            throw ProblemException.conflict("Incident closed", "Incident " + incidentId + " is CLOSED and takes no new needs");
        }
        return s;
    }

    @Transactional
    public Site site(UUID incidentId, UUID siteId) {
        Site s = get(incidentId).site(siteId);
        if (s == null) {
            throw ProblemException.unprocessable("Unknown site",
                    "siteId " + siteId + " is not a site of incident " + incidentId);
        }
        return s;
    }
}
