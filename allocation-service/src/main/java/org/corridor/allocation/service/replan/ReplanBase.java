package org.corridor.allocation.service.replan;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a re-plan starts from: its APPROVED base plan's lines that are approved and not yet dispatched, and its team
 * assignments. Dispatched (or later) lines are not here: they are facts, already counted as dispatched or delivered in
 * the needs' coverage, and their stock has left the depot.
 *
 * @param releaseUndispatched whether the solver may change these lines (at the stability weight's cost)
 */
public record ReplanBase(UUID planId, boolean releaseUndispatched, List<Line> lines, List<Team> teams) {

    /** One approved, undispatched line of the base: units of one lot for one need, by one mode. */
    public record Line(UUID needId, UUID siteId, String itemCode, UUID lotId, UUID depotId, String originCountryCode,
            int quantity, String mode, Instant departsAt, Instant arrivesAt) {
    }

    /** One team the base sent to one team need. */
    public record Team(UUID teamNeedId, UUID teamId, String reference) {
    }

    /** Units of the base's lines per need (what the base holds for each need). */
    public Map<UUID, Integer> unitsPerNeed() {
        Map<UUID, Integer> out = new LinkedHashMap<>();
        lines.forEach(l -> out.merge(l.needId(), l.quantity(), Integer::sum));
        return out;
    }

    /** Units the base's reservations hold per lot for these lines (given back to the re-plan's solver). */
    public Map<UUID, Long> unitsPerLot() {
        Map<UUID, Long> out = new LinkedHashMap<>();
        lines.forEach(l -> out.merge(l.lotId(), (long) l.quantity(), Long::sum));
        return out;
    }

    /** Teams the base sent per team need. */
    public Map<UUID, Integer> teamsPerNeed() {
        Map<UUID, Integer> out = new LinkedHashMap<>();
        teams.forEach(t -> out.merge(t.teamNeedId(), 1, Integer::sum));
        return out;
    }
}
