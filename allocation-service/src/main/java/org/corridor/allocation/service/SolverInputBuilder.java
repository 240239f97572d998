package org.corridor.allocation.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.corridor.allocation.client.inventory.InventoryClient;
import org.corridor.allocation.config.AllocationConfig;
import org.corridor.allocation.domain.Incident;
import org.corridor.allocation.domain.Need;
import org.corridor.allocation.domain.Site;
import org.corridor.allocation.domain.TeamNeed;
import org.corridor.allocation.service.replan.BaseLineLegality;
import org.corridor.allocation.service.replan.ReplanBase;
import org.corridor.allocation.solver.api.AppliesTo;
import org.corridor.allocation.solver.api.Priority;
import org.corridor.allocation.solver.api.SolverInput;
import org.corridor.allocation.solver.api.TransportMode;
import org.corridor.common.problem.ProblemException;

/**
 * Builds the {@link SolverInput} of a plan: the incidents' needs and team needs, the lots of the needed items and the
 * AVAILABLE teams of the needed types from inventory's snapshot, the access rules, the transport model and the route
 * overrides. This is where the service's own types (entities, domain enums, configuration) are mapped to the solver's
 * records and enums.
 */
@ApplicationScoped
public class SolverInputBuilder {

    /** What the database says about the incidents being planned. */
    /**
     * What to plan: the needs and team needs not fully covered yet, with what is uncovered of each (what approved plans
     * do not cover); a need or team need missing from those maps is planned in full.
     */
    public record PlanningData(List<Incident> incidents, Map<UUID, Site> sites, List<Need> needs,
            List<TeamNeed> teamNeeds, Map<UUID, Integer> uncovered, Map<UUID, Integer> teamsUncovered,
            ReplanBase base) {

        public PlanningData(List<Incident> incidents, Map<UUID, Site> sites, List<Need> needs,
                List<TeamNeed> teamNeeds) {
            this(incidents, sites, needs, teamNeeds, Map.of(), Map.of(), null);
        }
    }

    private final AllocationConfig.Transport transport;
    private final int expiryMarginDays;

    public SolverInputBuilder(AllocationConfig config) {
        this.transport = config.transport();
        this.expiryMarginDays = config.solver().expiryMarginDays();
    }

    /** 422 when a need asks for an item no longer in the snapshot's catalogue. */
    public SolverInput build(Instant planFrom, PlanningData data, InventoryReads.Snapshot snapshot,
            List<AccessRuleView> accessRules, List<RouteOverrideView> routeOverrides, Map<String, Long> weights) {
        Map<String, InventoryClient.Item> items = snapshot.items().stream()
                .collect(Collectors.toMap(InventoryClient.Item::code, Function.identity(), (a, b) -> a));
        Set<String> gone = data.needs().stream().map(n -> n.itemCode).filter(c -> !items.containsKey(c))
                .collect(Collectors.toCollection(TreeSet::new));
        if (!gone.isEmpty()) {
            throw ProblemException.unprocessable("Unknown items",
                    "Needs ask for items no longer in inventory-service's catalogue: " + gone);
        }
        Map<UUID, Incident> incidentOf = new LinkedHashMap<>();
        data.incidents().forEach(i -> incidentOf.put(i.id, i));

        List<SolverInput.NeedFact> needs = new ArrayList<>();
        for (Need n : data.needs()) {
            Incident i = incidentOf.get(n.incidentId);
            Site s = data.sites().get(n.siteId);
            needs.add(new SolverInput.NeedFact(n.id, i.id, i.type.name(), s.id, s.name, s.countryCode, s.latitude,
                    s.longitude, n.itemCode, items.get(n.itemCode).name(),
                    data.uncovered().getOrDefault(n.id, n.quantity),
                    Priority.valueOf(n.priority.name()), n.deliverBy, s.seaport));
        }
        List<SolverInput.TeamNeedFact> teamNeeds = new ArrayList<>();
        for (TeamNeed t : data.teamNeeds()) {
            Incident i = incidentOf.get(t.incidentId);
            Site s = data.sites().get(t.siteId);
            teamNeeds.add(new SolverInput.TeamNeedFact(t.id, i.id, s.id, s.name, s.countryCode, s.latitude,
                    s.longitude, t.teamType.name(), data.teamsUncovered().getOrDefault(t.id, t.count), t.neededBy,
                    i.startedAt, standDownAt(i, t)));
        }
        Set<String> neededItems = needs.stream().map(SolverInput.NeedFact::itemCode).collect(Collectors.toSet());
        // a re-plan's base holds units of its lots: they are the re-plan's to keep or to move
        Map<UUID, Long> heldByBase = data.base() == null ? Map.of() : data.base().unitsPerLot();
        List<SolverInput.LotFact> lots = snapshot.lots().stream()
                .filter(l -> l.lotId() != null && neededItems.contains(l.itemCode())
                        && l.available() + heldByBase.getOrDefault(l.lotId(), 0L) > 0)
                .map(l -> lot(l, items.get(l.itemCode()), heldByBase.getOrDefault(l.lotId(), 0L)))
                .toList();
        Set<String> neededTypes = teamNeeds.stream().map(SolverInput.TeamNeedFact::teamType)
                .collect(Collectors.toSet());
        Set<UUID> baseTeams = data.base() == null
                ? Set.of()
                : data.base().teams().stream().map(ReplanBase.Team::teamId).collect(Collectors.toSet());
        List<SolverInput.TeamFact> teams = snapshot.teams().stream()
                .filter(t -> t.id() != null && ("AVAILABLE".equals(t.status()) || baseTeams.contains(t.id()))
                        && neededTypes.contains(t.type()))
                .map(t -> new SolverInput.TeamFact(t.id(), t.name(), t.countryCode(), t.type(), t.members(),
                        t.baseLatitude(), t.baseLongitude(), t.mobilisationHours()))
                .toList();
        List<SolverInput.AccessRuleFact> rules = accessRules.stream()
                .map(r -> new SolverInput.AccessRuleFact(r.id(), r.originCountryCode(), r.destinationCountryCode(),
                        r.kind().name(), AppliesTo.valueOf(r.appliesTo().name()), r.validFrom(), r.validUntil(),
                        r.reason(), r.modes().stream().map(m -> TransportMode.valueOf(m.name()))
                                .collect(Collectors.toSet())))
                .toList();
        List<SolverInput.RouteOverride> overrides = routeOverrides.stream()
                .map(r -> new SolverInput.RouteOverride(r.originCountryCode(), r.destinationCountryCode(),
                        TransportMode.valueOf(r.mode().name()), r.leadTime(), r.costPerVehicleKm()))
                .toList();
        SolverInput input = new SolverInput(planFrom, needs, teamNeeds, lots, teams, rules, transportSettings(),
                overrides, expiryMarginDays, weights);
        return data.base() == null ? input : withBase(input, data, snapshot, accessRules, planFrom);
    }

    /**
     * A re-plan's base: its approved, undispatched lines that are still legal (pinned unless the request released them)
     * and its teams. A line a new access rule, an expiry or a vanished lot forbids is left out: its units are uncovered
     * again, for the solver to cover another way.
     */
    private SolverInput withBase(SolverInput input, PlanningData data, InventoryReads.Snapshot snapshot,
            List<AccessRuleView> accessRules, Instant planFrom) {
        ReplanBase base = data.base();
        boolean pinned = !base.releaseUndispatched();
        Map<UUID, String> siteCountry = new HashMap<>();
        data.sites().forEach((id, s) -> siteCountry.put(id, s.countryCode));
        Map<UUID, java.time.LocalDate> expiry = new HashMap<>();
        Set<UUID> present = new HashSet<>();
        snapshot.lots().stream().filter(l -> l.lotId() != null).forEach(l -> {
            present.add(l.lotId());
            if (l.expiresOn() != null) {
                expiry.put(l.lotId(), l.expiresOn());
            }
        });
        List<SolverInput.BaseLine> lines = BaseLineLegality.judge(base.lines(), siteCountry, expiry, present,
                accessRules, planFrom, expiryMarginDays).stream().filter(v -> v.forbiddenBecause() == null)
                .map(v -> new SolverInput.BaseLine(v.line().needId(), v.line().lotId(), v.line().quantity(), pinned,
                        v.line().mode() == null ? null : TransportMode.valueOf(v.line().mode())))
                .toList();
        List<SolverInput.BaseTeam> teams = base.teams().stream()
                .map(t -> new SolverInput.BaseTeam(t.teamNeedId(), t.teamId(), pinned)).toList();
        return input.withBase(lines, teams);
    }

    private static SolverInput.LotFact lot(InventoryClient.StockLot l, InventoryClient.Item item, long heldByBase) {
        InventoryClient.Earmark earmark = l.earmark();
        return new SolverInput.LotFact(l.lotId(), l.depotId(), l.depotCode(), l.depotName(), l.countryCode(),
                l.latitude(), l.longitude(), l.itemCode(), l.expiresOn(),
                earmark == null || earmark.countryCodes() == null ? Set.of() : Set.copyOf(earmark.countryCodes()),
                earmark == null || earmark.incidentTypes() == null ? Set.of() : Set.copyOf(earmark.incidentTypes()),
                // a lot larger than any need is as good as Integer.MAX_VALUE units to the solver
                (int) Math.min(Integer.MAX_VALUE, l.available() + heldByBase), item.unitWeightKg(),
                item.unitVolumeM3(), Boolean.TRUE.equals(l.depotSeaport()));
    }

    private SolverInput.TransportSettings transportSettings() {
        return new SolverInput.TransportSettings(transport.maxRoadKm(), transport.roadSpeedKmh(),
                transport.roadHandling(), transport.airSpeedKmh(), transport.airHandling(),
                transport.truckCapacityKg(), transport.truckCapacityM3(), transport.aircraftCapacityKg(),
                transport.aircraftCapacityM3(), transport.truckCostPerKm(), transport.aircraftCostPerKm(),
                transport.seaSpeedKmh(), transport.seaHandling(), transport.seaDetourFactor(),
                transport.shipCapacityKg(), transport.shipCapacityM3(), transport.shipCostPerKm());
    }

    /** USAR team needs stand down this long after their incident started; others never (null). */
    private Instant standDownAt(Incident i, TeamNeed t) {
        if (i.startedAt == null || !t.teamType.name().toUpperCase().startsWith("USAR")) {
            return null;
        }
        return i.startedAt.plus(transport.usarStandDown());
    }
}
