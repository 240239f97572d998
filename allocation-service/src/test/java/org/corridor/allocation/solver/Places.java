package org.corridor.allocation.solver;

import java.util.List;

/**
 * Where generated test and benchmark instances put depots and team bases: the six UNHRD hubs of the conventions and
 * real cities in about 45 countries. Shared with the allocation-benchmark module through allocation-service's test-jar.
 */
public final class Places {

    /** A named point in a country (ISO 3166-1 alpha-3). */
    public record Place(String code, String country, double lat, double lon) {
    }

    /** UNHRD hubs: Brindisi, Dubai, Accra, Panama City, Subang, Las Palmas. */
    public static final List<Place> UNHRD = List.of(
            new Place("UNHRD-BRI", "ITA", 40.63, 17.94), new Place("UNHRD-DXB", "ARE", 25.20, 55.27),
            new Place("UNHRD-ACC", "GHA", 5.60, -0.19), new Place("UNHRD-PTY", "PAN", 8.98, -79.52),
            new Place("UNHRD-SZB", "MYS", 3.13, 101.55), new Place("UNHRD-LPA", "ESP", 28.10, -15.41));

    public static final List<Place> CITIES = List.of(
            new Place("TUR-IST", "TUR", 41.01, 28.98), new Place("TUR-ADA", "TUR", 37.00, 35.32),
            new Place("TUR-GAZ", "TUR", 37.07, 37.38), new Place("TUR-ANK", "TUR", 39.93, 32.86),
            new Place("SYR-DAM", "SYR", 33.51, 36.29), new Place("JOR-AMM", "JOR", 31.95, 35.93),
            new Place("LBN-BEY", "LBN", 33.89, 35.50), new Place("IRQ-ERB", "IRQ", 36.19, 44.01),
            new Place("CYP-LCA", "CYP", 34.92, 33.62), new Place("GRC-ATH", "GRC", 37.98, 23.73),
            new Place("DEU-FRA", "DEU", 50.11, 8.68), new Place("FRA-LYS", "FRA", 45.76, 4.84),
            new Place("GBR-LON", "GBR", 51.51, -0.13), new Place("NLD-AMS", "NLD", 52.37, 4.90),
            new Place("BEL-BRU", "BEL", 50.85, 4.35), new Place("DNK-CPH", "DNK", 55.68, 12.57),
            new Place("SWE-STO", "SWE", 59.33, 18.07), new Place("NOR-OSL", "NOR", 59.91, 10.75),
            new Place("CHE-GVA", "CHE", 46.20, 6.14), new Place("AUT-VIE", "AUT", 48.21, 16.37),
            new Place("POL-WAW", "POL", 52.23, 21.01), new Place("ROU-BUC", "ROU", 44.43, 26.10),
            new Place("EGY-CAI", "EGY", 30.04, 31.24), new Place("SAU-RUH", "SAU", 24.71, 46.68),
            new Place("QAT-DOH", "QAT", 25.29, 51.53), new Place("KWT-KWI", "KWT", 29.38, 47.99),
            new Place("IRN-THR", "IRN", 35.69, 51.39), new Place("PAK-KHI", "PAK", 24.86, 67.01),
            new Place("PAK-ISB", "PAK", 33.68, 73.05), new Place("IND-DEL", "IND", 28.61, 77.21),
            new Place("BGD-DAC", "BGD", 23.81, 90.41), new Place("CHN-BJS", "CHN", 39.90, 116.41),
            new Place("JPN-TYO", "JPN", 35.68, 139.69), new Place("KOR-SEL", "KOR", 37.57, 126.98),
            new Place("SGP-SIN", "SGP", 1.35, 103.82), new Place("AUS-SYD", "AUS", -33.87, 151.21),
            new Place("KEN-NBO", "KEN", -1.29, 36.82), new Place("ETH-ADD", "ETH", 9.03, 38.74),
            new Place("ZAF-JNB", "ZAF", -26.20, 28.05), new Place("NGA-LOS", "NGA", 6.52, 3.38),
            new Place("USA-MIA", "USA", 25.76, -80.19), new Place("USA-NYC", "USA", 40.71, -74.01),
            new Place("CAN-YUL", "CAN", 45.50, -73.57), new Place("BRA-GRU", "BRA", -23.55, -46.63),
            new Place("AZE-BAK", "AZE", 40.41, 49.87), new Place("GEO-TBS", "GEO", 41.72, 44.79));

    private Places() {
    }
}
