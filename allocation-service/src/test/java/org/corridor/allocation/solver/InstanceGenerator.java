package org.corridor.allocation.solver;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.corridor.allocation.solver.Places.Place;
import org.corridor.allocation.solver.api.AppliesTo;
import org.corridor.allocation.solver.api.Priority;
import org.corridor.allocation.solver.api.SolverInput;
import org.corridor.allocation.solver.api.SolverInput.LotFact;
import org.corridor.allocation.solver.api.SolverInput.NeedFact;
import org.corridor.allocation.solver.api.SolverInput.TeamFact;
import org.corridor.allocation.solver.api.SolverInput.TransportSettings;

/**
 * Seeded generator of realistic allocation instances: depots in many countries (the six UNHRD hubs of the conventions
 * first), a catalogue of relief items with Sphere-like unit weights, an earthquake across TUR/SYR plus a flood in PAK,
 * INSARAG USAR and WHO EMT teams, and embargoes on SYR. The same seed always gives the same instance.
 */
final class InstanceGenerator {

    static final List<Place> UNHRD = Places.UNHRD;
    static final List<Place> CITIES = Places.CITIES;

    record Item(String code, String name, double kg, double m3, int shelfLifeDays, int perPersons) {
    }

    static final List<Item> ITEMS = List.of(
            new Item("TENT-FAM", "Family tent", 55, 0.282, 0, 5),
            new Item("TARP-4X5", "Tarpaulin 4x5 m", 4, 0.01, 0, 5),
            new Item("BLANKET", "Blanket", 1.5, 0.01, 0, 1),
            new Item("SLEEP-MAT", "Sleeping mat", 1.2, 0.02, 0, 1),
            new Item("HYG-KIT", "Hygiene kit", 5, 0.025, 0, 5),
            new Item("KITCHEN-SET", "Kitchen set", 6, 0.03, 0, 5),
            new Item("JERRYCAN", "Jerrycan 20 l", 0.5, 0.02, 0, 5),
            new Item("BUCKET-14L", "Bucket 14 l", 0.72, 0.015, 0, 5),
            new Item("SOLAR-LAMP", "Solar lamp", 0.4, 0.002, 0, 5),
            new Item("MOSQ-NET", "Mosquito net", 0.6, 0.003, 0, 2),
            new Item("HEB-CTN", "High-energy biscuits carton 10 kg", 10, 0.03, 540, 10),
            new Item("RUTF-CTN", "RUTF carton", 14, 0.03, 720, 50),
            new Item("WPT-STRIP", "Water purification tablets strip", 0.05, 0.0001, 1095, 1),
            new Item("ORS-SACHET", "Oral rehydration salts sachet", 0.03, 0.0001, 730, 2),
            new Item("IEHK-BASIC", "Interagency emergency health kit basic unit", 45, 0.2, 365, 1000),
            new Item("TRAUMA-KIT", "Trauma and emergency surgery kit", 90, 0.5, 365, 2000),
            new Item("CHOLERA-KIT", "Cholera kit", 120, 0.6, 300, 5000),
            new Item("GENERATOR", "Generator 5 kVA", 90, 0.5, 0, 5000),
            new Item("WATER-BLADDER", "Water bladder 10 m3", 40, 0.15, 0, 2000),
            new Item("SHELTER-KIT", "Shelter tool kit", 10, 0.04, 0, 10));

    private final Random random;
    private final Instant planFrom = Instant.parse("2026-02-06T06:00:00Z");
    private long ids;

    InstanceGenerator(long seed) {
        this.random = new Random(seed);
    }

    private UUID uuid() {
        return new UUID(0x6E4E_0000L, ++ids);
    }

    /** About {@code depots} depots, {@code items} items, 5 sites, {@code teams} teams. */
    SolverInput generate(int depotCount, int itemCount, int teamCount) {
        List<Place> depots = new ArrayList<>(UNHRD);
        List<Place> pool = new ArrayList<>(CITIES);
        java.util.Collections.shuffle(pool, random);
        depots.addAll(pool.subList(0, Math.min(pool.size(), Math.max(0, depotCount - UNHRD.size()))));
        List<Item> items = ITEMS.subList(0, Math.min(itemCount, ITEMS.size()));

        // Sites: Türkiye-Syria earthquake (4 sites) and a Pakistan flood (1 site)
        UUID quake = uuid();
        UUID flood = uuid();
        record SiteSpec(UUID incident, String type, String name, String country, double lat, double lon,
                int population) {
        }
        List<SiteSpec> sites = List.of(
                new SiteSpec(quake, "EQ", "Antakya", "TUR", 36.20, 36.16, 60_000),
                new SiteSpec(quake, "EQ", "Kahramanmaras", "TUR", 37.58, 36.94, 40_000),
                new SiteSpec(quake, "EQ", "Aleppo", "SYR", 36.20, 37.13, 50_000),
                new SiteSpec(quake, "EQ", "Jindires", "SYR", 36.39, 36.69, 15_000),
                new SiteSpec(flood, "FL", "Dadu", "PAK", 26.73, 67.78, 30_000));
        Map<SiteSpec, UUID> siteIds = new HashMap<>();
        sites.forEach(s -> siteIds.put(s, uuid()));

        // Needs: Sphere-like quantities for a share of the population, 8-12 items per site
        List<NeedFact> needs = new ArrayList<>();
        Map<String, Integer> demand = new HashMap<>();
        Priority[] priorities = Priority.values();
        for (SiteSpec s : sites) {
            List<Item> shuffled = new ArrayList<>(items);
            java.util.Collections.shuffle(shuffled, random);
            int n = 8 + random.nextInt(5);
            for (Item item : shuffled.subList(0, Math.min(n, shuffled.size()))) {
                int qty = Math.max(1, (int) (s.population() * (0.1 + random.nextDouble() * 0.4) / item.perPersons()));
                Priority p = priorities[random.nextInt(priorities.length)];
                Instant deliverBy = planFrom.plus(Duration.ofHours(48 + random.nextInt(120)));
                needs.add(new NeedFact(uuid(), s.incident(), s.type(), siteIds.get(s), s.name(), s.country(), s.lat(),
                        s.lon(), item.code(), item.name(), qty, p, deliverBy));
                demand.merge(item.code(), qty, Integer::sum);
            }
        }

        // Lots: each depot stocks 6-12 items; total stock of an item ~ 0.6-1.6 x its demand
        List<LotFact> lots = new ArrayList<>();
        for (Place d : depots) {
            UUID depotId = uuid();
            List<Item> shuffled = new ArrayList<>(items);
            java.util.Collections.shuffle(shuffled, random);
            for (Item item : shuffled.subList(0, Math.min(shuffled.size(), 6 + random.nextInt(7)))) {
                int lotsHere = 1 + (item.shelfLifeDays() > 0 ? random.nextInt(2) : 0);
                for (int k = 0; k < lotsHere; k++) {
                    int itemDemand = demand.getOrDefault(item.code(), 1000);
                    int available = Math.max(1,
                            (int) (itemDemand * (0.6 + random.nextDouble()) / (depots.size() * 0.4)));
                    LocalDate expires = item.shelfLifeDays() == 0
                            ? null
                            : LocalDate.ofInstant(planFrom, ZoneOffset.UTC)
                                    .plusDays(1 + random.nextInt(item.shelfLifeDays()));
                    Set<String> earmarkCountries = Set.of();
                    Set<String> earmarkTypes = Set.of();
                    double r = random.nextDouble();
                    if (r < 0.05) {
                        earmarkCountries = Set.of("TUR");
                    } else if (r < 0.08) {
                        earmarkTypes = Set.of("FL");
                    } else if (r < 0.10) {
                        earmarkCountries = Set.of("SYR");
                        earmarkTypes = Set.of("EQ");
                    }
                    lots.add(new LotFact(uuid(), depotId, d.code(), d.code() + " warehouse", d.country(), d.lat(),
                            d.lon(),
                            item.code(), expires, earmarkCountries, earmarkTypes, available, item.kg(), item.m3()));
                }
            }
        }

        // Teams: INSARAG USAR and WHO EMT types from many countries
        List<TeamFact> teams = GeneratedTeams.teams(random, teamCount, this::uuid);
        List<SolverInput.TeamNeedFact> teamNeeds = new ArrayList<>();
        for (SiteSpec s : sites) {
            for (String type : List.of("USAR_HEAVY", "USAR_MEDIUM", "EMT_TYPE_2")) {
                if (s.type().equals("FL") && type.startsWith("USAR")) {
                    continue;
                }
                teamNeeds.add(new SolverInput.TeamNeedFact(uuid(), s.incident(), siteIds.get(s), s.name(),
                        s.country(), s.lat(), s.lon(), type, 1 + random.nextInt(3),
                        planFrom.plus(Duration.ofHours(24 + random.nextInt(48)))));
            }
        }

        // Access rules: sanctions on SYR, a closed border for teams, one rule that expired
        Instant longAgo = planFrom.minus(Duration.ofDays(3650));
        List<SolverInput.AccessRuleFact> rules = new ArrayList<>(List.of(
                new SolverInput.AccessRuleFact(uuid(), "USA", "SYR", "EMBARGO",
                        AppliesTo.ALL, longAgo, null, "sanctions"),
                new SolverInput.AccessRuleFact(uuid(), "CAN", "SYR", "EMBARGO",
                        AppliesTo.ALL, longAgo, null, "sanctions"),
                new SolverInput.AccessRuleFact(uuid(), "GBR", "SYR", "EMBARGO",
                        AppliesTo.MATERIALS, longAgo, null, "sanctions"),
                new SolverInput.AccessRuleFact(uuid(), "ARE", "SYR", "EMBARGO",
                        AppliesTo.MATERIALS, longAgo, null, "sanctions"),
                new SolverInput.AccessRuleFact(uuid(), "TUR", "SYR", "BORDER_CLOSED",
                        AppliesTo.TEAMS, longAgo, null, "closed"),
                new SolverInput.AccessRuleFact(uuid(), "IRN", "PAK", "BORDER_CLOSED", AppliesTo.ALL, longAgo,
                        planFrom.minus(Duration.ofDays(1)), "reopened")));

        return new SolverInput(planFrom, needs, teamNeeds, lots, teams, rules, TransportSettings.defaults(), List.of(),
                2,
                Map.of());
    }
}
