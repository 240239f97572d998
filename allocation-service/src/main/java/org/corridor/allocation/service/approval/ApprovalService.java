package org.corridor.allocation.service.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.corridor.allocation.client.inventory.InventoryClient;
import org.corridor.allocation.client.inventory.InventoryGateway;
import org.corridor.allocation.client.shipment.ShipmentClient;
import org.corridor.allocation.client.shipment.ShipmentGateway;
import org.corridor.allocation.config.AllocationConfig;
import org.corridor.allocation.domain.Plan;
import org.corridor.allocation.domain.PlanLine;
import org.corridor.allocation.domain.PlanStatus;
import org.corridor.allocation.domain.PlanTeamAssignment;
import org.corridor.allocation.domain.Site;
import org.corridor.allocation.domain.TransportMode;
import org.corridor.allocation.service.InventoryReads;
import org.corridor.allocation.service.approval.ApprovalFailures.StockRefused;
import org.corridor.allocation.service.approval.ApprovalFailures.TeamRefused;
import org.corridor.common.client.UpstreamException;
import org.corridor.common.client.UpstreamUnavailableException;
import org.corridor.common.problem.ProblemException;
import org.corridor.common.time.DbClock;
import org.jboss.logging.Logger;

/**
 * Plan approval, all or nothing across services: one inventory reservation for the plan's lots, its teams assigned, one
 * shipment per (origin depot, site, mode) in shipment-service. If any step fails, what was done is undone in reverse
 * (shipments cancelled, reservation released, teams released), the failed attempt is counted, and the answer is a
 * problem saying what failed; the plan stays SOLVED.
 * <p>
 * One transaction of up to {@link #TRANSACTION_TIMEOUT_SECONDS} s holds the Idempotency-Key's record (kept by the
 * caller) and the plan row lock for the whole approval, including the remote calls: approvals of one plan run one after
 * the other, the same key waits for the first answer and replays it, and a second approval with another key finds the
 * plan APPROVED and answers the stored approval.
 */
@ApplicationScoped
public class ApprovalService {

    /** The approval's transaction may last this long: it includes every remote call and its retries. */
    public static final int TRANSACTION_TIMEOUT_SECONDS = 120;

    private static final Logger LOG = Logger.getLogger(ApprovalService.class);

    private final InventoryGateway inventory;
    private final ShipmentGateway shipments;
    private final InventoryReads catalogue;
    private final ApprovalAttempts attempts;
    private final AllocationConfig.Transport transport;
    private final ObjectMapper mapper;

    public ApprovalService(InventoryGateway inventory, ShipmentGateway shipments, InventoryReads catalogue,
            ApprovalAttempts attempts, AllocationConfig config, ObjectMapper mapper) {
        this.inventory = inventory;
        this.shipments = shipments;
        this.catalogue = catalogue;
        this.attempts = attempts;
        this.transport = config.transport();
        this.mapper = mapper;
    }

    /**
     * Approves a SOLVED plan, or answers the stored approval of an APPROVED one; 404 unknown plan, 409 any other status
     * or a refusal, 503 a service down. Runs in the caller's transaction (the one holding the Idempotency-Key), which
     * the caller opened with a timeout of {@link #TRANSACTION_TIMEOUT_SECONDS} s.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PlanApproval approve(UUID planId) {
        Plan plan = Plan.findById(planId, LockModeType.PESSIMISTIC_WRITE);
        if (plan == null) {
            throw ProblemException.notFound("Plan", planId);
        }
        if (plan.status == PlanStatus.APPROVED) {
            return stored(plan);
        }
        if (plan.status != PlanStatus.SOLVED) {
            throw ProblemException.conflict("Plan not approvable",
                    "Plan " + planId + " is " + plan.status + "; only a SOLVED plan can be approved");
        }
        List<PlanLine> lines = PlanLine.list("planId", Sort.by("position"), planId);
        List<PlanTeamAssignment> teams = PlanTeamAssignment.list("planId", Sort.by("position"), planId);
        // read-only lookups first: a failure here needs no compensation
        Map<String, InventoryClient.Item> items = new LinkedHashMap<>();
        for (String code : lines.stream().map(l -> l.itemCode).collect(Collectors.toCollection(LinkedHashSet::new))) {
            items.put(code, catalogue.item(code).orElseThrow(() -> ProblemException.conflict(
                    "Item no longer in the catalogue", "Item " + code + " of plan " + planId
                            + " is no longer in inventory's catalogue; nothing was reserved")));
        }
        Map<UUID, Site> sites = new LinkedHashMap<>();
        for (UUID siteId : lines.stream().map(l -> l.siteId).collect(Collectors.toCollection(LinkedHashSet::new))) {
            Site s = Site.findById(siteId);
            if (s == null) {
                throw new IllegalStateException("site " + siteId + " of plan " + planId + " is missing");
            }
            sites.put(siteId, s);
        }

        int attempt = attempts.next(planId);
        String prefix = "plan-" + planId + "-attempt-" + attempt;
        String reference = "plan-" + planId;
        Done done = new Done();
        try {
            if (!lines.isEmpty()) {
                done.reservationId = reserve(prefix, reference, lines);
            }
            for (UUID teamId : teams.stream().map(a -> a.teamId)
                    .collect(Collectors.toCollection(LinkedHashSet::new))) {
                assign(teamId, reference);
                done.teams.add(teamId);
            }
            List<PlanApproval.Shipment> shipped = new ArrayList<>();
            for (Map.Entry<GroupKey, List<PlanLine>> g : groups(lines).entrySet()) {
                shipped.add(ship(plan, prefix, g.getKey(), g.getValue(), items, sites.get(g.getKey().siteId()),
                        done));
            }
            Instant now = DbClock.now();
            PlanApproval approval = new PlanApproval(planId, PlanStatus.APPROVED, done.reservationId, now, shipped,
                    teams.stream().map(a -> new PlanApproval.TeamAssignment(a.teamNeedId, a.teamId, a.arrivesAt))
                            .toList());
            plan.status = PlanStatus.APPROVED;
            plan.reservationId = done.reservationId;
            plan.approvedAt = now;
            plan.approval = json(approval);
            plan.updatedAt = now;
            return approval;
        } catch (RuntimeException e) {
            String undo = compensate(planId, done);
            String failure = ApprovalFailures.describe(e);
            String detail = "Approval failed: " + failure + (failure.endsWith(".") ? " " : ". ") + undo;
            attempts.recordFailure(planId, detail);
            LOG.warnf("approval of plan %s (attempt %d) failed: %s", planId, attempt, detail);
            throw ApprovalFailures.problem(e, detail);
        }
    }

    /** What has been created so far, to undo in reverse on failure. */
    private static final class Done {
        UUID reservationId;
        final List<UUID> teams = new ArrayList<>();
        final List<UUID> shipments = new ArrayList<>();
    }

    private record GroupKey(UUID depotId, UUID siteId, TransportMode mode) {
    }

    private UUID reserve(String key, String reference, List<PlanLine> lines) {
        Map<UUID, Long> perLot = new LinkedHashMap<>();
        lines.forEach(l -> perLot.merge(l.lotId, (long) l.quantity, Long::sum));
        try {
            JsonNode r = inventory.reserve(key, reference, perLot.entrySet().stream()
                    .map(e -> new InventoryClient.ReservationLine(e.getKey(), e.getValue())).toList());
            return UUID.fromString(r.get("id").asText());
        } catch (UpstreamException e) {
            if (e instanceof UpstreamUnavailableException || e.status() != 409) {
                throw e;
            }
            throw new StockRefused(e, lines);
        }
    }

    private void assign(UUID teamId, String reference) {
        try {
            inventory.assignTeam(teamId, reference);
        } catch (UpstreamException e) {
            if (e instanceof UpstreamUnavailableException || (e.status() != 409 && e.status() != 404)) {
                throw e;
            }
            throw new TeamRefused(teamId, e);
        }
    }

    private static Map<GroupKey, List<PlanLine>> groups(List<PlanLine> lines) {
        Map<GroupKey, List<PlanLine>> out = new TreeMap<>(Comparator.comparing((GroupKey k) -> k.depotId().toString())
                .thenComparing(k -> k.siteId().toString()).thenComparing(k -> k.mode().name()));
        lines.forEach(l -> out.computeIfAbsent(new GroupKey(l.depotId, l.siteId, l.mode), k -> new ArrayList<>())
                .add(l));
        return out;
    }

    private PlanApproval.Shipment ship(Plan plan, String prefix, GroupKey g, List<PlanLine> lines,
            Map<String, InventoryClient.Item> items, Site site, Done done) {
        // one line per lot: several needs of the site may take from the same lot
        Map<UUID, Integer> perLot = new LinkedHashMap<>();
        Map<UUID, String> itemOf = new LinkedHashMap<>();
        for (PlanLine l : lines) {
            perLot.merge(l.lotId, l.quantity, Integer::sum);
            itemOf.put(l.lotId, l.itemCode);
        }
        double kg = 0;
        double m3 = 0;
        List<PlanApproval.ShipmentLine> out = new ArrayList<>();
        for (Map.Entry<UUID, Integer> e : perLot.entrySet()) {
            InventoryClient.Item item = items.get(itemOf.get(e.getKey()));
            double w = round3(e.getValue() * item.unitWeightKg());
            kg += w;
            m3 += e.getValue() * item.unitVolumeM3();
            out.add(new PlanApproval.ShipmentLine(item.code(), e.getKey(), e.getValue(), w));
        }
        int vehicles = vehicles(g.mode(), kg, m3);
        Instant departure = lines.stream().map(l -> l.departsAt).min(Comparator.naturalOrder()).orElseThrow();
        Instant arrival = lines.stream().map(l -> l.arrivesAt).max(Comparator.naturalOrder()).orElseThrow();
        UUID incidentId = site.incident.id;
        ShipmentClient.ShipmentRequest request = new ShipmentClient.ShipmentRequest(plan.id, g.depotId(),
                lines.get(0).originCountryCode, g.siteId(), site.name, site.incident.countryCode, incidentId,
                g.mode().name(), vehicles,
                out.stream().map(l -> new ShipmentClient.ShipmentLine(l.itemCode(), l.lotId(), l.quantity(),
                        l.weightKg())).toList(),
                departure, arrival, done.reservationId);
        String key = prefix + "-" + g.depotId() + "-" + g.siteId() + "-" + g.mode();
        JsonNode created = shipments.createShipment(key, request);
        UUID id = UUID.fromString(created.get("id").asText());
        done.shipments.add(id);
        return new PlanApproval.Shipment(id, g.depotId(), g.siteId(), incidentId, g.mode(), vehicles, departure,
                arrival, out);
    }

    /**
     * Whole trucks or aircraft for the load: the larger of weight and volume over the vehicle's capacity, at least one.
     */
    int vehicles(TransportMode mode, double kg, double m3) {
        double capKg = mode == TransportMode.AIR ? transport.aircraftCapacityKg() : transport.truckCapacityKg();
        double capM3 = mode == TransportMode.AIR ? transport.aircraftCapacityM3() : transport.truckCapacityM3();
        return (int) Math.max(1, Math.max(Math.ceil(kg / capKg - 1e-9), Math.ceil(m3 / capM3 - 1e-9)));
    }

    /**
     * Undoes in reverse: shipments cancelled, reservation released, teams released. Returns what the client is told.
     */
    private String compensate(UUID planId, Done done) {
        List<String> failed = new ArrayList<>();
        List<UUID> created = new ArrayList<>(done.shipments);
        Collections.reverse(created);
        for (UUID s : created) {
            try {
                shipments.cancelShipment(s, "approval of plan " + planId + " failed; nothing kept");
            } catch (RuntimeException e) {
                failed.add("shipment " + s + " could not be cancelled (" + ApprovalFailures.describe(e) + ")");
            }
        }
        if (done.reservationId != null) {
            try {
                inventory.releaseReservation(done.reservationId);
            } catch (RuntimeException e) {
                failed.add("reservation " + done.reservationId + " could not be released ("
                        + ApprovalFailures.describe(e) + ")");
            }
        }
        List<UUID> teams = new ArrayList<>(done.teams);
        Collections.reverse(teams);
        for (UUID t : teams) {
            try {
                inventory.releaseTeam(t);
            } catch (RuntimeException e) {
                failed.add("team " + t + " could not be released (" + ApprovalFailures.describe(e) + ")");
            }
        }
        if (!failed.isEmpty()) {
            LOG.errorf("approval of plan %s: COMPENSATION INCOMPLETE, to be fixed by hand: %s", planId,
                    String.join("; ", failed));
            return "Undoing it was incomplete, these are still in place and need an operator: "
                    + String.join("; ", failed) + ". The plan stays SOLVED.";
        }
        if (done.reservationId == null && done.teams.isEmpty() && done.shipments.isEmpty()) {
            return "Nothing had been reserved, assigned or shipped; the plan stays SOLVED and can be approved again.";
        }
        return "Nothing was kept: "
                + (done.shipments.isEmpty() ? "" : done.shipments.size() + " shipment(s) cancelled, ")
                + (done.reservationId == null ? "" : "the reservation released, ")
                + done.teams.size() + " team(s) released; the plan stays SOLVED and can be approved again.";
    }

    private PlanApproval stored(Plan plan) {
        try {
            return mapper.readValue(plan.approval, PlanApproval.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored approval of plan " + plan.id + " is unreadable", e);
        }
    }

    private String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the approval", e);
        }
    }

    private static double round3(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
