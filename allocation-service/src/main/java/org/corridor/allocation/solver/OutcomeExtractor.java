package org.corridor.allocation.solver;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.corridor.allocation.solver.api.PlanOutcome;
import org.corridor.allocation.solver.api.Priority;
import org.corridor.allocation.solver.api.SolverInput;
import org.corridor.allocation.solver.api.TransportMode;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * Reads a (solved or best-so-far) {@link AllocationSolution} back into a {@link PlanOutcome}: lines aggregated per
 * (need, lot), team assignments, and every unmet need or unfilled team need with the reason in plain words, e.g.
 * {@code "320 of 500 Family tent unmet: the only stock in range is in
 * depot ITA-BRI, blocked by an embargo on SYR (from ITA)"}.
 */
public final class OutcomeExtractor {

    private OutcomeExtractor() {
    }

    public static PlanOutcome extract(AllocationSolution solution, SolverInput input) {
        HardMediumSoftLongScore score = solution.getScore();
        List<PlanOutcome.Line> lines = lines(solution);
        List<PlanOutcome.TeamAssignment> assignments = solution.getSlots().stream()
                .filter(s -> s.getOption() != null)
                .sorted(Comparator.comparing(TeamSlot::getId))
                .map(s -> new PlanOutcome.TeamAssignment(s.getTeamNeed().getId(), s.getTeam().getId(),
                        s.getOption().getArrivesAt()))
                .toList();
        List<PlanOutcome.Unmet> unmet = unmet(solution, input);
        if (score == null) {
            return new PlanOutcome(null, false, 0, 0, 0, lines, assignments, unmet);
        }
        return new PlanOutcome(score.toString(), score.isFeasible(), score.hardScore(), score.mediumScore(),
                score.softScore(), lines, assignments, unmet);
    }

    static List<PlanOutcome.Line> lines(AllocationSolution solution) {
        Map<String, int[]> qty = new LinkedHashMap<>();
        Map<String, NeedChunk> first = new LinkedHashMap<>();
        for (NeedChunk c : solution.getChunks()) {
            if (!c.isDelivering()) {
                continue;
            }
            String key = c.getNeed().getId() + "|" + c.getSupply().getLot().getId() + "|" + c.getSupply().getRoute()
                    .getMode();
            qty.computeIfAbsent(key, k -> new int[1])[0] += c.getQuantity();
            first.putIfAbsent(key, c);
        }
        List<PlanOutcome.Line> lines = new ArrayList<>();
        first.forEach((key, c) -> {
            Supply s = c.getSupply();
            lines.add(
                    new PlanOutcome.Line(c.getNeed().getId(), c.getNeed().getSite().getId(), c.getNeed().getItemCode(),
                            s.getLot().getId(), s.getLot().getDepotId(), s.getLot().getCountryCode(), qty.get(key)[0],
                            s.getRoute().getMode(), s.getDepartsAt(), s.getArrivesAt()));
        });
        return lines;
    }

    /** Every need that is not fully met, with its reason; material needs first, then team needs. */
    public static List<PlanOutcome.Unmet> unmet(AllocationSolution solution, SolverInput input) {
        List<PlanOutcome.Unmet> out = new ArrayList<>();
        Map<MaterialNeed, Integer> metByNeed = new LinkedHashMap<>();
        solution.getNeeds().forEach(n -> metByNeed.put(n, 0));
        for (NeedChunk c : solution.getChunks()) {
            if (c.getSupply() != null) {
                metByNeed.merge(c.getNeed(), c.getQuantity(), Integer::sum);
            }
        }
        TransportModel transport = new TransportModel(input.transport(), input.routeOverrides());
        Instant planFrom = solution.getPlanFrom();
        for (Map.Entry<MaterialNeed, Integer> e : metByNeed.entrySet()) {
            MaterialNeed need = e.getKey();
            int missing = need.getQuantity() - e.getValue();
            if (missing > 0) {
                String reason = missing + " of " + need.getQuantity() + " " + need.getItemName() + " unmet: "
                        + materialReason(need, solution, input, transport, planFrom);
                out.add(new PlanOutcome.Unmet(need.getId(), null, missing, reason));
            }
        }
        for (TeamNeedFact tn : solution.getTeamNeeds()) {
            long filled = solution.getSlots().stream().filter(s -> s.getTeamNeed() == tn && s.getOption() != null)
                    .count();
            int missing = tn.getCount() - (int) filled;
            if (missing > 0) {
                String reason = missing + " of " + tn.getCount() + " " + tn.getTeamType() + " teams unfilled: "
                        + teamReason(tn, solution, input, transport, planFrom);
                out.add(new PlanOutcome.Unmet(null, tn.getId(), missing, reason));
            }
        }
        return out;
    }

    private static String materialReason(MaterialNeed need, AllocationSolution solution, SolverInput input,
            TransportModel transport, Instant planFrom) {
        List<Lot> lots = input.lots() == null
                ? List.of()
                : input.lots().stream().filter(l -> l.itemCode().equals(need.getItemCode()) && l.available() > 0)
                        .map(Lot::of).toList();
        if (lots.isEmpty()) {
            return "no lot of this item is available";
        }
        List<Lot> usable = new ArrayList<>();
        Map<String, List<String>> blockedByDepot = new LinkedHashMap<>();
        boolean onlyExpiry = true;
        for (Lot lot : lots) {
            // the lot is usable when one of its modes is; else every mode's blockers, each rule with its modes
            Map<AccessRuleFact, Set<TransportMode>> ruleModes = new LinkedHashMap<>();
            Set<String> other = new LinkedHashSet<>();
            boolean ok = false;
            for (Route route : transport.routes(lot, need.getSite(), planFrom).values()) {
                Supply supply = new Supply(lot, route, input.expiryMarginDays());
                List<AccessRuleFact> rules = Eligibility.blockingMaterialRules(supply, need, solution.getAccessRules());
                List<String> others = Eligibility.otherBlockers(supply, need);
                if (rules.isEmpty() && others.isEmpty()) {
                    ok = true;
                    break;
                }
                rules.forEach(r -> ruleModes.computeIfAbsent(r, k -> java.util.EnumSet.noneOf(TransportMode.class))
                        .add(route.getMode()));
                other.addAll(others);
            }
            List<String> why = new ArrayList<>();
            ruleModes.forEach((r, modes) -> why.add("blocked by " + r.describe(modes)));
            why.addAll(other);
            boolean ruled = !ruleModes.isEmpty();
            if (ok) {
                usable.add(lot);
            } else {
                blockedByDepot.computeIfAbsent(lot.getDepotCode(), k -> new ArrayList<>()).addAll(why);
                onlyExpiry &= !ruled && lot.earmarkAllows(need.getSiteCountryCode(), need.getIncidentType());
            }
        }
        if (usable.isEmpty()) {
            if (onlyExpiry) {
                return "all eligible lots would expire before arrival (expiry margin " + input.expiryMarginDays()
                        + " days; lots in " + list(List.copyOf(blockedByDepot.keySet())) + ")";
            }
            if (blockedByDepot.size() == 1) {
                Map.Entry<String, List<String>> only = blockedByDepot.entrySet().iterator().next();
                return "the only stock in range is in depot " + only.getKey() + ", "
                        + String.join(" and ", new LinkedHashSet<>(only.getValue()));
            }
            return "no usable stock: " + list(blockedByDepot.entrySet().stream()
                    .map(e -> "depot " + e.getKey() + " " + String.join(" and ", new LinkedHashSet<>(e.getValue())))
                    .toList(), "; ");
        }
        // Usable stock exists: who took it?
        Set<UUID> usableIds = usable.stream().map(Lot::getId).collect(Collectors.toSet());
        long usableTotal = usable.stream().mapToLong(Lot::getAvailable).sum();
        Map<UUID, Long> usedPerLot = new java.util.HashMap<>();
        Priority bestOther = null;
        Set<String> otherSites = new TreeSet<>();
        for (NeedChunk c : solution.getChunks()) {
            if (!c.isDelivering() || !usableIds.contains(c.getLot().getId())) {
                continue;
            }
            usedPerLot.merge(c.getLot().getId(), (long) c.getQuantity(), Long::sum);
            if (c.getNeed() != need) {
                Priority p = c.getNeed().getPriority();
                if (bestOther == null || p.ordinal() < bestOther.ordinal()) {
                    bestOther = p;
                }
                otherSites.add(c.getNeed().getSite().getName());
            }
        }
        Map<String, Long> leftByDepot = new java.util.TreeMap<>();
        for (Lot lot : usable) {
            long left = lot.getAvailable() - usedPerLot.getOrDefault(lot.getId(), 0L);
            if (left > 0) {
                leftByDepot.merge(lot.getDepotCode(), left, Long::sum);
            }
        }
        String depots = list(usable.stream().map(Lot::getDepotCode).distinct().sorted().toList());
        String blockedNote = blockedByDepot.isEmpty()
                ? ""
                : "; other stock is unusable: " + list(blockedByDepot
                        .entrySet().stream()
                        .map(e -> "depot " + e.getKey() + " " + String.join(" and ", new LinkedHashSet<>(e.getValue())))
                        .toList(), "; ");
        long left = leftByDepot.values().stream().mapToLong(Long::longValue).sum();
        if (left > 0) {
            return left + " usable units are left in smaller remainders (" + list(leftByDepot.entrySet().stream()
                    .map(e -> e.getValue() + " in " + e.getKey()).toList())
                    + ") that solving did not place before it stopped; a longer solve may place them" + blockedNote;
        }
        if (bestOther != null && bestOther.ordinal() < need.getPriority().ordinal()) {
            return "outranked by " + bestOther + " needs elsewhere (" + list(List.copyOf(otherSites))
                    + " took the usable stock of " + usableTotal + " in depots " + depots + ")" + blockedNote;
        }
        if (bestOther != null) {
            return "the usable stock (" + usableTotal + " in depots " + depots + ") is shared with other "
                    + bestOther + "-or-lower priority needs at " + list(List.copyOf(otherSites)) + blockedNote;
        }
        return "only " + usableTotal + " usable units exist (in depots " + depots + ")" + blockedNote;
    }

    private static final int LIST_LIMIT = 5;

    /** "A, B, C, D, E and 3 more". */
    static String list(List<String> items) {
        return list(items, ", ");
    }

    static String list(List<String> items, String separator) {
        if (items.size() <= LIST_LIMIT) {
            return String.join(separator, items);
        }
        return String.join(separator, items.subList(0, LIST_LIMIT)) + " and " + (items.size() - LIST_LIMIT) + " more";
    }

    private static String teamReason(TeamNeedFact tn, AllocationSolution solution, SolverInput input,
            TransportModel transport, Instant planFrom) {
        List<Team> ofType = input.teams() == null
                ? List.of()
                : input.teams().stream().filter(t -> tn.getTeamType().equals(t.type())).map(Team::of).toList();
        if (ofType.isEmpty()) {
            return "no AVAILABLE team of type " + tn.getTeamType();
        }
        List<Team> usable = new ArrayList<>();
        List<String> blocked = new ArrayList<>();
        List<String> tooLate = new ArrayList<>();
        for (Team t : ofType) {
            TeamOption option = transport.teamOption(t, tn.getSite(), planFrom, solution.getAccessRules());
            List<AccessRuleFact> rules = Eligibility.blockingTeamRules(option, tn, solution.getAccessRules());
            if (!rules.isEmpty()) {
                blocked.add(t.getName() + " (" + t.getCountryCode() + ") by " + rules.stream()
                        .map(r -> r.describe(option.getMode())).distinct().collect(Collectors.joining(" and ")));
            } else if (!tn.arrivesInTime(option)) {
                tooLate.add(t.getName() + " (arrives " + option.getArrivesAt() + ")");
            } else {
                usable.add(t);
            }
        }
        if (usable.isEmpty() && !tooLate.isEmpty() && blocked.isEmpty()) {
            return "stood down: " + tn.getTeamType() + " teams are not planned to arrive after "
                    + tn.getStandDownAt() + " (" + list(tooLate, "; ") + ")";
        }
        if (usable.isEmpty()) {
            if (blocked.size() == 1) {
                return "the only AVAILABLE team of type " + tn.getTeamType() + ", " + blocked.get(0).replace(" by ",
                        ", is blocked by ");
            }
            return "every AVAILABLE team of type " + tn.getTeamType() + " is blocked: " + list(blocked, "; ");
        }
        Set<UUID> usableIds = usable.stream().map(Team::getId).collect(Collectors.toSet());
        Set<String> elsewhere = new TreeSet<>();
        Set<UUID> used = new java.util.HashSet<>();
        for (TeamSlot s : solution.getSlots()) {
            if (s.getOption() != null && usableIds.contains(s.getTeam().getId())) {
                used.add(s.getTeam().getId());
                elsewhere.add(s.getTeamNeed().getSite().getName());
            }
        }
        if (used.size() < usable.size()) {
            return (usable.size() - used.size()) + " usable teams of type " + tn.getTeamType()
                    + " remain unassigned because solving stopped before placing them";
        }
        String blockedNote = blocked.isEmpty() ? "" : "; blocked: " + list(blocked, "; ");
        return "all " + usable.size() + " AVAILABLE teams of type " + tn.getTeamType() + " that may enter "
                + tn.getSiteCountryCode() + " are already assigned (to " + list(List.copyOf(elsewhere)) + ")"
                + blockedNote;
    }
}
