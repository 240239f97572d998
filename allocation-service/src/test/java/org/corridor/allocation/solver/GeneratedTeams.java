package org.corridor.allocation.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.corridor.allocation.solver.Places.Place;
import org.corridor.allocation.solver.api.SolverInput.TeamFact;

/**
 * Rescue and medical teams for generated instances (INSARAG USAR and WHO EMT types based in the cities of
 * {@link Places}), shared by the solver tests' generator and the allocation-benchmark module's through
 * allocation-service's test-jar.
 */
public final class GeneratedTeams {

    public static final List<String> TEAM_TYPES = List.of("USAR_HEAVY", "USAR_MEDIUM", "USAR_LIGHT",
            "EMT_TYPE_1_MOBILE",
            "EMT_TYPE_1_FIXED", "EMT_TYPE_2", "EMT_TYPE_3");

    private GeneratedTeams() {
    }

    /** {@code count} teams drawn from {@code random}, ids from {@code uuid}. */
    public static List<TeamFact> teams(Random random, int count, Supplier<UUID> uuid) {
        List<TeamFact> teams = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Place base = Places.CITIES.get(random.nextInt(Places.CITIES.size()));
            String type = TEAM_TYPES.get(random.nextInt(TEAM_TYPES.size()));
            int members = switch (type) {
                case "USAR_HEAVY" -> 59;
                case "USAR_MEDIUM" -> 40;
                case "USAR_LIGHT" -> 17;
                default -> 20 + random.nextInt(40);
            };
            teams.add(new TeamFact(uuid.get(), base.country() + " " + type + " " + i, base.country(), type, members,
                    base.lat(), base.lon(), 6 + random.nextInt(30)));
        }
        return teams;
    }
}
