package org.corridor.allocation.solver;

import java.util.UUID;
import org.corridor.allocation.solver.api.SolverInput;

/** Problem fact: an AVAILABLE rescue or medical team. */
public class Team {

    private final UUID id;
    private final String name;
    private final String countryCode;
    private final String type;
    private final int members;
    private final double baseLatitude;
    private final double baseLongitude;
    private final int mobilisationHours;

    public Team(UUID id, String name, String countryCode, String type, int members, double baseLatitude,
            double baseLongitude, int mobilisationHours) {
        this.id = id;
        this.name = name;
        this.countryCode = countryCode;
        this.type = type;
        this.members = members;
        this.baseLatitude = baseLatitude;
        this.baseLongitude = baseLongitude;
        this.mobilisationHours = mobilisationHours;
    }

    public static Team of(SolverInput.TeamFact f) {
        return new Team(f.teamId(), f.name(), f.countryCode(), f.type(), f.members(), f.baseLatitude(),
                f.baseLongitude(), f.mobilisationHours());
    }

    public UUID getId() {
        return id;
    }
    public String getName() {
        return name;
    }
    public String getCountryCode() {
        return countryCode;
    }
    public String getType() {
        return type;
    }
    public int getMembers() {
        return members;
    }
    public double getBaseLatitude() {
        return baseLatitude;
    }
    public double getBaseLongitude() {
        return baseLongitude;
    }
    public int getMobilisationHours() {
        return mobilisationHours;
    }

    @Override
    public String toString() {
        return "Team[" + name + " " + type + " " + countryCode + "]";
    }
}
