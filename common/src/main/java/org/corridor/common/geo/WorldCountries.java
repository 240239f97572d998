package org.corridor.common.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The countries of the world-countries extract shipped in this library ({@code geo/countries.tsv}; source, licence and
 * how to regenerate it: {@code geo/README.md}): which are landlocked and which share a land border. It lives in
 * {@code common} so that every service reads the one copy of the dataset: inventory-service refuses a seaport depot in
 * a landlocked country, allocation-service a seaport site there, and allocation's transport model plans ROAD and SEA
 * from the same data.
 * <p>
 * Loaded once per JVM (the data never changes while it runs); immutable and thread-safe.
 */
public final class WorldCountries {

    private static final class Holder {
        static final WorldCountries INSTANCE = load();
    }

    private final Map<String, Set<String>> borders;
    private final Set<String> landlocked;

    private WorldCountries(Map<String, Set<String>> borders, Set<String> landlocked) {
        this.borders = borders;
        this.landlocked = landlocked;
    }

    /** The dataset shipped with this library. */
    public static WorldCountries get() {
        return Holder.INSTANCE;
    }

    /** True when the dataset knows the country (ISO 3166-1 alpha-3, capitals). */
    public boolean knows(String country) {
        return country != null && borders.containsKey(country);
    }

    /** True when the country is known and has no coast. */
    public boolean landlocked(String country) {
        return country != null && landlocked.contains(country);
    }

    /** True when the country is known and has a coast. */
    public boolean coastal(String country) {
        return knows(country) && !landlocked.contains(country);
    }

    /** The countries sharing a land border with {@code country} (empty for an island or an unknown country). */
    public Set<String> borders(String country) {
        return country == null ? Set.of() : borders.getOrDefault(country, Set.of());
    }

    private static WorldCountries load() {
        Map<String, Set<String>> borders = new HashMap<>();
        Set<String> landlocked = new HashSet<>();
        for (String[] row : rows("geo/countries.tsv")) {
            if ("cca3".equals(row[0])) {
                continue;
            }
            Set<String> b = new HashSet<>();
            if (row.length > 2 && !row[2].isBlank()) {
                b.addAll(List.of(row[2].split(",")));
            }
            borders.put(row[0], Set.copyOf(b));
            if ("true".equals(row[1])) {
                landlocked.add(row[0]);
            }
        }
        return new WorldCountries(Map.copyOf(borders), Set.copyOf(landlocked));
    }

    /**
     * The rows of a tab-separated file of the dataset (e.g. {@code geo/landmasses.tsv}), comment lines ({@code #}) and
     * blank lines left out; fails when the resource is missing.
     */
    public static List<String[]> rows(String resource) {
        InputStream in = WorldCountries.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing resource " + resource + " (see geo/README.md in common)");
        }
        List<String[]> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
