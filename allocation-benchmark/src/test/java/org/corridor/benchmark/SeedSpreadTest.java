package org.corridor.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The spread printed with the mean soft score of the fixed-calculation solves of {@link OptaPlannerOnly}. */
class SeedSpreadTest {

    @Test
    void threeSoftScoresGiveTheirMeanSampleDeviationAndStandardError() {
        OptaPlannerOnly.SeedSpread spread = OptaPlannerOnly.SeedSpread.of(List.of(-8_600_000L, -8_700_000L,
                -8_800_000L));

        assertEquals(-8_700_000, spread.mean());
        // sample standard deviation (n - 1): sqrt((100,000² + 0 + 100,000²) / 2)
        assertEquals(100_000, spread.deviation());
        assertEquals(57_735, spread.standardError());
        assertEquals(-8_800_000, spread.worst());
        assertEquals(-8_600_000, spread.best());
    }

    @Test
    void oneSolveHasNoSpread() {
        OptaPlannerOnly.SeedSpread spread = OptaPlannerOnly.SeedSpread.of(List.of(-8_475_631L));

        assertEquals(-8_475_631, spread.mean());
        assertEquals(0, spread.deviation());
        assertEquals(0, spread.standardError());
        assertEquals(-8_475_631, spread.worst());
        assertEquals(-8_475_631, spread.best());
    }
}
