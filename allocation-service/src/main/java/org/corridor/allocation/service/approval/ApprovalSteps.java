package org.corridor.allocation.service.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.corridor.allocation.client.inventory.InventoryClient;
import org.corridor.allocation.client.shipment.ShipmentClient;
import org.corridor.allocation.config.AllocationConfig;
import org.corridor.allocation.domain.ApprovalStep;
import org.corridor.allocation.domain.PlanLine;
import org.corridor.allocation.domain.PlanTeamAssignment;
import org.corridor.allocation.domain.Site;
import org.corridor.allocation.domain.TransportMode;

/**
 * Turns a plan into the remote steps of its approval, in the order they are done: one reservation of all its lots (one
 * line per lot), one assignment per team, one shipment per (origin depot, site, mode). Each step gets its
 * Idempotency-Key from (plan, attempt, step) and its request, fixed when the attempt starts; only a shipment's
 * reservation id is filled in when it is sent.
 */
@ApplicationScoped
public class ApprovalSteps {

    private final AllocationConfig.Transport transport;
    private final ObjectMapper mapper;

    public ApprovalSteps(AllocationConfig config, ObjectMapper mapper) {
        this.transport = config.transport();
        this.mapper = mapper;
    }

    /** The reference the plan's reservation and team assignments are made under in inventory. */
    public static String reference(UUID planId) {
        return "plan-" + planId;
    }

    /** A step to record: kind, target, key and request (JSON). */
    public record Spec(ApprovalStep.Kind kind, String target, String idempotencyKey, String payload) {
    }

    /** The shipment step's target: depot, site and mode. */
    record GroupKey(UUID depotId, UUID siteId, TransportMode mode) {
        String target() {
            return depotId + "/" + siteId + "/" + mode;
        }

        static GroupKey parse(String target) {
            String[] p = target.split("/");
            return new GroupKey(UUID.fromString(p[0]), UUID.fromString(p[1]), TransportMode.valueOf(p[2]));
        }
    }

    List<Spec> steps(UUID planId, int attempt, List<PlanLine> lines, List<PlanTeamAssignment> teams,
            Map<String, InventoryClient.Item> items, Map<UUID, Site> sites) {
        String prefix = "plan-" + planId + "-a" + attempt + "-";
        List<Spec> out = new ArrayList<>();
        if (!lines.isEmpty()) {
            Map<UUID, Long> perLot = new LinkedHashMap<>();
            lines.forEach(l -> perLot.merge(l.lotId, (long) l.quantity, Long::sum));
            List<InventoryClient.ReservationLine> reservation = perLot.entrySet().stream()
                    .map(e -> new InventoryClient.ReservationLine(e.getKey(), e.getValue())).toList();
            out.add(new Spec(ApprovalStep.Kind.RESERVATION, reference(planId), prefix + "reservation",
                    json(new InventoryClient.ReservationRequest(reference(planId), reservation))));
        }
        for (UUID teamId : teams.stream().map(a -> a.teamId).collect(Collectors.toCollection(LinkedHashSet::new))) {
            out.add(new Spec(ApprovalStep.Kind.TEAM, teamId.toString(), prefix + "team-" + teamId, null));
        }
        out.addAll(shipmentSteps(planId, prefix, lines, items, sites));
        return out;
    }

    /** One SHIPMENT step per (depot, site, mode) group of the lines. */
    List<Spec> shipmentSteps(UUID planId, String prefix, List<PlanLine> lines, Map<String, InventoryClient.Item> items,
            Map<UUID, Site> sites) {
        List<Spec> out = new ArrayList<>();
        for (Map.Entry<GroupKey, List<PlanLine>> g : groups(lines).entrySet()) {
            GroupKey k = g.getKey();
            out.add(new Spec(ApprovalStep.Kind.SHIPMENT, k.target(),
                    prefix + "shipment-" + k.depotId() + "-" + k.siteId() + "-" + k.mode(),
                    json(shipment(planId, k, g.getValue(), items, sites.get(k.siteId())))));
        }
        return out;
    }

    static Map<GroupKey, List<PlanLine>> groups(List<PlanLine> lines) {
        Map<GroupKey, List<PlanLine>> out = new TreeMap<>(Comparator.comparing((GroupKey k) -> k.depotId().toString())
                .thenComparing(k -> k.siteId().toString()).thenComparing(k -> k.mode().name()));
        lines.forEach(l -> out.computeIfAbsent(new GroupKey(l.depotId, l.siteId, l.mode), k -> new ArrayList<>())
                .add(l));
        return out;
    }

    private ShipmentClient.ShipmentRequest shipment(UUID planId, GroupKey g, List<PlanLine> lines,
            Map<String, InventoryClient.Item> items, Site site) {
        // one line per lot: several needs of the site may take from the same lot
        Map<UUID, Integer> perLot = new LinkedHashMap<>();
        Map<UUID, String> itemOf = new LinkedHashMap<>();
        for (PlanLine l : lines) {
            perLot.merge(l.lotId, l.quantity, Integer::sum);
            itemOf.put(l.lotId, l.itemCode);
        }
        double kg = 0;
        double m3 = 0;
        List<ShipmentClient.ShipmentLine> out = new ArrayList<>();
        for (Map.Entry<UUID, Integer> e : perLot.entrySet()) {
            InventoryClient.Item item = items.get(itemOf.get(e.getKey()));
            double w = round3(e.getValue() * item.unitWeightKg());
            kg += w;
            m3 += e.getValue() * item.unitVolumeM3();
            out.add(new ShipmentClient.ShipmentLine(item.code(), e.getKey(), e.getValue(), w));
        }
        Instant departure = lines.stream().map(l -> l.departsAt).min(Comparator.naturalOrder()).orElseThrow();
        Instant arrival = lines.stream().map(l -> l.arrivesAt).max(Comparator.naturalOrder()).orElseThrow();
        return new ShipmentClient.ShipmentRequest(planId, g.depotId(), lines.get(0).originCountryCode, g.siteId(),
                site.name, site.countryCode, site.incident.id, g.mode().name(), vehicles(g.mode(), kg, m3),
                out, departure, arrival, null);
    }

    /**
     * Whole trucks or aircraft for the load: the larger of weight and volume over the vehicle's capacity, at least one.
     */
    int vehicles(TransportMode mode, double kg, double m3) {
        double capKg = switch (mode) {
            case AIR -> transport.aircraftCapacityKg();
            case SEA -> transport.shipCapacityKg();
            case ROAD -> transport.truckCapacityKg();
        };
        double capM3 = switch (mode) {
            case AIR -> transport.aircraftCapacityM3();
            case SEA -> transport.shipCapacityM3();
            case ROAD -> transport.truckCapacityM3();
        };
        return (int) Math.max(1, Math.max(Math.ceil(kg / capKg - 1e-9), Math.ceil(m3 / capM3 - 1e-9)));
    }

    String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an approval step", e);
        }
    }

    <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an approval step's request is unreadable", e);
        }
    }

    private static double round3(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
