package org.corridor.allocation.solver;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.corridor.allocation.solver.api.AppliesTo;
import org.corridor.allocation.solver.api.Priority;
import org.corridor.allocation.solver.api.TransportMode;

/** Hand-made planning facts for constraint tests. */
final class Facts {

    static final Instant T0 = Instant.parse("2026-02-06T06:00:00Z");
    private static long ids;

    private Facts() {
    }

    static UUID uuid() {
        return new UUID(0xFAC7_0000L, ++ids);
    }

    static SiteFact site(String name, String country) {
        return new SiteFact(uuid(), uuid(), name, country, 36.2, 36.16, 1);
    }

    static MaterialNeed need(SiteFact site, String item, int quantity, Priority priority) {
        return new MaterialNeed(uuid(), site.getIncidentId(), "EQ", site, item, item, quantity, priority,
                T0.plus(Duration.ofDays(3)), quantity);
    }

    static MaterialNeed need(SiteFact site, String item, int quantity, Priority priority, Instant deliverBy,
            int itemDemand, String incidentType) {
        return new MaterialNeed(uuid(), site.getIncidentId(), incidentType, site, item, item, quantity, priority,
                deliverBy, itemDemand);
    }

    static Lot lot(String depot, String country, String item, int available) {
        return lot(depot, country, item, available, null, Set.of(), Set.of(), 10, 0.01);
    }

    static Lot lot(String depot, String country, String item, int available, LocalDate expiresOn,
            Set<String> earmarkCountries, Set<String> earmarkTypes, double kg, double m3) {
        return new Lot(uuid(), UUID.nameUUIDFromBytes(depot.getBytes()), depot, depot, country, 37, 35, item,
                expiresOn, earmarkCountries, earmarkTypes, available, kg, m3);
    }

    /** A road route (truck 20 t / 80 m3, 2 per km) of {@code km} taking {@code leadHours}, departing at T0. */
    static Route road(Lot lot, SiteFact site, double km, long leadHours) {
        return new Route(lot.getDepotId(), lot.getDepotCode(), lot.getCountryCode(), site, TransportMode.ROAD, km,
                Duration.ofHours(leadHours), 2, 20_000, 80, T0);
    }

    static Supply supply(Lot lot, SiteFact site, long leadHours, int marginDays) {
        return new Supply(lot, road(lot, site, 100, leadHours), marginDays);
    }

    static Supply supply(Lot lot, SiteFact site) {
        return supply(lot, site, 24, 2);
    }

    static NeedChunk chunk(MaterialNeed need, int quantity, Supply supply) {
        need.addSupply(supply);
        return new NeedChunk(++ids, need, quantity, List.of(supply.getLot()), supply.getLot());
    }

    static NeedChunk unmetChunk(MaterialNeed need, int quantity) {
        return new NeedChunk(++ids, need, quantity, List.of(), null);
    }

    static AccessRuleFact embargo(String origin, String destination, AppliesTo appliesTo) {
        return new AccessRuleFact(uuid(), origin, destination, "EMBARGO", appliesTo, T0.minus(Duration.ofDays(30)),
                null, "sanctions");
    }

    static Team team(String name, String country, String type, int mobilisationHours) {
        return new Team(uuid(), name, country, type, 40, 50, 8, mobilisationHours);
    }

    static TeamNeedFact teamNeed(SiteFact site, String type, int count) {
        return new TeamNeedFact(uuid(), site, type, count, T0.plus(Duration.ofHours(24)), count);
    }

    /** A team option arriving {@code mobilisation + travelHours} after T0. */
    static TeamOption option(Team team, SiteFact site, long travelHours) {
        return new TeamOption(team, site, TransportMode.AIR, 700 * travelHours,
                T0.plus(Duration.ofHours(team.getMobilisationHours())), Duration.ofHours(travelHours));
    }

    static TeamSlot slot(TeamNeedFact need, TeamOption option) {
        return new TeamSlot(++ids, need, 0, T0, option == null ? List.of() : List.of(option), option);
    }
}
