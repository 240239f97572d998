package org.corridor.allocation.service.approval;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.corridor.allocation.client.inventory.InventoryClient;
import org.corridor.allocation.domain.ApprovalStep;
import org.corridor.allocation.domain.PlanLine;
import org.corridor.allocation.domain.PlanTeamAssignment;
import org.corridor.allocation.domain.Site;

/**
 * The steps of a re-plan's approval: only the difference with its base plan. Shipments are compared per (depot, site,
 * mode) group: a group whose lines are exactly the base's (same needs, lots and quantities, one shipment) keeps the
 * base's shipment and reservation; every other base group's shipment is cancelled with its stock kept reserved, and the
 * re-plan's new groups get one new reservation that takes the cancelled groups' units over in the same inventory
 * transaction (so no other plan can take them in between), and new shipments. In order:
 * <ol>
 * <li>TEAM: teams the re-plan adds (undone on failure, like a first approval's);</li>
 * <li>CANCEL: the base's changed shipments, stock kept (a shipment dispatched meanwhile refuses: the approval fails and
 * the units of the shipments it had cancelled are released);</li>
 * <li>RESERVATION with the hand-over, or RELEASE of the cancelled units when the re-plan adds no shipment: past this
 * point the approval only goes forward;</li>
 * <li>SHIPMENT: the re-plan's new shipments;</li>
 * <li>TEAM_RELEASE: teams of the base the re-plan drops.</li>
 * </ol>
 */
@ApplicationScoped
public class DeltaSteps {

    private final ApprovalSteps steps;

    public DeltaSteps(ApprovalSteps steps) {
        this.steps = steps;
    }

    /** What a CANCEL step records: the base shipment and the units its reservation keeps for the re-plan. */
    public record Cancel(UUID shipmentId, UUID reservationId, List<InventoryClient.ReservationLine> lines) {
    }

    /** What a TEAM_RELEASE step records: the reference the team was assigned under. */
    public record TeamRelease(String reference) {
    }

    /**
     * The steps, and what the re-plan's kept lines and teams carry over (set on them when the attempt starts).
     *
     * @param keptShipment line id of the re-plan -> the base shipment that carries it (and its reservation)
     * @param teamReference team id -> the reference it is or will be assigned under
     */
    public record Delta(List<ApprovalSteps.Spec> specs, Map<UUID, UUID[]> keptShipment,
            Map<UUID, String> teamReference) {
    }

    Delta steps(UUID planId, int attempt, List<PlanLine> lines, List<PlanTeamAssignment> teams,
            List<PlanLine> baseLines, List<PlanTeamAssignment> baseTeams, Map<String, InventoryClient.Item> items,
            Map<UUID, Site> sites) {
        String prefix = "plan-" + planId + "-a" + attempt + "-";
        Map<ApprovalSteps.GroupKey, List<PlanLine>> groups = ApprovalSteps.groups(lines);
        Map<ApprovalSteps.GroupKey, List<PlanLine>> baseGroups = ApprovalSteps.groups(baseLines);
        Map<UUID, UUID[]> kept = new LinkedHashMap<>();
        List<PlanLine> fresh = new ArrayList<>();
        List<ApprovalSteps.Spec> cancels = new ArrayList<>();
        // units the cancelled base shipments leave held, per reservation and lot
        Map<UUID, Map<UUID, Long>> freed = new TreeMap<>();
        for (Map.Entry<ApprovalSteps.GroupKey, List<PlanLine>> g : groups.entrySet()) {
            List<PlanLine> before = baseGroups.getOrDefault(g.getKey(), List.of());
            UUID shipment = sameShipment(before);
            if (shipment != null && content(before).equals(content(g.getValue()))) {
                UUID reservation = before.get(0).reservationId;
                g.getValue().forEach(l -> kept.put(l.id, new UUID[]{shipment, reservation}));
            } else {
                fresh.addAll(g.getValue());
            }
        }
        Set<UUID> keptShipments = kept.values().stream().map(v -> v[0]).collect(Collectors.toSet());
        Map<UUID, List<PlanLine>> cancelled = new LinkedHashMap<>();
        baseLines.stream().filter(l -> l.shipmentId != null && !keptShipments.contains(l.shipmentId))
                .forEach(l -> cancelled.computeIfAbsent(l.shipmentId, k -> new ArrayList<>()).add(l));
        for (Map.Entry<UUID, List<PlanLine>> c : cancelled.entrySet()) {
            UUID reservation = c.getValue().get(0).reservationId;
            Map<UUID, Long> perLot = perLot(c.getValue());
            perLot.forEach((lot, q) -> freed.computeIfAbsent(reservation, k -> new LinkedHashMap<>()).merge(lot, q,
                    Long::sum));
            cancels.add(new ApprovalSteps.Spec(ApprovalStep.Kind.CANCEL, c.getKey().toString(),
                    prefix + "cancel-" + c.getKey(), steps.json(new Cancel(c.getKey(), reservation, wire(perLot)))));
        }

        Set<UUID> baseTeamIds = baseTeams.stream().map(a -> a.teamId).collect(Collectors.toSet());
        Map<UUID, String> teamReference = new LinkedHashMap<>();
        baseTeams.forEach(a -> teamReference.put(a.teamId,
                a.reference != null ? a.reference : ApprovalSteps.reference(a.planId)));
        List<ApprovalSteps.Spec> out = new ArrayList<>();
        for (UUID teamId : teams.stream().map(a -> a.teamId).collect(Collectors.toCollection(LinkedHashSet::new))) {
            if (!baseTeamIds.contains(teamId)) {
                teamReference.put(teamId, ApprovalSteps.reference(planId));
                out.add(new ApprovalSteps.Spec(ApprovalStep.Kind.TEAM, teamId.toString(), prefix + "team-" + teamId,
                        null));
            }
        }
        out.addAll(cancels);
        List<InventoryClient.ReleasingSource> releasing = freed.entrySet().stream()
                .map(e -> new InventoryClient.ReleasingSource(e.getKey(), wire(e.getValue()))).toList();
        if (!fresh.isEmpty()) {
            out.add(new ApprovalSteps.Spec(ApprovalStep.Kind.RESERVATION, ApprovalSteps.reference(planId),
                    prefix + "reservation", steps.json(new InventoryClient.ReservationRequest(
                            ApprovalSteps.reference(planId), wire(perLot(fresh)),
                            releasing.isEmpty() ? null : releasing))));
        } else {
            for (InventoryClient.ReleasingSource r : releasing) {
                String key = prefix + "release-" + r.reservationId();
                out.add(new ApprovalSteps.Spec(ApprovalStep.Kind.RELEASE, r.reservationId().toString(), key,
                        steps.json(new InventoryClient.SettlementRequest(key, r.lines()))));
            }
        }
        out.addAll(steps.shipmentSteps(planId, prefix, fresh, items, sites));
        Set<UUID> teamIds = teams.stream().map(a -> a.teamId).collect(Collectors.toSet());
        for (PlanTeamAssignment a : baseTeams) {
            if (!teamIds.contains(a.teamId)) {
                out.add(new ApprovalSteps.Spec(ApprovalStep.Kind.TEAM_RELEASE, a.teamId.toString(),
                        prefix + "team-release-" + a.teamId,
                        steps.json(new TeamRelease(teamReference.get(a.teamId)))));
            }
        }
        return new Delta(out, kept, teamReference);
    }

    /** The one shipment all these lines travel on, or null (none, or several). */
    private static UUID sameShipment(List<PlanLine> lines) {
        Set<UUID> ids = lines.stream().map(l -> l.shipmentId).collect(Collectors.toSet());
        return ids.size() == 1 && !ids.contains(null) ? ids.iterator().next() : null;
    }

    /** need/lot -> units: what a group carries for whom. */
    private static Map<String, Integer> content(List<PlanLine> lines) {
        Map<String, Integer> out = new TreeMap<>();
        lines.forEach(l -> out.merge(l.needId + "/" + l.lotId, l.quantity, Integer::sum));
        return out;
    }

    private static Map<UUID, Long> perLot(List<PlanLine> lines) {
        Map<UUID, Long> out = new LinkedHashMap<>();
        lines.forEach(l -> out.merge(l.lotId, (long) l.quantity, Long::sum));
        return out;
    }

    private static List<InventoryClient.ReservationLine> wire(Map<UUID, Long> perLot) {
        return perLot.entrySet().stream().map(e -> new InventoryClient.ReservationLine(e.getKey(), e.getValue()))
                .toList();
    }
}
