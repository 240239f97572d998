package org.corridor.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corridor.allocation.solver.AllocationWeights;
import org.corridor.allocation.solver.TransportModel;
import org.corridor.allocation.solver.api.Priority;
import org.corridor.allocation.solver.api.SolverInput;
import org.corridor.allocation.solver.api.SolverInput.AccessRuleFact;
import org.corridor.allocation.solver.api.SolverInput.LotFact;
import org.corridor.allocation.solver.api.SolverInput.NeedFact;
import org.corridor.allocation.solver.api.SolverInput.TeamFact;
import org.corridor.allocation.solver.api.SolverInput.TeamNeedFact;
import org.corridor.allocation.solver.api.SolverInput.TransportSettings;
import org.corridor.allocation.solver.api.TransportMode;

/**
 * The one judge of every planner: hard/medium/soft of a {@link Plan} computed from the plan lines and the
 * {@link SolverInput} alone, re-deriving distances, modes, lead times, vehicle counts, expiry and eligibility from the
 * transport conventions, written independently of the solver's constraint streams and domain classes. Only the weights
 * are read from {@link AllocationWeights} (the defaults with the input's {@code weightOverrides}: configuration, not
 * scoring logic). Route overrides are not supported (the benchmark generator produces none). The re-planning terms are
 * judged too: "Fairness between incidents" (items several incidents need) and, for an input with a base plan, "Plan
 * stability" and "Team plan stability" against its released base lines and teams.
 */
public final class PlanEvaluator {

    /** A plan's score and the contribution of each constraint (weighted, as a positive penalty). */
    public record Score(long hard, long medium, long soft, Map<String, Long> penalties) {
        public boolean feasible() {
            return hard == 0;
        }

        /** The plain sum of the medium and soft penalties: the "weighted objective" of the report. */
        public long weightedObjective() {
            return -medium - soft;
        }

        @Override
        public String toString() {
            return hard + "hard/" + medium + "medium/" + soft + "soft";
        }
    }

    /**
     * The route of a material from a depot (lot) to a site by one mode, as the conventions define it: {@code km} is the
     * distance travelled (great-circle, times the detour factor at sea).
     */
    public record Leg(TransportMode mode, double km, Instant arrives, double costPerKm, double capGrams,
            double capCm3) {
    }

    private static final double EARTH_RADIUS_KM = 6371.0088;

    private final SolverInput input;
    private final TransportSettings t;
    private final TransportModel geography;
    private final AllocationWeights w;
    private final Map<UUID, NeedFact> needs = new HashMap<>();
    private final Map<UUID, LotFact> lots = new HashMap<>();
    private final Map<UUID, TeamFact> teams = new HashMap<>();
    private final Map<UUID, TeamNeedFact> teamNeeds = new LinkedHashMap<>();
    private final Map<String, Integer> itemDemand = new HashMap<>();
    private final Map<String, Integer> typeDemand = new HashMap<>();
    private final Map<UUID, Integer> needsPerSite = new HashMap<>();

    public PlanEvaluator(SolverInput input) {
        if (input.routeOverrides() != null && !input.routeOverrides().isEmpty()) {
            throw new IllegalArgumentException("The evaluator does not model route overrides");
        }
        this.input = input;
        this.w = AllocationWeights.defaults().withOverrides(input.weightOverrides());
        this.t = input.transport() == null ? TransportSettings.defaults() : input.transport();
        this.geography = new TransportModel(t, List.of());
        for (NeedFact n : input.needs()) {
            needs.put(n.needId(), n);
            itemDemand.merge(n.itemCode(), Math.max(0, n.quantity()), Integer::sum);
            needsPerSite.merge(n.siteId(), 1, Integer::sum);
        }
        for (LotFact l : input.lots()) {
            lots.put(l.lotId(), l);
        }
        for (TeamFact tf : input.teams()) {
            teams.put(tf.teamId(), tf);
        }
        for (TeamNeedFact tn : input.teamNeeds()) {
            teamNeeds.put(tn.teamNeedId(), tn);
            typeDemand.merge(tn.teamType(), Math.max(0, tn.count()), Integer::sum);
        }
    }

    public SolverInput input() {
        return input;
    }

    // ------------------------------------------------------------------ transport conventions

    public static double km(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dLat = p2 - p1;
        double dLon = Math.toRadians(lon2 - lon1);
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    private static Duration travel(double km, double speed) {
        return Duration.ofMinutes(Math.round(km / speed * 60));
    }

    /**
     * The modes that can join the lot's depot and the need's site. Which modes the geography allows (land masses, land
     * borders, coasts, ports) is the one thing taken from the service's {@link TransportModel} rather than re-derived:
     * it reads the shipped country dataset.
     */
    public List<TransportMode> modes(LotFact lot, NeedFact need) {
        return geography.modesBetween(
                new TransportModel.Place(lot.countryCode(), lot.latitude(), lot.longitude(),
                        Boolean.TRUE.equals(lot.depotSeaport())),
                new TransportModel.Place(need.siteCountryCode(), need.siteLatitude(), need.siteLongitude(),
                        Boolean.TRUE.equals(need.siteSeaport())));
    }

    /** Every leg that can carry the lot to the need's site, one per mode. */
    public List<Leg> legs(LotFact lot, NeedFact need) {
        return modes(lot, need).stream().map(m -> leg(lot, need, m)).toList();
    }

    public Leg leg(LotFact lot, NeedFact need, TransportMode mode) {
        double gc = km(lot.latitude(), lot.longitude(), need.siteLatitude(), need.siteLongitude());
        return switch (mode) {
            case ROAD -> new Leg(mode, gc, input.planFrom().plus(travel(gc, t.roadSpeedKmh()).plus(t.roadHandling())),
                    t.truckCostPerKm(), t.truckCapacityKg() * 1000.0, t.truckCapacityM3() * 1_000_000.0);
            case AIR -> new Leg(mode, gc, input.planFrom().plus(travel(gc, t.airSpeedKmh()).plus(t.airHandling())),
                    t.aircraftCostPerKm(), t.aircraftCapacityKg() * 1000.0, t.aircraftCapacityM3() * 1_000_000.0);
            case SEA -> {
                double km = gc * t.seaDetourFactor();
                yield new Leg(mode, km, input.planFrom().plus(travel(km, t.seaSpeedKmh()).plus(t.seaHandling())),
                        t.shipCostPerKm(), t.shipCapacityKg() * 1000.0, t.shipCapacityM3() * 1_000_000.0);
            }
        };
    }

    public Instant teamDeparture(TeamFact team) {
        return input.planFrom().plus(Duration.ofHours(Math.max(0, team.mobilisationHours())));
    }

    /**
     * When the team arrives: by the quicker of road (where the geography allows it) and air that no access rule stops
     * over the journey; by the quicker of them when both are stopped.
     */
    public Instant teamArrival(TeamFact team, TeamNeedFact need) {
        return teamJourney(team, need).arrives();
    }

    record Journey(TransportMode mode, Instant arrives) {
    }

    Journey teamJourney(TeamFact team, TeamNeedFact need) {
        double km = km(team.baseLatitude(), team.baseLongitude(), need.siteLatitude(), need.siteLongitude());
        List<TransportMode> modes = geography.modesBetween(
                new TransportModel.Place(team.countryCode(), team.baseLatitude(), team.baseLongitude(), false),
                new TransportModel.Place(need.siteCountryCode(), need.siteLatitude(), need.siteLongitude(), false));
        Journey best = null;
        Journey open = null;
        for (TransportMode m : modes) {
            if (m == TransportMode.SEA) {
                continue;
            }
            Journey j = new Journey(m, teamDeparture(team)
                    .plus(travel(km, m == TransportMode.ROAD ? t.roadSpeedKmh() : t.airSpeedKmh())));
            if (best == null || j.arrives().isBefore(best.arrives())) {
                best = j;
            }
            if (blockingTeamRules(team, need, j) == 0 && (open == null || j.arrives().isBefore(open.arrives()))) {
                open = j;
            }
        }
        return open != null ? open : best;
    }

    static long hoursAfter(Instant from, Instant to) {
        long minutes = Duration.between(from, to).toMinutes();
        return minutes <= 0 ? 0 : (minutes + 59) / 60;
    }

    static long grams(LotFact lot, int qty) {
        return Math.round(qty * lot.unitWeightKg() * 1000.0);
    }

    static long cm3(LotFact lot, int qty) {
        return Math.round(qty * lot.unitVolumeM3() * 1_000_000.0);
    }

    long basisPoints(int qty, String item) {
        return Math.max(1, Math.round(qty * 10_000.0 / Math.max(1, itemDemand.get(item))));
    }

    long itemDemand(NeedFact n) {
        return Math.max(itemDemand.get(n.itemCode()), n.quantity());
    }

    long basisPoints(int qty, NeedFact n) {
        return Math.max(1, Math.round(qty * 10_000.0 / Math.max(1, itemDemand(n))));
    }

    // ------------------------------------------------------------------ eligibility (the hard rules)

    /** Rules stopping materials by the leg's mode at any moment of [departure, arrival]. */
    int blockingMaterialRules(LotFact lot, NeedFact need, Leg leg) {
        int n = 0;
        for (AccessRuleFact r : rules()) {
            if (r.originCountryCode().equals(lot.countryCode())
                    && r.destinationCountryCode().equals(need.siteCountryCode())
                    && r.appliesTo().blocksMaterials() && stops(r, leg.mode())
                    && inForceDuring(r, input.planFrom(), leg.arrives())) {
                n++;
            }
        }
        return n;
    }

    int blockingTeamRules(TeamFact team, TeamNeedFact need) {
        return blockingTeamRules(team, need, teamJourney(team, need));
    }

    private int blockingTeamRules(TeamFact team, TeamNeedFact need, Journey j) {
        int n = 0;
        for (AccessRuleFact r : rules()) {
            if (r.originCountryCode().equals(team.countryCode())
                    && r.destinationCountryCode().equals(need.siteCountryCode())
                    && r.appliesTo().blocksTeams() && stops(r, j.mode())
                    && inForceDuring(r, teamDeparture(team), j.arrives())) {
                n++;
            }
        }
        return n;
    }

    static boolean stops(AccessRuleFact r, TransportMode mode) {
        return r.modes() == null || r.modes().isEmpty() || r.modes().contains(mode);
    }

    static boolean inForceDuring(AccessRuleFact r, Instant from, Instant to) {
        return (r.validFrom() == null || !to.isBefore(r.validFrom()))
                && (r.validUntil() == null || from.isBefore(r.validUntil()));
    }

    private List<AccessRuleFact> rules() {
        return input.accessRules() == null ? List.of() : input.accessRules();
    }

    static boolean inForce(AccessRuleFact r, Instant at) {
        return (r.validFrom() == null || !at.isBefore(r.validFrom()))
                && (r.validUntil() == null || at.isBefore(r.validUntil()));
    }

    static boolean earmarkAllows(LotFact lot, NeedFact need) {
        boolean country = lot.earmarkCountryCodes() == null || lot.earmarkCountryCodes().isEmpty()
                || lot.earmarkCountryCodes().contains(need.siteCountryCode());
        boolean type = lot.earmarkIncidentTypes() == null || lot.earmarkIncidentTypes().isEmpty()
                || (need.incidentType() != null && lot.earmarkIncidentTypes().contains(need.incidentType()));
        return country && type;
    }

    boolean expiresBeforeArrival(LotFact lot, Leg leg) {
        if (lot.expiresOn() == null) {
            return false;
        }
        Instant expiry = lot.expiresOn().atStartOfDay(ZoneOffset.UTC).toInstant();
        return leg.arrives().plus(input.expiryMarginDays(), ChronoUnit.DAYS).isAfter(expiry);
    }

    /** True when sending {@code lot} to {@code need} along {@code leg} breaks no static hard rule. */
    public boolean eligible(LotFact lot, NeedFact need, Leg leg) {
        return lot.itemCode().equals(need.itemCode()) && lot.available() > 0
                && blockingMaterialRules(lot, need, leg) == 0 && earmarkAllows(lot, need)
                && !expiresBeforeArrival(lot, leg);
    }

    /** True when {@code lot} may go to {@code need} by at least one mode. */
    public boolean eligible(LotFact lot, NeedFact need) {
        return legs(lot, need).stream().anyMatch(leg -> eligible(lot, need, leg));
    }

    /** Of the right type, not stopped by a rule, and arriving before the team need's stand-down (if any). */
    public boolean eligible(TeamFact team, TeamNeedFact need) {
        return team.type().equals(need.teamType()) && blockingTeamRules(team, need) == 0
                && (need.standDownAt() == null || !teamArrival(team, need).isAfter(need.standDownAt()));
    }

    /** Hours from plan start to the end of the USAR window, 72 h after the incident struck (or plan start). */
    long usarWindowHours(TeamNeedFact need) {
        if (need.incidentStartedAt() == null) {
            return 72;
        }
        return Math.max(0, Duration.between(input.planFrom(), need.incidentStartedAt().plus(Duration.ofHours(72)))
                .toMinutes() / 60);
    }

    // ------------------------------------------------------------------ score

    public Score evaluate(Plan plan) {
        Map<String, Long> p = new LinkedHashMap<>();
        AllocationWeights.knownConstraintNames().forEach(n -> p.put(n, 0L));
        Map<UUID, Long> takenPerLot = new HashMap<>();
        Map<UUID, Integer> sentPerNeed = new HashMap<>();
        record RouteKey(UUID depotId, UUID siteId, TransportMode mode) {
        }
        record Load(Leg leg, long[] gramsCm3) {
        }
        Map<RouteKey, Load> loads = new HashMap<>();

        for (Plan.Line line : plan.lines()) {
            if (line.quantity() <= 0) {
                continue;
            }
            NeedFact need = require(needs.get(line.needId()), "need", line.needId());
            LotFact lot = require(lots.get(line.lotId()), "lot", line.lotId());
            if (!lot.itemCode().equals(need.itemCode())) {
                throw new IllegalArgumentException("Line sends " + lot.itemCode() + " to a need of " + need.itemCode());
            }
            int q = line.quantity();
            if (!modes(lot, need).contains(line.mode())) {
                throw new IllegalArgumentException("Line " + line + " by a mode that cannot make the journey");
            }
            Leg leg = leg(lot, need, line.mode());
            takenPerLot.merge(lot.lotId(), (long) q, Long::sum);
            sentPerNeed.merge(need.needId(), q, Integer::sum);
            add(p, AllocationWeights.MATERIAL_ACCESS_BLOCKED, (long) q * blockingMaterialRules(lot, need, leg));
            if (!earmarkAllows(lot, need)) {
                add(p, AllocationWeights.EARMARK_VIOLATED, q);
            }
            if (expiresBeforeArrival(lot, leg)) {
                add(p, AllocationWeights.LOT_EXPIRES_BEFORE_ARRIVAL, q);
            }
            long bp = basisPoints(q, need);
            if (need.deliverBy() != null) {
                add(p, AllocationWeights.LATE_DELIVERY, hoursAfter(need.deliverBy(), leg.arrives()) * bp);
            }
            long g = grams(lot, q);
            long c = cm3(lot, q);
            double share = Math.max(g / leg.capGrams(), c / leg.capCm3());
            add(p, AllocationWeights.TRANSPORT_LOAD, Math.round(share * leg.km() * leg.costPerKm()) / 4);
            Load load = loads.computeIfAbsent(new RouteKey(lot.depotId(), need.siteId(), line.mode()),
                    k -> new Load(leg, new long[2]));
            load.gramsCm3()[0] += g;
            load.gramsCm3()[1] += c;
            if (lot.expiresOn() != null) {
                Instant expiry = lot.expiresOn().atStartOfDay(ZoneOffset.UTC).toInstant();
                long daysLeft = Math.max(0, ChronoUnit.DAYS.between(leg.arrives(), expiry));
                add(p, AllocationWeights.FEFO, bp * daysLeft / 30);
            }
        }
        takenPerLot.forEach((lotId, taken) -> {
            long over = taken - lots.get(lotId).available();
            if (over > 0) {
                add(p, AllocationWeights.LOT_OVER_ALLOCATED, over);
            }
        });
        loads.values().forEach(l -> {
            long vehicles = Math.max(1, Math.max((long) Math.ceil(l.gramsCm3()[0] / l.leg().capGrams()),
                    (long) Math.ceil(l.gramsCm3()[1] / l.leg().capCm3())));
            add(p, AllocationWeights.TRANSPORT_COST, Math.round(vehicles * l.leg().km() * l.leg().costPerKm()));
        });

        // Unmet needs and fairness per site
        Map<UUID, Long> permillePerSite = new HashMap<>();
        for (NeedFact need : input.needs()) {
            int sent = sentPerNeed.getOrDefault(need.needId(), 0);
            if (sent > need.quantity()) {
                throw new IllegalArgumentException("Need " + need.needId() + " gets " + sent + " > " + need.quantity());
            }
            int unmet = need.quantity() - sent;
            if (unmet <= 0) {
                continue;
            }
            String name = switch (need.priority() == null ? Priority.MEDIUM : need.priority()) {
                case CRITICAL -> AllocationWeights.UNMET_CRITICAL;
                case HIGH -> AllocationWeights.UNMET_HIGH;
                case MEDIUM -> AllocationWeights.UNMET_MEDIUM;
                case LOW -> AllocationWeights.UNMET_LOW;
            };
            add(p, name, basisPoints(unmet, need));
            permillePerSite.merge(need.siteId(), unmet * 1000L / need.quantity(), Long::sum);
        }
        permillePerSite.forEach((site, sum) -> {
            long mean = sum / Math.max(1, needsPerSite.getOrDefault(site, 0));
            add(p, AllocationWeights.UNFAIR_SITE_SHARE, mean * mean / 10);
        });
        add(p, AllocationWeights.UNFAIR_INCIDENT_SHARE, incidentUnfairness(sentPerNeed));
        add(p, AllocationWeights.PLAN_STABILITY, baseUnitsMoved(plan));

        // Teams
        Map<UUID, Integer> slotsUsed = new HashMap<>();
        Map<UUID, Integer> perTeam = new HashMap<>();
        for (Plan.TeamAssignment a : plan.teams()) {
            TeamNeedFact need = require(teamNeeds.get(a.teamNeedId()), "team need", a.teamNeedId());
            TeamFact team = require(teams.get(a.teamId()), "team", a.teamId());
            slotsUsed.merge(need.teamNeedId(), 1, Integer::sum);
            perTeam.merge(team.teamId(), 1, Integer::sum);
            if (!team.type().equals(need.teamType())) {
                add(p, AllocationWeights.TEAM_WRONG_TYPE, 1);
            }
            add(p, AllocationWeights.TEAM_ACCESS_BLOCKED, blockingTeamRules(team, need));
            Instant arrives = teamArrival(team, need);
            long h = hoursAfter(input.planFrom(), arrives);
            boolean usar = need.teamType() != null && need.teamType().toUpperCase().startsWith("USAR");
            add(p, AllocationWeights.TEAM_ARRIVAL_TIME, usar ? h + 9 * Math.min(h, usarWindowHours(need)) : h);
            if (need.neededBy() != null) {
                add(p, AllocationWeights.LATE_TEAM_ARRIVAL, hoursAfter(need.neededBy(), arrives));
            }
        }
        perTeam.values().forEach(n -> add(p, AllocationWeights.TEAM_DOUBLE_BOOKED, Math.max(0, n - 1)));
        for (TeamNeedFact need : teamNeeds.values()) {
            int used = slotsUsed.getOrDefault(need.teamNeedId(), 0);
            if (used > need.count()) {
                throw new IllegalArgumentException("Team need " + need.teamNeedId() + " gets " + used + " teams");
            }
            long unit = Math.max(1,
                    Math.round(10_000.0 / Math.max(1, Math.max(typeDemand.get(need.teamType()), need.count()))));
            add(p, AllocationWeights.UNFILLED_TEAM_SLOT, (need.count() - used) * unit);
        }

        add(p, AllocationWeights.TEAM_PLAN_STABILITY, baseTeamsMoved(plan));

        long hard = 0;
        long medium = 0;
        long soft = 0;
        Map<String, Long> weighted = new LinkedHashMap<>();
        for (var e : p.entrySet()) {
            long v = e.getValue() * w.weight(e.getKey());
            weighted.put(e.getKey(), v);
            switch (AllocationWeights.definitions().get(e.getKey()).level()) {
                case HARD -> hard -= v;
                case MEDIUM -> medium -= v;
                case SOFT -> soft -= v;
            }
        }
        return new Score(hard, medium, soft, weighted);
    }

    /**
     * Per item that more than one incident requests: with R_k, U_k an incident's requested and unmet units and R, U
     * their sums, the sum over incidents of (1000 U_k / R_k - 1000 U / R)^2 / 10 (integer divisions).
     */
    long incidentUnfairness(Map<UUID, Integer> sentPerNeed) {
        Map<String, Map<UUID, long[]>> byItem = new LinkedHashMap<>();
        for (NeedFact need : input.needs()) {
            if (need.quantity() <= 0) {
                continue;
            }
            long[] ru = byItem.computeIfAbsent(need.itemCode(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(need.incidentId(), k -> new long[2]);
            ru[0] += need.quantity();
            ru[1] += need.quantity() - sentPerNeed.getOrDefault(need.needId(), 0);
        }
        long penalty = 0;
        for (Map<UUID, long[]> incidents : byItem.values()) {
            if (incidents.size() < 2) {
                continue;
            }
            long requested = incidents.values().stream().mapToLong(ru -> ru[0]).sum();
            long unmet = incidents.values().stream().mapToLong(ru -> ru[1]).sum();
            long common = unmet * 1000 / requested;
            for (long[] ru : incidents.values()) {
                long d = ru[1] * 1000 / ru[0] - common;
                penalty += d * d / 10;
            }
        }
        return penalty;
    }

    /**
     * Units of released base lines no longer sent from their base lot, per (need, lot). A base line counts as the
     * problem builder takes it: its lot must be in the input, of the need's item, and (released) eligible for the need;
     * the base units of one need are taken in input order up to the need's quantity.
     */
    long baseUnitsMoved(Plan plan) {
        if (input.baseLines() == null || input.baseLines().isEmpty()) {
            return 0;
        }
        Map<UUID, Integer> left = new HashMap<>();
        Map<List<UUID>, Long> base = new LinkedHashMap<>();
        for (SolverInput.BaseLine b : input.baseLines()) {
            NeedFact need = needs.get(b.needId());
            LotFact lot = lots.get(b.lotId());
            if (need == null || lot == null || lot.available() <= 0 || !lot.itemCode().equals(need.itemCode())
                    || b.quantity() <= 0 || need.quantity() <= 0 || (!b.pinned() && !eligible(lot, need))) {
                continue;
            }
            int l = left.getOrDefault(need.needId(), need.quantity());
            int q = Math.min(b.quantity(), l);
            left.put(need.needId(), l - q);
            if (!b.pinned()) {
                base.merge(List.of(b.needId(), b.lotId()), (long) q, Long::sum);
            }
        }
        Map<List<UUID>, Long> sent = new HashMap<>();
        plan.lines().forEach(line -> sent.merge(List.of(line.needId(), line.lotId()), (long) line.quantity(),
                Long::sum));
        long moved = 0;
        for (var e : base.entrySet()) {
            moved += Math.max(0, e.getValue() - sent.getOrDefault(e.getKey(), 0L));
        }
        return moved;
    }

    /**
     * Released base teams no longer assigned to their team need. A base team counts as the problem builder takes it:
     * the team must be in the input, within the team need's count (pinned and released together, in input order) and
     * (released) eligible for it.
     */
    long baseTeamsMoved(Plan plan) {
        if (input.baseTeams() == null || input.baseTeams().isEmpty()) {
            return 0;
        }
        Map<UUID, Integer> placed = new HashMap<>();
        Map<UUID, java.util.Set<UUID>> released = new LinkedHashMap<>();
        for (SolverInput.BaseTeam b : input.baseTeams()) {
            TeamNeedFact need = teamNeeds.get(b.teamNeedId());
            TeamFact team = teams.get(b.teamId());
            if (need == null || team == null || placed.getOrDefault(need.teamNeedId(), 0) >= need.count()
                    || (!b.pinned() && !eligible(team, need))) {
                continue;
            }
            placed.merge(need.teamNeedId(), 1, Integer::sum);
            if (!b.pinned()) {
                released.computeIfAbsent(need.teamNeedId(), k -> new java.util.HashSet<>()).add(team.teamId());
            }
        }
        long moved = 0;
        for (var e : released.entrySet()) {
            long kept = plan.teams().stream()
                    .filter(a -> a.teamNeedId().equals(e.getKey()) && e.getValue().contains(a.teamId())).count();
            moved += Math.max(0, e.getValue().size() - kept);
        }
        return moved;
    }

    private static void add(Map<String, Long> p, String name, long amount) {
        p.merge(name, amount, Long::sum);
    }

    private static <T> T require(T value, String what, UUID id) {
        if (value == null) {
            throw new IllegalArgumentException("Unknown " + what + " " + id);
        }
        return value;
    }

    public Map<UUID, NeedFact> needs() {
        return needs;
    }

    public Map<UUID, LotFact> lots() {
        return lots;
    }

    public Map<UUID, TeamFact> teams() {
        return teams;
    }

    public Map<UUID, TeamNeedFact> teamNeeds() {
        return teamNeeds;
    }

    public long typeUnit(TeamNeedFact need) {
        return Math.max(1, Math.round(10_000.0 / Math.max(1, Math.max(typeDemand.get(need.teamType()), need.count()))));
    }

    public int needsAtSite(UUID siteId) {
        return needsPerSite.getOrDefault(siteId, 0);
    }
}
