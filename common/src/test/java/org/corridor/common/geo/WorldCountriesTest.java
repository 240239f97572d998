package org.corridor.common.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipped world-countries extract answers what the services ask of it. */
class WorldCountriesTest {

    private final WorldCountries countries = WorldCountries.get();

    @Test
    void landlockedCountriesHaveNoCoast() {
        for (String c : Set.of("CHE", "AFG", "ETH", "NPL", "BOL")) {
            assertTrue(countries.knows(c), c);
            assertTrue(countries.landlocked(c), c);
            assertFalse(countries.coastal(c), c);
        }
    }

    @Test
    void coastalCountriesAreNotLandlocked() {
        for (String c : Set.of("ITA", "TUR", "SYR", "ESP", "JPN")) {
            assertTrue(countries.coastal(c), c);
            assertFalse(countries.landlocked(c), c);
        }
    }

    @Test
    void landBordersAreReadBothWays() {
        assertTrue(countries.borders("TUR").contains("SYR"));
        assertTrue(countries.borders("SYR").contains("TUR"));
        assertTrue(countries.borders("ESP").contains("MAR"));
        assertEquals(Set.of(), countries.borders("JPN"));
    }

    @Test
    void anUnknownCountryIsNeitherCoastalNorLandlocked() {
        assertFalse(countries.knows("XXX"));
        assertFalse(countries.coastal("XXX"));
        assertFalse(countries.landlocked("XXX"));
        assertFalse(countries.knows(null));
        assertEquals(Set.of(), countries.borders(null));
    }

    @Test
    void theLandMassesFileIsReadableAndAMissingFileIsNamed() {
        assertTrue(WorldCountries.rows("geo/landmasses.tsv").stream().anyMatch(r -> r[0].equals("ESP")));
        var e = assertThrows(IllegalStateException.class, () -> WorldCountries.rows("geo/nothing.tsv"));
        assertTrue(e.getMessage().contains("geo/nothing.tsv"), e.getMessage());
    }
}
