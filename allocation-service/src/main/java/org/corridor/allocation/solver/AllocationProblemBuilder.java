package org.corridor.allocation.solver;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.corridor.allocation.solver.api.SolverInput;
import org.corridor.allocation.solver.api.TransportMode;

/**
 * Turns a {@link SolverInput} snapshot into an {@link AllocationSolution} ready to solve: sites, needs (with their
 * item's total demand), lots, one {@link Route} per (depot, site) pair that matters (distance, mode, lead time, cost
 * after {@link SolverInput.RouteOverride}s), one {@link Supply} per (lot, site) that can serve, one {@link TeamOption}
 * per (team, site), and the planning entities: per material need one {@link NeedChunk} slot holding the whole need,
 * unassigned, and one empty slot per lot that may serve it (at most {@link Options#linesPerNeed()}), and one
 * {@link TeamSlot} per team needed.
 *
 * <p>
 * A re-plan ({@link SolverInput#baseLines()}, {@link SolverInput#baseTeams()}): a base line becomes a slot on its base
 * lot with its quantity, pinned ({@code @PlanningPin}, no move changes it) or released (movable, starting there, and
 * recorded on its need for the "Plan stability" term); the need's unassigned slot holds what is left of its quantity.
 * Base lines whose need or lot is missing from the input, of another item, or (released) on a lot the need may not
 * take, are dropped: their units stay to plan. A base team fills one slot of its team need, pinned or released
 * (recorded on the team need for "Team plan stability"). Items that several incidents need get an {@link ItemIncidents}
 * for the "Fairness between incidents" term.
 * <p>
 * With {@link Options#pruneIneligible()} (the default), value ranges only hold supplies and teams that pass every
 * static hard rule (access rules, earmarks, expiry, team type), so the solver never wastes moves on them; the hard
 * constraints still guard the plan (and are exercised when pruning is off). Lots with nothing available are dropped.
 *
 * @throws IllegalArgumentException for an unknown constraint name in {@code weightOverrides}
 */
public final class AllocationProblemBuilder {

    /**
     * @param linesPerNeed line slots a need gets at least (if it has that many eligible lots), i.e. how many lots may
     *     serve one need; more for a need that takes many lots of the median size among them to cover
     *     ({@link AllocationProblemBuilder#lineSlots}); default 48
     * @param pruneIneligible value ranges hold only lots that pass every static hard rule
     */
    public record Options(int linesPerNeed, boolean pruneIneligible) {

        /**
         * Default line slots per need (before the size rule of {@link AllocationProblemBuilder#lineSlots}).
         */
        public static final int DEFAULT_MAX_LINES = 48;

        public static Options defaults() {
            return new Options(DEFAULT_MAX_LINES, true);
        }
    }

    private AllocationProblemBuilder() {
    }

    public static AllocationSolution build(SolverInput input) {
        return build(input, Options.defaults());
    }

    public static AllocationSolution build(SolverInput input, Options options) {
        Instant planFrom = input.planFrom() == null ? Instant.now() : input.planFrom();
        AllocationWeights weights = AllocationWeights.defaults().withOverrides(input.weightOverrides());
        TransportModel transport = new TransportModel(input.transport(), input.routeOverrides());
        List<AccessRuleFact> rules = input.accessRules() == null
                ? List.of()
                : input.accessRules().stream().map(AccessRuleFact::of).toList();

        AllocationSolution s = new AllocationSolution();
        s.setPlanFrom(planFrom);
        s.setConstraintConfiguration(weights.toConfiguration());
        s.setAccessRules(new ArrayList<>(rules));

        // Sites, from needs and team needs
        Map<UUID, SiteFact> sites = new LinkedHashMap<>();
        List<SolverInput.NeedFact> needFacts = input.needs() == null ? List.of() : input.needs();
        List<SolverInput.TeamNeedFact> teamNeedFacts = input.teamNeeds() == null ? List.of() : input.teamNeeds();
        Map<UUID, Integer> needCountBySite = new HashMap<>();
        for (SolverInput.NeedFact n : needFacts) {
            sites.computeIfAbsent(n.siteId(), id -> new SiteFact(id, n.incidentId(), n.siteName(), n.siteCountryCode(),
                    n.siteLatitude(), n.siteLongitude(), 0).withSeaport(Boolean.TRUE.equals(n.siteSeaport())));
            needCountBySite.merge(n.siteId(), 1, Integer::sum);
        }
        for (SolverInput.TeamNeedFact n : teamNeedFacts) {
            sites.computeIfAbsent(n.siteId(), id -> new SiteFact(id, n.incidentId(), n.siteName(), n.siteCountryCode(),
                    n.siteLatitude(), n.siteLongitude(), 0));
        }
        sites.values().forEach(site -> site.setMaterialNeedCount(needCountBySite.getOrDefault(site.getId(), 0)));
        s.setSites(new ArrayList<>(sites.values()));

        // Needs with their item's total demand
        Map<String, Integer> demandByItem = new HashMap<>();
        needFacts.forEach(n -> demandByItem.merge(n.itemCode(), Math.max(0, n.quantity()), Integer::sum));
        List<MaterialNeed> needs = new ArrayList<>();
        for (SolverInput.NeedFact n : needFacts) {
            needs.add(MaterialNeed.of(n, sites.get(n.siteId()), demandByItem.get(n.itemCode())));
        }
        s.setNeeds(needs);
        linkSharedItems(needs);

        // Lots of needed items with something available
        Map<String, List<Lot>> lotsByItem = new HashMap<>();
        List<Lot> lots = new ArrayList<>();
        if (input.lots() != null) {
            for (SolverInput.LotFact f : input.lots()) {
                if (f.available() > 0 && demandByItem.containsKey(f.itemCode())) {
                    Lot lot = Lot.of(f);
                    lots.add(lot);
                    lotsByItem.computeIfAbsent(lot.getItemCode(), k -> new ArrayList<>()).add(lot);
                }
            }
        }
        s.setLots(lots);
        Map<UUID, Lot> lotById = new HashMap<>();
        lots.forEach(l -> lotById.put(l.getId(), l));
        Map<UUID, List<SolverInput.BaseLine>> baseByNeed = new HashMap<>();
        if (input.baseLines() != null) {
            input.baseLines().forEach(b -> baseByNeed.computeIfAbsent(b.needId(), k -> new ArrayList<>()).add(b));
        }

        // Routes per (depot, site, mode) and supplies per (lot, site, mode), built lazily for pairs that matter
        Map<String, Map<TransportMode, Route>> routes = new LinkedHashMap<>();
        Map<String, List<Supply>> supplies = new LinkedHashMap<>();
        List<NeedChunk> chunks = new ArrayList<>();
        long chunkId = 0;
        for (MaterialNeed need : needs) {
            List<Lot> candidates = new ArrayList<>();
            for (Lot lot : lotsByItem.getOrDefault(need.getItemCode(), List.of())) {
                SiteFact site = need.getSite();
                List<Supply> byMode = supplies.computeIfAbsent(lot.getId() + "@" + site.getId(), k -> {
                    Map<TransportMode, Route> r = routes.computeIfAbsent(lot.getDepotId() + "@" + site.getId(),
                            rk -> transport.routes(lot, site, planFrom));
                    return r.values().stream()
                            .map(route -> new Supply(lot, route, input.expiryMarginDays()).withAccessRules(rules))
                            .toList();
                });
                need.addSupplies(byMode, preferred(need, lot, byMode, rules));
                if (!options.pruneIneligible()
                        || byMode.stream().anyMatch(sp -> Eligibility.materialBlockers(sp, need, rules).isEmpty())) {
                    candidates.add(lot);
                }
            }
            if (need.getQuantity() > 0) {
                // the base lines on their lots, what is left in one unassigned slot, plus an empty slot per lot
                // that may serve it
                List<Lot> frozen = List.copyOf(candidates);
                int left = need.getQuantity();
                for (SolverInput.BaseLine b : baseByNeed.getOrDefault(need.getId(), List.of())) {
                    Lot lot = lotById.get(b.lotId());
                    if (lot == null || !lot.getItemCode().equals(need.getItemCode()) || b.quantity() <= 0
                            || (!b.pinned() && !candidates.contains(lot))) {
                        continue;
                    }
                    int q = Math.min(b.quantity(), left);
                    left -= q;
                    chunks.add(new NeedChunk(chunkId++, need, q, frozen, lot, b.pinned(), b.mode()));
                    if (!b.pinned()) {
                        need.addReleasedBase(lot, q);
                    }
                }
                chunks.add(new NeedChunk(chunkId++, need, left, frozen));
                int lines = lineSlots(need.getQuantity(), frozen, options.linesPerNeed());
                for (int i = 0; i < lines; i++) {
                    chunks.add(new NeedChunk(chunkId++, need, 0, frozen));
                }
            }
        }
        s.setRoutes(routes.values().stream().flatMap(m -> m.values().stream()).collect(Collectors.toList()));
        s.setSupplies(supplies.values().stream().flatMap(List::stream).collect(Collectors.toList()));
        s.setChunks(chunks);

        // Teams, team needs, options and slots
        List<Team> teams = input.teams() == null ? List.of() : input.teams().stream().map(Team::of).toList();
        s.setTeams(new ArrayList<>(teams));
        Map<String, Integer> demandByType = new HashMap<>();
        teamNeedFacts.forEach(n -> demandByType.merge(n.teamType(), Math.max(0, n.count()), Integer::sum));
        Map<String, TeamOption> options2 = new LinkedHashMap<>();
        List<TeamNeedFact> teamNeeds = new ArrayList<>();
        List<TeamSlot> slots = new ArrayList<>();
        long slotId = 0;
        Map<UUID, Team> teamById = new HashMap<>();
        teams.forEach(t -> teamById.put(t.getId(), t));
        Map<UUID, List<SolverInput.BaseTeam>> baseByTeamNeed = new HashMap<>();
        if (input.baseTeams() != null) {
            input.baseTeams().forEach(
                    b -> baseByTeamNeed.computeIfAbsent(b.teamNeedId(), k -> new ArrayList<>()).add(b));
        }
        for (SolverInput.TeamNeedFact f : teamNeedFacts) {
            SiteFact site = sites.get(f.siteId());
            TeamNeedFact tn = new TeamNeedFact(f.teamNeedId(), site, f.teamType(), f.count(), f.neededBy(),
                    demandByType.get(f.teamType())).withIncident(f.incidentStartedAt(), f.standDownAt());
            teamNeeds.add(tn);
            List<TeamOption> candidates = new ArrayList<>();
            for (Team team : teams) {
                if (!team.getType().equals(tn.getTeamType())) {
                    continue;
                }
                TeamOption option = options2.computeIfAbsent(team.getId() + "@" + site.getId(),
                        k -> transport.teamOption(team, site, planFrom, rules));
                if (!tn.arrivesInTime(option)) {
                    continue;
                }
                if (!options.pruneIneligible() || Eligibility.blockingTeamRules(option, tn, rules).isEmpty()) {
                    candidates.add(option);
                }
            }
            List<TeamOption> frozen = List.copyOf(candidates);
            int i = 0;
            for (SolverInput.BaseTeam b : baseByTeamNeed.getOrDefault(f.teamNeedId(), List.of())) {
                Team team = teamById.get(b.teamId());
                if (team == null || i >= f.count()) {
                    continue;
                }
                TeamOption option = options2.computeIfAbsent(team.getId() + "@" + site.getId(),
                        k -> transport.teamOption(team, site, planFrom, rules));
                if (!b.pinned() && !frozen.contains(option)) {
                    continue;
                }
                slots.add(new TeamSlot(slotId++, tn, i++, planFrom, frozen, option, b.pinned()));
                if (!b.pinned()) {
                    tn.addReleasedBaseTeam(team.getId());
                }
            }
            for (; i < f.count(); i++) {
                slots.add(new TeamSlot(slotId++, tn, i, planFrom, frozen));
            }
        }
        s.setTeamNeeds(teamNeeds);
        s.setTeamOptions(new ArrayList<>(options2.values()));
        s.setSlots(slots);
        return s;
    }

    /**
     * The supply a line of {@code need} on {@code lot} takes until the solver chooses its mode: among the modes no
     * static rule forbids, the cheapest (whole vehicles for as much of the need as the lot holds) of those arriving by
     * the need's deliver-by, else the earliest to arrive; among all modes the earliest when every one is forbidden.
     * Only a starting point: the mode change moves of the local search choose each line's mode against cost and
     * lateness.
     */
    static Supply preferred(MaterialNeed need, Lot lot, List<Supply> byMode, List<AccessRuleFact> rules) {
        List<Supply> open = byMode.stream().filter(sp -> Eligibility.materialBlockers(sp, need, rules).isEmpty())
                .toList();
        List<Supply> pool = open.isEmpty() ? byMode : open;
        Supply earliest = pool.stream().min(java.util.Comparator.comparing(Supply::getArrivesAt)).orElseThrow();
        if (open.isEmpty()) {
            return earliest;
        }
        int units = Math.max(1, Math.min(need.getQuantity(), lot.getAvailable()));
        long g = Supply.grams(lot, units);
        long cm3 = Supply.cubicCentimetres(lot, units);
        return pool.stream().filter(sp -> sp.hoursLateFor(need) == 0)
                .min(java.util.Comparator.comparingLong((Supply sp) -> sp.getRoute().costFor(g, cm3))
                        .thenComparing(Supply::getArrivesAt))
                .orElse(earliest);
    }

    /**
     * Gives every need of an item that several incidents need (with a positive quantity) the item's
     * {@link ItemIncidents}: the units each incident requests, incidents in the order of their first need.
     */
    static void linkSharedItems(List<MaterialNeed> needs) {
        Map<String, Map<UUID, Long>> requested = new LinkedHashMap<>();
        for (MaterialNeed n : needs) {
            if (n.getQuantity() > 0) {
                requested.computeIfAbsent(n.getItemCode(), k -> new LinkedHashMap<>()).merge(n.getIncidentId(),
                        (long) n.getQuantity(), Long::sum);
            }
        }
        Map<String, ItemIncidents> shared = new HashMap<>();
        requested.forEach((item, byIncident) -> {
            if (byIncident.size() > 1) {
                shared.put(item, new ItemIncidents(item, new ArrayList<>(byIncident.keySet()),
                        byIncident.values().stream().mapToLong(Long::longValue).toArray()));
            }
        });
        for (MaterialNeed n : needs) {
            ItemIncidents item = shared.get(n.getItemCode());
            if (item != null && n.getQuantity() > 0) {
                n.setItemIncidents(item, item.getIncidentIds().indexOf(n.getIncidentId()));
            }
        }
    }

    /**
     * Empty line slots for a need: one per lot that may serve it, but at most the larger of {@code cap} and twice the
     * lines it takes to cover the need from lots of the median size among them (a large need served from small lots
     * needs many lines), and never more than {@link #MAX_LINES}.
     */
    static int lineSlots(int quantity, List<Lot> candidates, int cap) {
        if (candidates.isEmpty()) {
            return 0;
        }
        int[] sizes = candidates.stream().mapToInt(Lot::getAvailable).sorted().toArray();
        long median = Math.max(1, sizes[sizes.length / 2]);
        long needed = 2 * ((quantity + median - 1) / median);
        return (int) Math.min(candidates.size(), Math.min(MAX_LINES, Math.max(Math.max(1, cap), needed)));
    }

    /** Upper bound of the line slots of one need, whatever its size. */
    public static final int MAX_LINES = 512;
}
