package org.corridor.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.corridor.allocation.solver.AllocationWeights;
import org.corridor.allocation.solver.GeneratedTeams;
import org.corridor.allocation.solver.Places;
import org.corridor.allocation.solver.Places.Place;
import org.corridor.allocation.solver.api.AppliesTo;
import org.corridor.allocation.solver.api.Priority;
import org.corridor.allocation.solver.api.SolverInput;
import org.corridor.allocation.solver.api.SolverInput.AccessRuleFact;
import org.corridor.allocation.solver.api.SolverInput.LotFact;
import org.corridor.allocation.solver.api.SolverInput.NeedFact;
import org.corridor.allocation.solver.api.SolverInput.TeamFact;
import org.corridor.allocation.solver.api.SolverInput.TeamNeedFact;
import org.corridor.allocation.solver.api.SolverInput.TransportSettings;

/**
 * Seeded generator of benchmark instances at the sizes S, M, L and XL (docs/benchmarks/allocation-benchmark.md).
 * Realistic in the ways the model cares about: the six UNHRD hubs are always depots (and hold more stock), other depots
 * sit in ~45 countries around real cities, items have Sphere-like unit weights/volumes (integral grams and cm3) and
 * per-person rates, perishable items come in expiring lots (some expire before they could arrive), 10 % of lots are
 * earmarked (country and/or incident type), sites belong to an earthquake across TUR/SYR, a flood in PAK and, for
 * larger sizes, further incidents; access rules embargo SYR from several origins (materials and/or teams), close a
 * border for teams, and one rule has expired. Every need has a priority and a deliver-by; total stock of an item is
 * 0.6-1.6 x its demand so some items are short. The same (size, seed) always yields the same instance.
 * <p>
 * The instances switch the "Fairness between incidents" term off (weight override 0): the MIP does not model it, and
 * the comparison with the MIP (and the recorded figures) is of the objective without it. S and M have one incident (the
 * TUR and SYR sites share the earthquake), so the term is zero there anyway; L and XL have 4 and 9 incidents, where
 * with the default weight it would not be. {@code PlanEvaluatorTest} checks the evaluator against the solver with it on
 * as well.
 */
public final class InstanceGenerator {

    /** Instance size: counts of depots, items, sites and teams. */
    public record Size(String name, int depots, int items, int sites, int teams) {
        public static Size of(String name) {
            return switch (name.trim().toUpperCase()) {
                case "S" -> new Size("S", 10, 5, 2, 10);
                case "M" -> new Size("M", 50, 20, 5, 50);
                case "L" -> new Size("L", 500, 50, 30, 300);
                case "XL" -> new Size("XL", 5000, 100, 100, 1000);
                default -> throw new IllegalArgumentException("Unknown size " + name + " (S, M, L, XL)");
            };
        }
    }

    record Item(String code, String name, int grams, int cm3, int shelfLifeDays, int perPersons) {
    }

    static final List<Place> UNHRD = Places.UNHRD;
    static final List<Place> CITIES = Places.CITIES;

    /** Base catalogue (grams and cm3 per unit); larger sizes add variants of these. */
    static final List<Item> BASE_ITEMS = List.of(
            new Item("TENT-FAM", "Family tent", 55_000, 282_000, 0, 5),
            new Item("TARP-4X5", "Tarpaulin 4x5 m", 4_000, 10_000, 0, 5),
            new Item("BLANKET", "Blanket", 1_500, 10_000, 0, 1),
            new Item("SLEEP-MAT", "Sleeping mat", 1_200, 20_000, 0, 1),
            new Item("HYG-KIT", "Hygiene kit", 5_000, 25_000, 0, 5),
            new Item("KITCHEN-SET", "Kitchen set", 6_000, 30_000, 0, 5),
            new Item("JERRYCAN", "Jerrycan 20 l", 500, 20_000, 0, 5),
            new Item("BUCKET-14L", "Bucket 14 l", 720, 15_000, 0, 5),
            new Item("SOLAR-LAMP", "Solar lamp", 400, 2_000, 0, 5),
            new Item("MOSQ-NET", "Mosquito net", 600, 3_000, 0, 2),
            new Item("HEB-CTN", "High-energy biscuits carton", 10_000, 30_000, 540, 10),
            new Item("RUTF-CTN", "RUTF carton", 14_000, 30_000, 720, 50),
            new Item("WPT-STRIP", "Water purification tablets strip", 50, 100, 1095, 1),
            new Item("ORS-SACHET", "Oral rehydration salts sachet", 30, 100, 730, 2),
            new Item("IEHK-BASIC", "Emergency health kit basic unit", 45_000, 200_000, 365, 1000),
            new Item("TRAUMA-KIT", "Trauma and emergency surgery kit", 90_000, 500_000, 365, 2000),
            new Item("CHOLERA-KIT", "Cholera kit", 120_000, 600_000, 300, 5000),
            new Item("GENERATOR", "Generator 5 kVA", 90_000, 500_000, 0, 5000),
            new Item("WATER-BLADDER", "Water bladder 10 m3", 40_000, 150_000, 0, 2000),
            new Item("SHELTER-KIT", "Shelter tool kit", 10_000, 40_000, 0, 10));

    /** Incident regions: (type, country, centre). The first two are always used. */
    record Region(String type, String country, double lat, double lon) {
    }

    static final List<Region> REGIONS = List.of(
            new Region("EQ", "TUR", 37.2, 36.6), new Region("EQ", "SYR", 36.2, 37.0),
            new Region("FL", "PAK", 26.7, 67.8), new Region("FL", "BGD", 23.5, 90.5),
            new Region("EQ", "IRN", 33.0, 52.0), new Region("TC", "MOZ", -19.8, 34.8),
            new Region("FL", "NGA", 9.0, 7.5), new Region("EQ", "NPL", 28.0, 84.5),
            new Region("TC", "PHL", 11.2, 125.0), new Region("DR", "ETH", 7.0, 40.0));

    public static final Instant PLAN_FROM = Instant.parse("2026-02-06T06:00:00Z");

    private final Random random;
    private long ids;

    public InstanceGenerator(long seed) {
        this.random = new Random(seed);
    }

    private UUID uuid() {
        return new UUID(0xBE4C_0000L, ++ids);
    }

    public SolverInput generate(Size size) {
        return generate(size.depots(), size.items(), size.sites(), size.teams());
    }

    public SolverInput generate(int depotCount, int itemCount, int siteCount, int teamCount) {
        // Depots: UNHRD hubs first, then depots around real cities (several per city for large sizes)
        List<Place> depots = new ArrayList<>(UNHRD.subList(0, Math.min(UNHRD.size(), depotCount)));
        List<Place> pool = new ArrayList<>(CITIES);
        Collections.shuffle(pool, random);
        for (int i = 0; depots.size() < depotCount; i++) {
            Place c = pool.get(i % pool.size());
            int round = i / pool.size();
            double jitter = round == 0 ? 0 : 1.5;
            depots.add(new Place(c.code() + (round == 0 ? "" : "-" + round), c.country(),
                    c.lat() + (random.nextDouble() - 0.5) * jitter, c.lon() + (random.nextDouble() - 0.5) * jitter));
        }

        List<Item> items = new ArrayList<>();
        for (int i = 0; items.size() < itemCount; i++) {
            Item b = BASE_ITEMS.get(i % BASE_ITEMS.size());
            int variant = i / BASE_ITEMS.size();
            items.add(variant == 0
                    ? b
                    : new Item(b.code() + "-V" + variant, b.name() + " (variant " + variant + ")",
                            Math.max(1, b.grams() * (80 + random.nextInt(41)) / 100),
                            Math.max(1, b.cm3() * (80 + random.nextInt(41)) / 100), b.shelfLifeDays(),
                            b.perPersons()));
        }

        // Sites: spread over incident regions; TUR and SYR earthquake sites always present
        record SiteSpec(UUID id, UUID incident, String type, String name, String country, double lat, double lon,
                int population) {
        }
        int regionCount = Math.min(REGIONS.size(), Math.max(2, Math.min(siteCount, 2 + siteCount / 10)));
        Map<Region, UUID> incidents = new LinkedHashMap<>();
        for (int r = 0; r < regionCount; r++) {
            // TUR and SYR share one earthquake incident
            Region region = REGIONS.get(r);
            incidents.put(region, r == 1 ? incidents.get(REGIONS.get(0)) : uuid());
        }
        List<Region> used = new ArrayList<>(incidents.keySet());
        List<SiteSpec> sites = new ArrayList<>();
        for (int i = 0; i < siteCount; i++) {
            Region region = used.get(i % used.size());
            sites.add(new SiteSpec(uuid(), incidents.get(region), region.type(), region.country() + " site " + (i + 1),
                    region.country(), region.lat() + (random.nextDouble() - 0.5) * 2,
                    region.lon() + (random.nextDouble() - 0.5) * 2, 10_000 + random.nextInt(50_000)));
        }

        // Needs: Sphere-like quantities for 10-50 % of the population, 8-12 items per site (fewer if few items)
        List<NeedFact> needs = new ArrayList<>();
        Map<String, Integer> demand = new HashMap<>();
        Priority[] priorities = Priority.values();
        for (SiteSpec s : sites) {
            List<Item> shuffled = new ArrayList<>(items);
            Collections.shuffle(shuffled, random);
            int n = Math.min(shuffled.size(), Math.max(3, Math.min(8 + random.nextInt(5), items.size())));
            for (Item item : shuffled.subList(0, n)) {
                int qty = Math.max(1, (int) (s.population() * (0.1 + random.nextDouble() * 0.4) / item.perPersons()));
                Priority p = priorities[random.nextInt(priorities.length)];
                Instant deliverBy = PLAN_FROM.plus(Duration.ofHours(48 + random.nextInt(120)));
                needs.add(new NeedFact(uuid(), s.incident(), s.type(), s.id(), s.name(), s.country(), s.lat(), s.lon(),
                        item.code(), item.name(), qty, p, deliverBy));
                demand.merge(item.code(), qty, Integer::sum);
            }
        }

        // Lots: each depot stocks some items; hubs hold 3x; total stock of an item ~ 0.6-1.6 x demand
        Map<String, Integer> stockers = new HashMap<>();
        List<List<Item>> stocked = new ArrayList<>();
        for (Place d : depots) {
            List<Item> shuffled = new ArrayList<>(items);
            Collections.shuffle(shuffled, random);
            int k = Math.min(shuffled.size(), Math.max(2, Math.min(6 + random.nextInt(7), (items.size() * 6) / 10)));
            List<Item> here = shuffled.subList(0, k);
            stocked.add(here);
            here.forEach(it -> stockers.merge(it.code(), UNHRD.contains(d) ? 3 : 1, Integer::sum));
        }
        List<LotFact> lots = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(PLAN_FROM, ZoneOffset.UTC);
        for (int di = 0; di < depots.size(); di++) {
            Place d = depots.get(di);
            UUID depotId = uuid();
            int factor = UNHRD.contains(d) ? 3 : 1;
            for (Item item : stocked.get(di)) {
                int lotsHere = 1 + (item.shelfLifeDays() > 0 ? random.nextInt(2) : 0);
                for (int k = 0; k < lotsHere; k++) {
                    int itemDemand = demand.getOrDefault(item.code(), 1000);
                    double share = factor * (0.6 + random.nextDouble()) / stockers.get(item.code()) / lotsHere;
                    int available = Math.max(1, (int) (itemDemand * share));
                    LocalDate expires = item.shelfLifeDays() == 0
                            ? null
                            : today.plusDays(1 + random.nextInt(item.shelfLifeDays()));
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
                            d.lon(), item.code(), expires, earmarkCountries, earmarkTypes, available,
                            item.grams() / 1000.0, item.cm3() / 1_000_000.0));
                }
            }
        }

        // Teams: INSARAG USAR and WHO EMT types based in many countries
        List<TeamFact> teams = GeneratedTeams.teams(random, teamCount, this::uuid);
        List<TeamNeedFact> teamNeeds = new ArrayList<>();
        for (SiteSpec s : sites) {
            for (String type : List.of("USAR_HEAVY", "USAR_MEDIUM", "EMT_TYPE_2")) {
                if (!s.type().equals("EQ") && type.startsWith("USAR")) {
                    continue;
                }
                teamNeeds.add(new TeamNeedFact(uuid(), s.incident(), s.id(), s.name(), s.country(), s.lat(), s.lon(),
                        type, 1 + random.nextInt(3), PLAN_FROM.plus(Duration.ofHours(24 + random.nextInt(48)))));
            }
        }

        // Access rules: sanctions on SYR, a border closed for teams, one rule that expired
        Instant longAgo = PLAN_FROM.minus(Duration.ofDays(3650));
        List<AccessRuleFact> rules = new ArrayList<>(List.of(
                new AccessRuleFact(uuid(), "USA", "SYR", "EMBARGO", AppliesTo.ALL, longAgo, null, "sanctions"),
                new AccessRuleFact(uuid(), "CAN", "SYR", "EMBARGO", AppliesTo.ALL, longAgo, null, "sanctions"),
                new AccessRuleFact(uuid(), "GBR", "SYR", "EMBARGO", AppliesTo.MATERIALS, longAgo, null, "sanctions"),
                new AccessRuleFact(uuid(), "ARE", "SYR", "EMBARGO", AppliesTo.MATERIALS, longAgo, null, "sanctions"),
                new AccessRuleFact(uuid(), "TUR", "SYR", "BORDER_CLOSED", AppliesTo.TEAMS, longAgo, null, "closed"),
                new AccessRuleFact(uuid(), "IRN", "PAK", "BORDER_CLOSED", AppliesTo.ALL, longAgo,
                        PLAN_FROM.minus(Duration.ofDays(1)), "reopened")));

        return new SolverInput(PLAN_FROM, needs, teamNeeds, lots, teams, rules, TransportSettings.defaults(), List.of(),
                2, Map.of(AllocationWeights.UNFAIR_INCIDENT_SHARE, 0L));
    }
}
