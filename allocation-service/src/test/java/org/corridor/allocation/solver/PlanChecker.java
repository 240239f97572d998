package org.corridor.allocation.solver;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.corridor.allocation.solver.api.PlanOutcome;
import org.corridor.allocation.solver.api.SolverInput;
import org.corridor.allocation.solver.api.TransportMode;

/**
 * Checks a plan against the raw input, independently of the solver's score: stock, access rules, earmarks, expiry,
 * teams. Returns human-readable violations (empty = sound plan).
 */
final class PlanChecker {

    private PlanChecker() {
    }

    static List<String> violations(SolverInput input, PlanOutcome plan) {
        List<String> v = new ArrayList<>();
        Map<UUID, SolverInput.LotFact> lots = input.lots().stream()
                .collect(Collectors.toMap(SolverInput.LotFact::lotId, Function.identity()));
        Map<UUID, SolverInput.NeedFact> needs = input.needs().stream()
                .collect(Collectors.toMap(SolverInput.NeedFact::needId, Function.identity()));
        Map<UUID, Integer> takenPerLot = new HashMap<>();
        Map<UUID, Integer> sentPerNeed = new HashMap<>();
        for (PlanOutcome.Line line : plan.lines()) {
            SolverInput.LotFact lot = lots.get(line.lotId());
            SolverInput.NeedFact need = needs.get(line.needId());
            if (lot == null || need == null) {
                v.add("line refers to unknown lot or need: " + line);
                continue;
            }
            if (line.quantity() <= 0) {
                v.add("non-positive line " + line);
            }
            if (!lot.itemCode().equals(need.itemCode())) {
                v.add("wrong item " + line);
            }
            takenPerLot.merge(lot.lotId(), line.quantity(), Integer::sum);
            sentPerNeed.merge(need.needId(), line.quantity(), Integer::sum);
            for (SolverInput.AccessRuleFact r : input.accessRules()) {
                if (r.appliesTo().blocksMaterials() && r.originCountryCode().equals(lot.countryCode())
                        && r.destinationCountryCode().equals(need.siteCountryCode()) && stops(r, line.mode())
                        && inForceDuring(r, line.departsAt(), line.arrivesAt())) {
                    v.add("material crosses " + r.kind() + " " + r.originCountryCode() + "->"
                            + r.destinationCountryCode() + ": " + line);
                }
            }
            if (!lot.earmarkCountryCodes().isEmpty() && !lot.earmarkCountryCodes().contains(need.siteCountryCode())) {
                v.add("earmark (country) violated: " + line);
            }
            if (!lot.earmarkIncidentTypes().isEmpty() && !lot.earmarkIncidentTypes().contains(need.incidentType())) {
                v.add("earmark (incident type) violated: " + line);
            }
            if (lot.expiresOn() != null) {
                Instant expiry = lot.expiresOn().atStartOfDay(ZoneOffset.UTC).toInstant();
                if (line.arrivesAt().plus(input.expiryMarginDays(), ChronoUnit.DAYS).isAfter(expiry)) {
                    v.add("lot expires before arrival + margin: " + line + " expires " + lot.expiresOn());
                }
            }
            if (!line.departsAt().equals(input.planFrom())
                    || !line.arrivesAt().isAfter(line.departsAt().minusSeconds(1))) {
                v.add("odd times " + line);
            }
        }
        takenPerLot.forEach((lotId, taken) -> {
            if (taken > lots.get(lotId).available()) {
                v.add("lot " + lotId + " over-allocated: " + taken + " > " + lots.get(lotId).available());
            }
        });
        sentPerNeed.forEach((needId, sent) -> {
            if (sent > needs.get(needId).quantity()) {
                v.add("need " + needId + " over-served: " + sent);
            }
        });
        Map<UUID, SolverInput.TeamFact> teams = input.teams().stream()
                .collect(Collectors.toMap(SolverInput.TeamFact::teamId, Function.identity()));
        Map<UUID, SolverInput.TeamNeedFact> teamNeeds = input.teamNeeds().stream()
                .collect(Collectors.toMap(SolverInput.TeamNeedFact::teamNeedId, Function.identity()));
        Set<UUID> used = new HashSet<>();
        Map<UUID, Integer> perTeamNeed = new HashMap<>();
        for (PlanOutcome.TeamAssignment a : plan.teamAssignments()) {
            SolverInput.TeamFact team = teams.get(a.teamId());
            SolverInput.TeamNeedFact tn = teamNeeds.get(a.teamNeedId());
            if (team == null || tn == null) {
                v.add("assignment refers to unknown team or team need: " + a);
                continue;
            }
            if (!used.add(team.teamId())) {
                v.add("team double-booked: " + team.name());
            }
            if (!team.type().equals(tn.teamType())) {
                v.add("team of wrong type: " + team.name() + " for " + tn.teamType());
            }
            perTeamNeed.merge(tn.teamNeedId(), 1, Integer::sum);
            Instant departs = input.planFrom().plus(Duration.ofHours(team.mobilisationHours()));
            for (SolverInput.AccessRuleFact r : input.accessRules()) {
                if (r.appliesTo().blocksTeams() && r.originCountryCode().equals(team.countryCode())
                        && r.destinationCountryCode().equals(tn.siteCountryCode())
                        && stops(r, TransportMode.ROAD) && stops(r, TransportMode.AIR)
                        && inForceDuring(r, departs, a.arrivesAt())) {
                    v.add("team crosses " + r.kind() + ": " + team.name() + " -> " + tn.siteCountryCode());
                }
            }
            if (a.arrivesAt().isBefore(departs)) {
                v.add("team arrives before it departs: " + a);
            }
        }
        perTeamNeed.forEach((id, n) -> {
            if (n > teamNeeds.get(id).count()) {
                v.add("team need over-filled: " + id);
            }
        });
        return v;
    }

    /** In force at some moment of the journey [from, to]. */
    private static boolean inForceDuring(SolverInput.AccessRuleFact r, Instant from, Instant to) {
        return (r.validFrom() == null || !to.isBefore(r.validFrom()))
                && (r.validUntil() == null || from.isBefore(r.validUntil()));
    }

    /**
     * The rule stops this mode (a rule naming no mode stops every one). A team assignment does not say how the team
     * travels: a team is only checked against rules that stop both of its modes, road and air.
     */
    private static boolean stops(SolverInput.AccessRuleFact r, TransportMode mode) {
        return r.modes() == null || r.modes().isEmpty() || r.modes().contains(mode);
    }
}
