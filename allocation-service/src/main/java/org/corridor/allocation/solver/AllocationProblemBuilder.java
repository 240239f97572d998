package org.corridor.allocation.solver;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.corridor.allocation.solver.api.SolverInput;

/**
 * Turns a {@link SolverInput} snapshot into an {@link AllocationSolution} ready to solve:
 * sites, needs (with their item's total demand), lots, one {@link Route} per (depot, site) pair
 * that matters (distance, mode, lead time, cost after {@link SolverInput.RouteOverride}s), one
 * {@link Supply} per (lot, site) that can serve, one {@link TeamOption} per (team, site), and the
 * planning entities: binary-decomposed {@link NeedChunk}s and one {@link TeamSlot} per team needed.
 *
 * <p>With {@link Options#pruneIneligible()} (the default), value ranges only hold supplies and teams
 * that pass every static hard rule (access rules, earmarks, expiry, team type), so the solver never
 * wastes moves on them; the hard constraints still guard the plan (and are exercised when pruning is
 * off). Lots with nothing available are dropped.
 *
 * @throws IllegalArgumentException for an unknown constraint name in {@code weightOverrides}
 */
public final class AllocationProblemBuilder {

    /**
     * @param maxChunksPerNeed cap on chunks per need (beyond it, fewer copies and coarser bulk chunks); default 192
     * @param copies           copies of each small power of two (1, 2, 4, ... below the bulk size); default 8
     */
    public record Options(int maxChunksPerNeed, boolean pruneIneligible, int copies) {

        /** Default chunk cap per need. */
        public static final int DEFAULT_MAX_CHUNKS = 192;
        /**
         * Default copies of the small chunk sizes. 8 instead of 2 (benchmark, docs/benchmarks): with 2
         * copies, the small chunks of a need are used up topping up its first two lots, the bulk chunks
         * left no longer fit the fragments of room in the others, and the medium instance left 4 % more
         * of its demand (basis points x priority weight) unmet than a greedy plan at unit granularity.
         */
        public static final int DEFAULT_COPIES = 8;

        public Options(int maxChunksPerNeed, boolean pruneIneligible) {
            this(maxChunksPerNeed, pruneIneligible, DEFAULT_COPIES);
        }

        public static Options defaults() {
            return new Options(DEFAULT_MAX_CHUNKS, true, DEFAULT_COPIES);
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
        List<AccessRule> rules = input.accessRules() == null ? List.of()
                : input.accessRules().stream().map(AccessRule::of).toList();

        AllocationSolution s = new AllocationSolution();
        s.setPlanFrom(planFrom);
        s.setConstraintConfiguration(weights.toConfiguration());
        s.setAccessRules(new ArrayList<>(rules));

        // Sites, from needs and team needs
        Map<UUID, Site> sites = new LinkedHashMap<>();
        List<SolverInput.NeedFact> needFacts = input.needs() == null ? List.of() : input.needs();
        List<SolverInput.TeamNeedFact> teamNeedFacts = input.teamNeeds() == null ? List.of() : input.teamNeeds();
        Map<UUID, Integer> needCountBySite = new HashMap<>();
        for (SolverInput.NeedFact n : needFacts) {
            sites.computeIfAbsent(n.siteId(), id -> new Site(id, n.incidentId(), n.siteName(), n.siteCountryCode(),
                    n.siteLatitude(), n.siteLongitude(), 0));
            needCountBySite.merge(n.siteId(), 1, Integer::sum);
        }
        for (SolverInput.TeamNeedFact n : teamNeedFacts) {
            sites.computeIfAbsent(n.siteId(), id -> new Site(id, n.incidentId(), n.siteName(), n.siteCountryCode(),
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

        // Routes per (depot, site) and supplies per (lot, site), built lazily for pairs that matter
        Map<String, Route> routes = new LinkedHashMap<>();
        Map<String, Supply> supplies = new LinkedHashMap<>();
        List<NeedChunk> chunks = new ArrayList<>();
        long chunkId = 0;
        for (MaterialNeed need : needs) {
            List<Lot> candidates = new ArrayList<>();
            for (Lot lot : lotsByItem.getOrDefault(need.getItemCode(), List.of())) {
                Site site = need.getSite();
                Supply supply = supplies.computeIfAbsent(lot.getId() + "@" + site.getId(), k -> {
                    Route route = routes.computeIfAbsent(lot.getDepotId() + "@" + site.getId(),
                            rk -> transport.route(lot, site, planFrom));
                    return new Supply(lot, route, input.expiryMarginDays());
                });
                need.addSupply(supply);
                if (!options.pruneIneligible() || Eligibility.materialBlockers(supply, need, rules).isEmpty()) {
                    candidates.add(lot);
                }
            }
            for (int size : chunkSizes(need.getQuantity(), options.maxChunksPerNeed(), typicalLot(candidates),
                    options.copies())) {
                chunks.add(new NeedChunk(chunkId++, need, size, List.copyOf(candidates)));
            }
        }
        s.setRoutes(new ArrayList<>(routes.values()));
        s.setSupplies(new ArrayList<>(supplies.values()));
        s.setChunks(chunks);

        // Teams, team needs, options and slots
        List<Team> teams = input.teams() == null ? List.of() : input.teams().stream().map(Team::of).toList();
        s.setTeams(new ArrayList<>(teams));
        Map<String, Integer> demandByType = new HashMap<>();
        teamNeedFacts.forEach(n -> demandByType.merge(n.teamType(), Math.max(0, n.count()), Integer::sum));
        Map<String, TeamOption> options2 = new LinkedHashMap<>();
        List<TeamNeed> teamNeeds = new ArrayList<>();
        List<TeamSlot> slots = new ArrayList<>();
        long slotId = 0;
        for (SolverInput.TeamNeedFact f : teamNeedFacts) {
            Site site = sites.get(f.siteId());
            TeamNeed tn = new TeamNeed(f.teamNeedId(), site, f.teamType(), f.count(), f.neededBy(),
                    demandByType.get(f.teamType()));
            teamNeeds.add(tn);
            List<TeamOption> candidates = new ArrayList<>();
            for (Team team : teams) {
                if (!team.getType().equals(tn.getTeamType())) {
                    continue;
                }
                TeamOption option = options2.computeIfAbsent(team.getId() + "@" + site.getId(),
                        k -> transport.teamOption(team, site, planFrom));
                if (!options.pruneIneligible() || Eligibility.blockingTeamRules(option, tn, rules).isEmpty()) {
                    candidates.add(option);
                }
            }
            List<TeamOption> frozen = List.copyOf(candidates);
            for (int i = 0; i < f.count(); i++) {
                slots.add(new TeamSlot(slotId++, tn, i, planFrom, frozen));
            }
        }
        s.setTeamNeeds(teamNeeds);
        s.setTeamOptions(new ArrayList<>(options2.values()));
        s.setSlots(slots);
        return s;
    }

    /**
     * Chunk sizes for a quantity, given the typical (median) available quantity of the lots that can
     * serve it: 1, 1, 2, 2, 4, 4, ... up to (excluding) a bulk size B, then chunks of size B, then the
     * remainder. B is the largest power of two not above the typical lot (lower quartile of the
     * candidate lots' availability), so that a chunk, which always comes from one lot, fits in most
     * lots and leftovers stay small; B doubles only when more than {@code maxChunks}
     * chunks would be needed. One copy of each small power already makes every total from 0 to
     * {@code quantity} a subset sum; the second copy lets a need be split exactly between lots
     * (e.g. 100 = 60 from one lot + 20 from another + 20 unmet, impossible with 1, 2, 4, 8, 16, 32,
     * 37) and gives local search small steps. A need no lot can serve is one (pinned, unmet) chunk.
     */
    public static List<Integer> chunkSizes(int quantity, int maxChunks, int typicalLot) {
        return chunkSizes(quantity, maxChunks, typicalLot, 2);
    }

    /**
     * As {@link #chunkSizes(int, int, int)} with {@code copies} copies of each small power of two (at
     * least one copy is always kept; more copies let a need be split exactly between more lots).
     */
    public static List<Integer> chunkSizes(int quantity, int maxChunks, int typicalLot, int copies0) {
        if (quantity <= 0) {
            return List.of();
        }
        if (typicalLot <= 0) {
            return List.of(quantity);
        }
        int cap = Math.max(2, maxChunks);
        long first = Math.max(1, Long.highestOneBit(Math.min(typicalLot, quantity)) / 2);
        // As many copies of the small powers as asked if the cap allows (growing the bulk size first), else fewer.
        for (int copies = Math.max(1, copies0); copies >= 1; copies--) {
            for (long bulk = first; bulk <= 2L * quantity; bulk *= 2) {
                List<Integer> sizes = decompose(quantity, bulk, copies);
                if (sizes.size() <= cap) {
                    return sizes;
                }
            }
        }
        // Last resort for tiny caps: binary chunks of a coarser base unit (granularity = base).
        for (long base = 2; ; base *= 2) {
            List<Integer> sizes = new ArrayList<>();
            long sum = 0;
            for (long p = base; sum + p <= quantity; p *= 2) {
                sizes.add((int) p);
                sum += p;
            }
            if (sum < quantity) {
                sizes.add((int) (quantity - sum));
            }
            if (sizes.size() <= cap) {
                return sizes;
            }
        }
    }

    private static List<Integer> decompose(int quantity, long bulk, int copies) {
        List<Integer> sizes = new ArrayList<>();
        long sum = 0;
        for (long p = 1; p < bulk && sum < quantity; p *= 2) {
            for (int copy = 0; copy < copies && sum + p <= quantity; copy++) {
                sizes.add((int) p);
                sum += p;
            }
        }
        if ((quantity - sum) / bulk > 10_000) {
            return java.util.Collections.nCopies(10_001, 0); // far too many chunks: rejected by the caller's cap
        }
        while (sum + bulk <= quantity) {
            sizes.add((int) bulk);
            sum += bulk;
        }
        if (sum < quantity) {
            sizes.add((int) (quantity - sum));
        }
        return sizes;
    }

    /** The lower quartile of the candidate lots' available quantities (0 when there is none). */
    static int typicalLot(List<Lot> lots) {
        if (lots.isEmpty()) {
            return 0;
        }
        int[] a = lots.stream().mapToInt(Lot::getAvailable).sorted().toArray();
        return a[a.length / 4];
    }
}
