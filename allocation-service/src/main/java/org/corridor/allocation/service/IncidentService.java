package org.corridor.allocation.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.corridor.allocation.domain.Incident;
import org.corridor.allocation.domain.IncidentStatus;
import org.corridor.allocation.domain.IncidentType;
import org.corridor.allocation.domain.Need;
import org.corridor.allocation.domain.Priority;
import org.corridor.allocation.domain.Site;
import org.corridor.allocation.domain.TeamNeed;
import org.corridor.allocation.domain.TeamType;
import org.corridor.allocation.service.coverage.CoverageService;
import org.corridor.allocation.service.coverage.NeedCoverage;
import org.corridor.allocation.service.coverage.TeamNeedCoverage;
import org.corridor.allocation.solver.api.CountryGeography;
import org.corridor.common.paging.PageParams;
import org.corridor.common.paging.PageResponse;
import org.corridor.common.persistence.QueryFilter;
import org.corridor.common.problem.ProblemException;
import org.corridor.common.time.DbClock;

/**
 * Incidents, their sites, needs and team needs. Country codes and item codes are checked against inventory-service
 * before anything is written (422 if unknown, 503 if inventory is down): the checks ({@code check...}) call inventory
 * outside any transaction, the writes ({@code persist...}) join the caller's.
 */
@ApplicationScoped
public class IncidentService {

    /** The most sites one incident holds (as many as a new incident may bring). */
    static final int MAX_SITES = 1_000;

    /** A new incident with its sites. */
    public record NewIncident(String name, IncidentType type, String glide, String countryCode, Instant startedAt,
            List<NewSite> sites) {
    }

    /**
     * An affected site; {@code countryCode} null means the incident's country; {@code seaport} null means no port.
     */
    public record NewSite(String name, double latitude, double longitude, int affectedPopulation,
            String countryCode, Boolean seaport) {

        public NewSite(String name, double latitude, double longitude, int affectedPopulation, String countryCode) {
            this(name, latitude, longitude, affectedPopulation, countryCode, null);
        }
    }

    /** A new material need of one site. */
    public record NewNeed(UUID siteId, String itemCode, int quantity, Priority priority, Instant deliverBy) {
    }

    /** A new need for teams at one site. */
    public record NewTeamNeed(UUID siteId, TeamType teamType, int count, Instant neededBy) {
    }

    private final InventoryReads inventory;
    private final CoverageService coverage;

    public IncidentService(InventoryReads inventory, CoverageService coverage) {
        this.coverage = coverage;
        this.inventory = inventory;
    }

    /** Checks against inventory (outside any transaction): 422 unknown country, 503 inventory down. */
    public void checkNew(NewIncident req) {
        requireKnownCountry(req.countryCode(), "countryCode");
        for (int k = 0; k < req.sites().size(); k++) {
            NewSite ns = req.sites().get(k);
            String site = ns.countryCode();
            if (site != null && !site.equals(req.countryCode())) {
                requireKnownCountry(site, "sites[" + k + "].countryCode");
            }
            requirePortOnCoast(ns, site == null ? req.countryCode() : site, "sites[" + k + "].seaport");
        }
    }

    /** Records a checked incident, in the caller's transaction if there is one. */
    @Transactional
    public IncidentView persistNew(NewIncident req) {
        Incident i = new Incident();
        i.id = UUID.randomUUID();
        i.name = req.name().strip();
        i.type = req.type();
        i.glide = req.glide();
        i.countryCode = req.countryCode();
        i.startedAt = req.startedAt();
        i.status = IncidentStatus.OPEN;
        i.createdAt = DbClock.now();
        int pos = 0;
        for (NewSite ns : req.sites()) {
            i.sites.add(site(i, ns, pos++));
        }
        i.persist();
        return IncidentView.of(i);
    }

    /**
     * Checks a site to add to an existing incident (outside any transaction): 404 unknown incident, 409 closed, 422 an
     * unknown country, 503 inventory down.
     */
    public void checkNewSite(UUID incidentId, NewSite req) {
        String incidentCountry = QuarkusTransaction.requiringNew().call(() -> requireOpen(incidentId).countryCode);
        if (req.countryCode() != null && !req.countryCode().equals(incidentCountry)) {
            requireKnownCountry(req.countryCode(), "countryCode");
        }
        requirePortOnCoast(req, req.countryCode() == null ? incidentCountry : req.countryCode(), "seaport");
    }

    /** 422 when a site claims a port in a country the coastline data says is landlocked. */
    private static void requirePortOnCoast(NewSite site, String country, String field) {
        if (Boolean.TRUE.equals(site.seaport()) && CountryGeography.get().knows(country)
                && !CountryGeography.get().coastal(country)) {
            throw ProblemException.unprocessable("Seaport in a landlocked country",
                    field + ": " + country + " has no coast (world-countries dataset), so a site there cannot be a "
                            + "seaport");
        }
    }

    /**
     * Adds a site to an OPEN incident (a second shock, a valley reached at last), in the caller's transaction if there
     * is one. Its needs are then planned like any other: a plan covers what is uncovered.
     */
    @Transactional
    public SiteView addSite(UUID incidentId, NewSite req) {
        Incident i = requireOpen(incidentId);
        if (i.sites.size() >= MAX_SITES) {
            throw ProblemException.conflict("Too many sites",
                    "Incident " + incidentId + " already has " + MAX_SITES + " sites, the most one incident holds");
        }
        int pos = i.sites.stream().mapToInt(s -> s.position + 1).max().orElse(0);
        Site s = site(i, req, pos);
        i.sites.add(s);
        s.persist();
        return SiteView.of(s);
    }

    private static Site site(Incident i, NewSite ns, int position) {
        Site s = new Site();
        s.id = UUID.randomUUID();
        s.incident = i;
        s.name = ns.name().strip();
        s.countryCode = ns.countryCode() == null ? i.countryCode : ns.countryCode();
        s.latitude = ns.latitude();
        s.longitude = ns.longitude();
        s.affectedPopulation = ns.affectedPopulation();
        s.seaport = Boolean.TRUE.equals(ns.seaport());
        s.position = position;
        return s;
    }

    /** 422 when inventory does not know the country, 503 when inventory is down. */
    public void requireKnownCountry(String iso3, String field) {
        if (inventory.country(iso3).isEmpty()) {
            throw ProblemException.unprocessable("Unknown country",
                    field + " " + iso3 + " is not a country known to inventory-service");
        }
    }

    @Transactional
    public IncidentView get(UUID id) {
        return IncidentView.of(find(id));
    }

    @Transactional
    public PageResponse<IncidentView> list(IncidentStatus status, IncidentType type, String countryCode,
            PageParams page) {
        QueryFilter f = QueryFilter.create().eq("status", status).eq("type", type)
                .eq("countryCode", countryCode == null ? null : countryCode.toUpperCase(Locale.ROOT));
        PanacheQuery<Incident> query = Incident.find(f.where(), Sort.by("createdAt").descending().and("id"),
                f.params());
        return PageResponse.of(query, page, IncidentView::of);
    }

    /** Closes an incident (idempotent): it keeps its needs and plans but takes no new needs and is not planned. */
    @Transactional
    public IncidentView close(UUID id) {
        Incident i = find(id);
        if (i.status != IncidentStatus.CLOSED) {
            i.status = IncidentStatus.CLOSED;
            i.closedAt = DbClock.now();
        }
        return IncidentView.of(i);
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
    public NeedView persistNeed(UUID incidentId, NewNeed req) {
        requireOpenSite(incidentId, req.siteId());
        Need n = new Need();
        n.id = UUID.randomUUID();
        n.incidentId = incidentId;
        n.siteId = req.siteId();
        n.itemCode = req.itemCode();
        n.quantity = req.quantity();
        n.priority = req.priority();
        n.deliverBy = req.deliverBy();
        n.createdAt = DbClock.now();
        n.persist();
        return NeedView.of(n, coverage.needs(Map.of(n.id, n.quantity)).get(n.id));
    }

    /** Records a team need (nothing to check against inventory), in the caller's transaction if there is one. */
    @Transactional
    public TeamNeedView addTeamNeed(UUID incidentId, NewTeamNeed req) {
        requireOpenSite(incidentId, req.siteId());
        TeamNeed t = new TeamNeed();
        t.id = UUID.randomUUID();
        t.incidentId = incidentId;
        t.siteId = req.siteId();
        t.teamType = req.teamType();
        t.count = req.count();
        t.neededBy = req.neededBy();
        t.createdAt = DbClock.now();
        t.persist();
        return TeamNeedView.of(t, coverage.teamNeeds(Map.of(t.id, t.count)).get(t.id));
    }

    @Transactional
    public PageResponse<NeedView> needs(NeedFilter filter, PageParams page) {
        find(filter.incidentId());
        PanacheQuery<Need> q = Need.find(filter.where(), Sort.by("createdAt").and("id"), filter.params());
        PageResponse<Need> found = PageResponse.of(q, page, n -> n);
        Map<UUID, Integer> requested = new LinkedHashMap<>();
        found.items().forEach(n -> requested.put(n.id, n.quantity));
        Map<UUID, NeedCoverage> covered = coverage.needs(requested);
        return found.map(n -> NeedView.of(n, covered.get(n.id)));
    }

    @Transactional
    public NeedView need(UUID incidentId, UUID needId) {
        Need n = Need.findById(needId);
        if (n == null || !n.incidentId.equals(incidentId)) {
            throw ProblemException.notFound("Need", needId);
        }
        return NeedView.of(n, coverage.needs(Map.of(n.id, n.quantity)).get(n.id));
    }

    @Transactional
    public PageResponse<TeamNeedView> teamNeeds(UUID incidentId, UUID siteId, PageParams page) {
        find(incidentId);
        PanacheQuery<TeamNeed> q = siteId == null
                ? TeamNeed.find("incidentId", Sort.by("createdAt").and("id"), incidentId)
                : TeamNeed.find("incidentId = ?1 and siteId = ?2", Sort.by("createdAt").and("id"), incidentId,
                        siteId);
        PageResponse<TeamNeed> found = PageResponse.of(q, page, t -> t);
        Map<UUID, Integer> requested = new LinkedHashMap<>();
        found.items().forEach(t -> requested.put(t.id, t.count));
        Map<UUID, TeamNeedCoverage> covered = coverage.teamNeeds(requested);
        return found.map(t -> TeamNeedView.of(t, covered.get(t.id)));
    }

    @Transactional
    public TeamNeedView teamNeed(UUID incidentId, UUID teamNeedId) {
        TeamNeed t = TeamNeed.findById(teamNeedId);
        if (t == null || !t.incidentId.equals(incidentId)) {
            throw ProblemException.notFound("Team need", teamNeedId);
        }
        return TeamNeedView.of(t, coverage.teamNeeds(Map.of(t.id, t.count)).get(t.id));
    }

    /** A site of the incident: 404 unknown incident, 422 a site of another incident. */
    @Transactional
    public SiteView site(UUID incidentId, UUID siteId) {
        Site s = find(incidentId).site(siteId);
        if (s == null) {
            throw unknownSite(incidentId, siteId);
        }
        return SiteView.of(s);
    }

    /** A site of the incident: 404 when the incident is unknown or the site is not one of its sites. */
    @Transactional
    public SiteView siteOrNotFound(UUID incidentId, UUID siteId) {
        Site s = find(incidentId).site(siteId);
        if (s == null) {
            throw ProblemException.notFound("Site", siteId);
        }
        return SiteView.of(s);
    }

    private Incident find(UUID id) {
        Incident i = Incident.findById(id);
        if (i == null) {
            throw ProblemException.notFound("Incident", id);
        }
        return i;
    }

    /** 404 unknown incident, 409 closed incident. */
    private Incident requireOpen(UUID incidentId) {
        Incident i = find(incidentId);
        if (i.status == IncidentStatus.CLOSED) {
            throw ProblemException.conflict("Incident closed",
                    "Incident " + incidentId + " is CLOSED and takes no new sites or needs");
        }
        return i;
    }

    /** 404 unknown incident, 422 site of another incident, 409 closed incident. */
    private Site requireOpenSite(UUID incidentId, UUID siteId) {
        Incident i = find(incidentId);
        Site s = i.site(siteId);
        if (s == null) {
            throw unknownSite(incidentId, siteId);
        }
        if (i.status == IncidentStatus.CLOSED) {
            throw ProblemException.conflict("Incident closed",
                    "Incident " + incidentId + " is CLOSED and takes no new needs");
        }
        return s;
    }

    private static ProblemException unknownSite(UUID incidentId, UUID siteId) {
        return ProblemException.unprocessable("Unknown site",
                "siteId " + siteId + " is not a site of incident " + incidentId);
    }
}
