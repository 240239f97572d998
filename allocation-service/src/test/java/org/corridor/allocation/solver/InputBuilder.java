package org.corridor.allocation.solver;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.corridor.allocation.solver.api.AppliesTo;
import org.corridor.allocation.solver.api.Priority;
import org.corridor.allocation.solver.api.SolverInput;
import org.corridor.allocation.solver.api.SolverInput.LotFact;
import org.corridor.allocation.solver.api.SolverInput.NeedFact;
import org.corridor.allocation.solver.api.SolverInput.RouteOverride;
import org.corridor.allocation.solver.api.SolverInput.TeamFact;
import org.corridor.allocation.solver.api.SolverInput.TransportSettings;
import org.corridor.allocation.solver.api.TransportMode;

/** Fluent test helper that assembles a {@link SolverInput}. */
final class InputBuilder {

    static final Instant T0 = Instant.parse("2026-02-06T06:00:00Z");

    /** Catalogue used by tests: code -> {unit weight kg, unit volume m3} (the conventions' figures). */
    static final Map<String, double[]> ITEMS = Map.of(
            "TENT-FAM", new double[]{55, 0.282},
            "TARP-4X5", new double[]{4, 0.01},
            "HEB-CTN", new double[]{10, 0.03},
            "HYG-KIT", new double[]{5, 0.025},
            "BLANKET", new double[]{1.5, 0.01},
            "JERRYCAN", new double[]{0.5, 0.02},
            "ORS-SACHET", new double[]{0.03, 0.0001},
            "FOOD-RATION", new double[]{16.65, 0.025});

    record SiteRef(UUID incidentId, String incidentType, UUID siteId, String name, String country, double lat,
            double lon, boolean seaport) {
    }

    private Instant planFrom = T0;
    private final List<NeedFact> needs = new ArrayList<>();
    private final List<SolverInput.TeamNeedFact> teamNeeds = new ArrayList<>();
    private final List<LotFact> lots = new ArrayList<>();
    private final List<TeamFact> teams = new ArrayList<>();
    private final List<SolverInput.AccessRuleFact> rules = new ArrayList<>();
    private final List<RouteOverride> overrides = new ArrayList<>();
    private final Map<String, Long> weights = new HashMap<>();
    private int expiryMarginDays = 2;
    private int counter;

    InputBuilder planFrom(Instant t) {
        this.planFrom = t;
        return this;
    }

    InputBuilder expiryMarginDays(int d) {
        this.expiryMarginDays = d;
        return this;
    }

    SiteRef site(String name, String country, double lat, double lon) {
        return site(name, country, lat, lon, "EQ");
    }

    SiteRef site(String name, String country, double lat, double lon, String incidentType) {
        return new SiteRef(uuid(), incidentType, uuid(), name, country, lat, lon, false);
    }

    /** A site with a port ships can unload at. */
    SiteRef port(String name, String country, double lat, double lon) {
        return new SiteRef(uuid(), "EQ", uuid(), name, country, lat, lon, true);
    }

    UUID need(SiteRef s, String item, int quantity, Priority priority) {
        return need(s, item, quantity, priority, planFrom.plus(Duration.ofDays(10)));
    }

    UUID need(SiteRef s, String item, int quantity, Priority priority, Instant deliverBy) {
        UUID id = uuid();
        needs.add(new NeedFact(id, s.incidentId(), s.incidentType(), s.siteId(), s.name(), s.country(), s.lat(),
                s.lon(), item, itemName(item), quantity, priority, deliverBy, s.seaport()));
        return id;
    }

    /** A team need of an incident that struck at {@code startedAt}, standing down at {@code standDownAt}. */
    UUID teamNeed(SiteRef s, String type, int count, Instant startedAt, Instant standDownAt) {
        UUID id = uuid();
        teamNeeds.add(new SolverInput.TeamNeedFact(id, s.incidentId(), s.siteId(), s.name(), s.country(), s.lat(),
                s.lon(), type, count, planFrom.plus(Duration.ofHours(48)), startedAt, standDownAt));
        return id;
    }

    UUID teamNeed(SiteRef s, String type, int count) {
        UUID id = uuid();
        teamNeeds.add(new SolverInput.TeamNeedFact(id, s.incidentId(), s.siteId(), s.name(), s.country(), s.lat(),
                s.lon(), type, count, planFrom.plus(Duration.ofHours(48))));
        return id;
    }

    UUID lot(String depotCode, String country, double lat, double lon, String item, int available) {
        return lot(depotCode, country, lat, lon, item, available, null, Set.of(), Set.of());
    }

    /** A lot in a depot with a port ships can load at. */
    UUID portLot(String depotCode, String country, double lat, double lon, String item, int available) {
        return portLot(depotCode, country, lat, lon, item, available, null);
    }

    /** A perishable lot in a depot with a port ships can load at. */
    UUID portLot(String depotCode, String country, double lat, double lon, String item, int available,
            LocalDate expiresOn) {
        UUID id = uuid();
        double[] unit = ITEMS.getOrDefault(item, new double[]{1, 0.01});
        lots.add(new LotFact(id, UUID.nameUUIDFromBytes(depotCode.getBytes()), depotCode, depotCode + " depot",
                country, lat, lon, item, expiresOn, Set.of(), Set.of(), available, unit[0], unit[1], true));
        return id;
    }

    UUID lot(String depotCode, String country, double lat, double lon, String item, int available,
            LocalDate expiresOn, Set<String> earmarkCountries, Set<String> earmarkTypes) {
        UUID id = uuid();
        double[] unit = ITEMS.getOrDefault(item, new double[]{1, 0.01});
        lots.add(new LotFact(id, UUID.nameUUIDFromBytes(depotCode.getBytes()), depotCode, depotCode + " depot",
                country, lat, lon, item, expiresOn, earmarkCountries, earmarkTypes, available, unit[0], unit[1]));
        return id;
    }

    UUID team(String name, String country, String type, double lat, double lon, int mobilisationHours) {
        UUID id = uuid();
        teams.add(new TeamFact(id, name, country, type, type.startsWith("USAR_HEAVY") ? 59 : 40, lat, lon,
                mobilisationHours));
        return id;
    }

    InputBuilder embargo(String origin, String destination, AppliesTo appliesTo) {
        rules.add(new SolverInput.AccessRuleFact(uuid(), origin, destination, "EMBARGO", appliesTo,
                planFrom.minus(Duration.ofDays(365)), null, "sanctions"));
        return this;
    }

    InputBuilder rule(String origin, String destination, String kind, AppliesTo appliesTo, Instant from,
            Instant until) {
        rules.add(new SolverInput.AccessRuleFact(uuid(), origin, destination, kind, appliesTo, from, until,
                "test rule"));
        return this;
    }

    /** A rule stopping only the given transport modes. */
    UUID rule(String origin, String destination, String kind, AppliesTo appliesTo, Instant from, Instant until,
            Set<TransportMode> modes) {
        UUID id = uuid();
        rules.add(new SolverInput.AccessRuleFact(id, origin, destination, kind, appliesTo, from, until, "test rule",
                modes));
        return id;
    }

    InputBuilder override(RouteOverride o) {
        overrides.add(o);
        return this;
    }

    InputBuilder weight(String constraint, long w) {
        weights.put(constraint, w);
        return this;
    }

    SolverInput build() {
        return new SolverInput(planFrom, List.copyOf(needs), List.copyOf(teamNeeds), List.copyOf(lots),
                List.copyOf(teams), List.copyOf(rules), TransportSettings.defaults(), List.copyOf(overrides),
                expiryMarginDays, Map.copyOf(weights));
    }

    static String itemName(String code) {
        return switch (code) {
            case "TENT-FAM" -> "Family tent";
            case "TARP-4X5" -> "Tarpaulin 4x5 m";
            case "HEB-CTN" -> "High-energy biscuits carton";
            case "HYG-KIT" -> "Hygiene kit";
            case "BLANKET" -> "Blanket";
            case "JERRYCAN" -> "Jerrycan 20 l";
            case "ORS-SACHET" -> "Oral rehydration salts sachet";
            default -> code;
        };
    }

    private UUID uuid() {
        return new UUID(0x5EED_0000L, ++counter);
    }
}
