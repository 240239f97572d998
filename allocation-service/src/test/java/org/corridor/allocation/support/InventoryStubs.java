package org.corridor.allocation.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the stub inventory holds, in inventory's JSON shapes:
 * <ul>
 * <li>countries TUR, SYR, USA, ARE, ITA, JOR;</li>
 * <li>items: family tent, jerrycan, HEB carton, hygiene kit, blanket (no purification tablet, no daily ration);</li>
 * <li>family tents: 1,000 in Houston (USA), 300 in Gaziantep (TUR), 200 at UNHRD Dubai (ARE); blankets 5,000 in
 * Gaziantep;</li>
 * <li>teams AVAILABLE: a USAR_MEDIUM team from TUR and a USAR_HEAVY team from USA.</li>
 * </ul>
 */
public final class InventoryStubs {

    private InventoryStubs() {
    }

    public static final String TENT = "SHELTER-FAMILY-TENT";
    public static final String JERRYCAN = "WASH-JERRYCAN-20L";
    public static final String HEB = "FOOD-HEB-CARTON";
    public static final String HYGIENE_KIT = "WASH-HYGIENE-KIT";
    public static final String BLANKET = "NFI-BLANKET";

    public static final UUID DEPOT_HOUSTON = UUID.fromString("00000000-0000-4000-8000-0000000000d1");
    public static final UUID DEPOT_GAZIANTEP = UUID.fromString("00000000-0000-4000-8000-0000000000d2");
    public static final UUID DEPOT_DUBAI = UUID.fromString("00000000-0000-4000-8000-0000000000d3");
    public static final UUID LOT_TENT_HOUSTON = UUID.fromString("00000000-0000-4000-8000-0000000001a1");
    public static final UUID LOT_TENT_GAZIANTEP = UUID.fromString("00000000-0000-4000-8000-0000000001a2");
    public static final UUID LOT_TENT_DUBAI = UUID.fromString("00000000-0000-4000-8000-0000000001a3");
    public static final UUID LOT_BLANKET_GAZIANTEP = UUID.fromString("00000000-0000-4000-8000-0000000001a4");
    public static final UUID TEAM_TUR_MEDIUM = UUID.fromString("00000000-0000-4000-8000-0000000000f1");
    public static final UUID TEAM_USA_HEAVY = UUID.fromString("00000000-0000-4000-8000-0000000000f2");

    /** Available quantity per lot, as the stub answers. */
    public static final Map<UUID, Integer> AVAILABLE = Map.of(LOT_TENT_HOUSTON, 1000, LOT_TENT_GAZIANTEP, 300,
            LOT_TENT_DUBAI, 200, LOT_BLANKET_GAZIANTEP, 5000);

    public static final Map<String, String> COUNTRIES = new LinkedHashMap<>();
    public static final Map<String, String> ITEMS = new LinkedHashMap<>();

    static {
        country("TUR", "Türkiye", "Asia", 38.96, 35.24);
        country("SYR", "Syrian Arab Republic", "Asia", 34.80, 38.99);
        country("USA", "United States of America", "Americas", 37.09, -95.71);
        country("ARE", "United Arab Emirates", "Asia", 23.42, 53.85);
        country("ITA", "Italy", "Europe", 41.87, 12.57);
        country("JOR", "Jordan", "Asia", 30.59, 36.24);
        // landlocked: no site there can be a seaport
        country("AFG", "Afghanistan", "Asia", 33.94, 67.71);
        item(TENT, "Family tent 16 m2 (5 persons)", "SHELTER", "piece", 55, 0.282, null);
        item(JERRYCAN, "Jerrycan 20 l, collapsible", "WASH", "piece", 0.5, 0.02, null);
        item(HEB, "High-energy biscuits, carton 10 kg", "FOOD", "carton", 10, 0.03, 730);
        item(HYGIENE_KIT, "Family hygiene kit, one month", "WASH", "kit", 5, 0.03, null);
        item(BLANKET, "Blanket, thermal", "NFI", "piece", 1.5, 0.01, null);
    }

    private static void country(String code, String name, String region, double lat, double lon) {
        COUNTRIES.put(code, """
                {"code":"%s","name":"%s","region":"%s","latitude":%s,"longitude":%s}""".formatted(code, name, region,
                lat, lon));
    }

    private static void item(String code, String name, String category, String unit, double kg, double m3,
            Integer shelfLife) {
        ITEMS.put(code,
                """
                        {"code":"%s","name":"%s","category":"%s","unit":"%s","unitWeightKg":%s,"unitVolumeM3":%s,"shelfLifeDays":%s}"""
                        .formatted(code, name, category, unit, kg, m3, shelfLife));
    }

    public static String itemsPage() {
        return page(List.copyOf(ITEMS.values()));
    }

    public static String stockPage() {
        return page(List.of(
                lot(LOT_TENT_HOUSTON, DEPOT_HOUSTON, "US-HOU", "Houston relief warehouse", "USA", 29.76, -95.36, TENT,
                        1000),
                lot(LOT_TENT_GAZIANTEP, DEPOT_GAZIANTEP, "TR-GAZ", "Gaziantep logistics hub", "TUR", 37.07, 37.38, TENT,
                        300),
                lot(LOT_TENT_DUBAI, DEPOT_DUBAI, "UNHRD-DXB", "UNHRD Dubai", "ARE", 25.20, 55.27, TENT, 200),
                lot(LOT_BLANKET_GAZIANTEP, DEPOT_GAZIANTEP, "TR-GAZ", "Gaziantep logistics hub", "TUR", 37.07, 37.38,
                        BLANKET, 5000)));
    }

    /**
     * The usual stock, but the Gaziantep blanket lot holds {@code blankets} units: more than an {@code int} holds if
     * need be (a donor's FOUND adjustments may take a lot there).
     */
    public static String stockPageWithBlankets(long blankets) {
        return page(List.of(
                lot(LOT_TENT_GAZIANTEP, DEPOT_GAZIANTEP, "TR-GAZ", "Gaziantep logistics hub", "TUR", 37.07, 37.38, TENT,
                        300),
                lot(LOT_BLANKET_GAZIANTEP, DEPOT_GAZIANTEP, "TR-GAZ", "Gaziantep logistics hub", "TUR", 37.07, 37.38,
                        BLANKET, blankets)));
    }

    public static String teamsPage() {
        return page(List.of(
                team(TEAM_TUR_MEDIUM, "AKUT medium USAR", "TUR", "USAR_MEDIUM", 40, 41.01, 28.97, 6),
                team(TEAM_USA_HEAVY, "USA-1 heavy USAR", "USA", "USAR_HEAVY", 59, 38.85, -77.30, 10)));
    }

    private static String lot(UUID lotId, UUID depotId, String depotCode, String depotName, String country, double lat,
            double lon, String itemCode, long available) {
        return """
                {"lotId":"%s","depotId":"%s","depotCode":"%s","depotName":"%s","countryCode":"%s","latitude":%s,"longitude":%s,
                 "itemCode":"%s","lotCode":"LOT-%s","expiresOn":null,"donorOrganisationId":"00000000-0000-4000-8000-00000000000a",
                 "donorName":"Donor agency","earmark":null,"onHand":%d,"reserved":0,"available":%d}"""
                .formatted(lotId, depotId, depotCode, depotName, country, lat, lon, itemCode, depotCode, available,
                        available);
    }

    private static String team(UUID id, String name, String country, String type, int members, double lat, double lon,
            int mobilisationHours) {
        return """
                {"id":"%s","name":"%s","countryCode":"%s","organisationId":"00000000-0000-4000-8000-00000000000b","type":"%s",
                 "members":%d,"baseLatitude":%s,"baseLongitude":%s,"mobilisationHours":%d,"selfSufficiencyDays":14,
                 "status":"AVAILABLE","assignmentReference":null}"""
                .formatted(id, name, country, type, members, lat, lon, mobilisationHours);
    }

    private static String page(List<String> items) {
        return "{\"items\":[" + String.join(",", items) + "],\"page\":0,\"size\":500,\"total\":" + items.size() + "}";
    }
}
