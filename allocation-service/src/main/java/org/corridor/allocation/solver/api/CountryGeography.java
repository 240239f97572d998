package org.corridor.allocation.solver.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.corridor.common.geo.WorldCountries;

/**
 * Which countries share a land border, which have a coast, and which land mass a place lies on: read from the extract
 * of the world-countries dataset shipped in common's {@code geo/} ({@link WorldCountries}; source, licence and how to
 * regenerate it: {@code common/src/main/resources/geo/README.md}). Country-level adjacency alone would let a truck
 * drive from Las Palmas (Canary Islands, Spain) to Agadir (Morocco), because Spain and Morocco share a land border at
 * Ceuta and Melilla; so places are also placed on a land polygon of their country, and only places on their countries'
 * main land masses cross a land border by road.
 * <p>
 * Loaded once per JVM (the data never changes while it runs); immutable and thread-safe.
 */
public final class CountryGeography {

    /** A place within this distance of a land polygon's outline counts as on it (the outlines are coarse). */
    static final double ON_LAND_KM = 30;
    /**
     * Two polygons of one country this close are one land mass: a bridge, a tunnel or a short ferry joins them (the
     * Bosphorus splits Istanbul, the Great Belt Denmark; measured on the coarse outlines, which widen straits); the
     * Canary Islands, 60 km and more apart, stay apart.
     */
    static final double STRAIT_KM = 35;

    private static final class Holder {
        static final CountryGeography INSTANCE = load();
    }

    /** A country's land polygon: its number (0 = the largest) and outer ring as lon/lat pairs. */
    private record Polygon(int number, double[] lon, double[] lat, double minLon, double maxLon, double minLat,
            double maxLat) {

        static Polygon of(int number, double[] lon, double[] lat) {
            return new Polygon(number, lon, lat, java.util.Arrays.stream(lon).min().orElse(0),
                    java.util.Arrays.stream(lon).max().orElse(0), java.util.Arrays.stream(lat).min().orElse(0),
                    java.util.Arrays.stream(lat).max().orElse(0));
        }
    }

    /** Per country, the land mass of each polygon number: the smallest number of the polygons joined to it. */
    private final Map<String, int[]> components = new java.util.concurrent.ConcurrentHashMap<>();

    private final WorldCountries countries;
    private final Map<String, List<Polygon>> polygons;

    private CountryGeography(WorldCountries countries,
            Map<String, List<Polygon>> polygons) {
        this.countries = countries;
        this.polygons = polygons;
    }

    /** The dataset shipped with the service. */
    public static CountryGeography get() {
        return Holder.INSTANCE;
    }

    /** True when the dataset knows the country (ISO 3166-1 alpha-3). */
    public boolean knows(String country) {
        return countries.knows(country);
    }

    /** True when the two countries share a land border. */
    public boolean landAdjacent(String a, String b) {
        return a != null && countries.borders(a).contains(b);
    }

    /** True when the country has a coast (is known and not landlocked). */
    public boolean coastal(String country) {
        return countries.coastal(country);
    }

    /**
     * The land mass the place lies on (within {@value #ON_LAND_KM} km): the smallest number of the country's polygons
     * joined to the one it is on (within {@value #STRAIT_KM} km of each other), so 0 is the country's main land mass;
     * -1 when it lies on none the dataset keeps (a small island, or the country is unknown).
     */
    public int landMass(String country, double lat, double lon) {
        int p = polygonOf(country, lat, lon);
        return p < 0 ? -1 : components.computeIfAbsent(country, this::joinPolygons)[p];
    }

    /** Union of the country's polygons closer than {@value #STRAIT_KM} km; per polygon number its smallest peer. */
    private int[] joinPolygons(String country) {
        List<Polygon> list = polygons.getOrDefault(country, List.of());
        int n = list.stream().mapToInt(Polygon::number).max().orElse(-1) + 1;
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        double margin = STRAIT_KM / 100.0;
        for (int i = 0; i < list.size(); i++) {
            for (int j = i + 1; j < list.size(); j++) {
                Polygon a = list.get(i);
                Polygon b = list.get(j);
                if (a.minLon() - margin > b.maxLon() || b.minLon() - margin > a.maxLon()
                        || a.minLat() - margin > b.maxLat() || b.minLat() - margin > a.maxLat()) {
                    continue;
                }
                if (gapKm(a, b) <= STRAIT_KM) {
                    int ra = root(parent, a.number());
                    int rb = root(parent, b.number());
                    parent[Math.max(ra, rb)] = Math.min(ra, rb);
                }
            }
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = root(parent, i);
        }
        return out;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            i = parent[i];
        }
        return i;
    }

    /** Shortest distance from a vertex of one outline to the other outline, both ways. */
    private static double gapKm(Polygon a, Polygon b) {
        double best = Double.MAX_VALUE;
        for (int k = 0; k < a.lon().length && best > STRAIT_KM; k++) {
            best = Math.min(best, distanceToOutlineKm(b, a.lat()[k], a.lon()[k]));
        }
        for (int k = 0; k < b.lon().length && best > STRAIT_KM; k++) {
            best = Math.min(best, distanceToOutlineKm(a, b.lat()[k], b.lon()[k]));
        }
        return best;
    }

    /** The number of the country's polygon the place is on or near; -1 when none. */
    private int polygonOf(String country, double lat, double lon) {
        List<Polygon> list = polygons.getOrDefault(country, List.of());
        for (Polygon p : list) {
            if (contains(p, lat, lon)) {
                return p.number();
            }
        }
        int nearest = -1;
        double best = ON_LAND_KM;
        for (Polygon p : list) {
            double d = distanceToOutlineKm(p, lat, lon);
            if (d <= best) {
                best = d;
                nearest = p.number();
            }
        }
        return nearest;
    }

    /**
     * True when a road can join the two places: the same land mass of one country, or the main land masses of two
     * countries sharing a land border. A country the dataset does not know is taken as one land mass.
     */
    public boolean joinedByLand(String countryA, double latA, double lonA, String countryB, double latB,
            double lonB) {
        if (countryA == null || countryB == null) {
            return false;
        }
        if (!knows(countryA) || !knows(countryB)) {
            return countryA.equals(countryB);
        }
        int a = landMass(countryA, latA, lonA);
        int b = landMass(countryB, latB, lonB);
        if (countryA.equals(countryB)) {
            return a == b;
        }
        return a == 0 && b == 0 && landAdjacent(countryA, countryB);
    }

    /** Even-odd ray casting on the lon/lat ring (fine away from the poles and the antimeridian). */
    private static boolean contains(Polygon p, double lat, double lon) {
        boolean in = false;
        double[] x = p.lon();
        double[] y = p.lat();
        for (int i = 0, j = x.length - 1; i < x.length; j = i++) {
            if ((y[i] > lat) != (y[j] > lat) && lon < (x[j] - x[i]) * (lat - y[i]) / (y[j] - y[i]) + x[i]) {
                in = !in;
            }
        }
        return in;
    }

    /** Approximate distance in km from the place to the ring's outline (equirectangular, per segment). */
    private static double distanceToOutlineKm(Polygon p, double lat, double lon) {
        double kmPerDegLat = 111.2;
        double kmPerDegLon = 111.2 * Math.cos(Math.toRadians(lat));
        double best = Double.MAX_VALUE;
        double[] x = p.lon();
        double[] y = p.lat();
        for (int i = 0, j = x.length - 1; i < x.length; j = i++) {
            double ax = (x[j] - lon) * kmPerDegLon;
            double ay = (y[j] - lat) * kmPerDegLat;
            double bx = (x[i] - lon) * kmPerDegLon;
            double by = (y[i] - lat) * kmPerDegLat;
            double dx = bx - ax;
            double dy = by - ay;
            double len = dx * dx + dy * dy;
            double t = len == 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len));
            double cx = ax + t * dx;
            double cy = ay + t * dy;
            best = Math.min(best, Math.sqrt(cx * cx + cy * cy));
        }
        return best;
    }

    private static CountryGeography load() {
        WorldCountries countries = WorldCountries.get();
        Map<String, List<Polygon>> polygons = new HashMap<>();
        for (String[] row : WorldCountries.rows("geo/landmasses.tsv")) {
            String[] pts = row[2].split(" ");
            double[] lon = new double[pts.length];
            double[] lat = new double[pts.length];
            for (int i = 0; i < pts.length; i++) {
                int comma = pts[i].indexOf(',');
                lon[i] = Double.parseDouble(pts[i].substring(0, comma));
                lat[i] = Double.parseDouble(pts[i].substring(comma + 1));
            }
            polygons.computeIfAbsent(row[0], k -> new ArrayList<>())
                    .add(Polygon.of(Integer.parseInt(row[1]), lon, lat));
        }
        polygons.replaceAll((k, v) -> List.copyOf(v));
        return new CountryGeography(countries, Map.copyOf(polygons));
    }
}
