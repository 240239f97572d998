package org.corridor.allocation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.corridor.allocation.client.ApprovalGateway;
import org.corridor.allocation.client.InventoryWriteApi;
import org.corridor.allocation.client.ShipmentApi;
import org.corridor.common.client.UpstreamUnavailableException;
import org.corridor.common.client.UpstreamException;
import org.corridor.allocation.config.TransportConfig;
import org.corridor.allocation.domain.Plan;
import org.corridor.allocation.domain.PlanLine;
import org.corridor.allocation.domain.PlanStatus;
import org.corridor.allocation.domain.PlanTeamAssignment;
import org.corridor.allocation.domain.Site;
import org.corridor.allocation.inventory.InventoryApi;
import org.corridor.allocation.inventory.InventoryClient;
import org.corridor.allocation.rest.dto.PlanDtos.ApprovalDto;
import org.corridor.allocation.rest.dto.PlanDtos.ApprovedShipmentDto;
import org.corridor.allocation.rest.dto.PlanDtos.ApprovedShipmentLineDto;
import org.corridor.allocation.rest.dto.PlanDtos.TeamAssignmentDto;
import org.corridor.allocation.solver.api.TransportMode;
import org.corridor.common.idempotency.Idempotency;
import org.corridor.common.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * Plan approval, all or nothing across services: one inventory reservation for the plan's lots, its
 * teams assigned, one shipment per (origin depot, site, mode) in shipment-service. If any step fails,
 * what was done is undone in reverse (shipments cancelled, reservation released, teams released), the
 * failed attempt is counted, and the answer is a problem saying what failed; the plan stays SOLVED.
 * <p>
 * One transaction holds the idempotency record and the plan row lock for the whole approval, including
 * the remote calls: approvals of one plan run one after the other, the same key waits for the first
 * answer and replays it, and a second approval with another key finds the plan APPROVED and answers the
 * stored approval.
 */
@ApplicationScoped
public class ApprovalService {

    private static final Logger LOG = Logger.getLogger(ApprovalService.class);

    private final Idempotency idempotency;
    private final ApprovalGateway gateway;
    private final InventoryClient inventory;
    private final ApprovalAttempts attempts;
    private final TransportConfig transport;
    private final ObjectMapper mapper;

    public ApprovalService(Idempotency idempotency, ApprovalGateway gateway, InventoryClient inventory,
            ApprovalAttempts attempts, TransportConfig transport, ObjectMapper mapper) {
        this.idempotency = idempotency;
        this.gateway = gateway;
        this.inventory = inventory;
        this.attempts = attempts;
        this.transport = transport;
        this.mapper = mapper;
    }

    @Transactional
    @TransactionConfiguration(timeout = 120)
    public Response approve(UUID planId, String key) {
        return idempotency.require("plan-approval:" + planId, key, Map.of("planId", planId.toString()),
                () -> Idempotency.Result.ok(approveLocked(planId)));
    }

    private ApprovalDto approveLocked(UUID planId) {
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
        Map<String, InventoryApi.Item> items = new LinkedHashMap<>();
        for (String code : lines.stream().map(l -> l.itemCode).collect(Collectors.toCollection(LinkedHashSet::new))) {
            items.put(code, inventory.item(code).orElseThrow(() -> ProblemException.conflict("Item no longer in the catalogue",
                    "Item " + code + " of plan " + planId + " is no longer in inventory's catalogue; nothing was reserved")));
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
            for (UUID teamId : teams.stream().map(a -> a.teamId).collect(Collectors.toCollection(LinkedHashSet::new))) {
                assign(teamId, reference);
                done.teams.add(teamId);
            }
            List<ApprovedShipmentDto> shipments = new ArrayList<>();
            for (Map.Entry<GroupKey, List<PlanLine>> g : groups(lines).entrySet()) {
                shipments.add(ship(plan, prefix, g.getKey(), g.getValue(), items, sites.get(g.getKey().siteId()), done));
            }
            Instant now = Instant.now();
            ApprovalDto approval = new ApprovalDto(planId, PlanStatus.APPROVED, done.reservationId, now, shipments,
                    teams.stream().map(a -> new TeamAssignmentDto(a.teamNeedId, a.teamId, a.arrivesAt)).toList());
            plan.status = PlanStatus.APPROVED;
            plan.reservationId = done.reservationId;
            plan.approvedAt = now;
            plan.approval = json(approval);
            plan.updatedAt = now;
            return approval;
        } catch (RuntimeException e) {
            String undo = compensate(planId, done);
            String failure = describe(e);
            String detail = "Approval failed: " + failure + (failure.endsWith(".") ? " " : ". ") + undo;
            attempts.recordFailure(planId, detail);
            LOG.warnf("approval of plan %s (attempt %d) failed: %s", planId, attempt, detail);
            throw problem(e, detail);
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
            JsonNode r = gateway.reserve(key, reference,
                    perLot.entrySet().stream().map(e -> new InventoryWriteApi.ReservationLine(e.getKey(), e.getValue())).toList());
            return UUID.fromString(r.get("id").asText());
        } catch (UpstreamException e) {
            if (e instanceof UpstreamUnavailableException || e.status() != 409) {
                throw e;
            }
            throw new StockRefused(e, shortLines(e), lines);
        }
    }

    private void assign(UUID teamId, String reference) {
        try {
            gateway.assignTeam(teamId, reference);
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
        lines.forEach(l -> out.computeIfAbsent(new GroupKey(l.depotId, l.siteId, l.mode), k -> new ArrayList<>()).add(l));
        return out;
    }

    private ApprovedShipmentDto ship(Plan plan, String prefix, GroupKey g, List<PlanLine> lines,
            Map<String, InventoryApi.Item> items, Site site, Done done) {
        // one line per lot: several needs of the site may take from the same lot
        Map<UUID, Integer> perLot = new LinkedHashMap<>();
        Map<UUID, String> itemOf = new LinkedHashMap<>();
        for (PlanLine l : lines) {
            perLot.merge(l.lotId, l.quantity, Integer::sum);
            itemOf.put(l.lotId, l.itemCode);
        }
        double kg = 0;
        double m3 = 0;
        List<ApprovedShipmentLineDto> out = new ArrayList<>();
        for (Map.Entry<UUID, Integer> e : perLot.entrySet()) {
            InventoryApi.Item item = items.get(itemOf.get(e.getKey()));
            double w = round3(e.getValue() * item.unitWeightKg());
            kg += w;
            m3 += e.getValue() * item.unitVolumeM3();
            out.add(new ApprovedShipmentLineDto(item.code(), e.getKey(), e.getValue(), w));
        }
        int vehicles = vehicles(g.mode(), kg, m3);
        Instant departure = lines.stream().map(l -> l.departsAt).min(Comparator.naturalOrder()).orElseThrow();
        Instant arrival = lines.stream().map(l -> l.arrivesAt).max(Comparator.naturalOrder()).orElseThrow();
        UUID incidentId = site.incident.id;
        ShipmentApi.ShipmentRequest request = new ShipmentApi.ShipmentRequest(plan.id, g.depotId(), lines.get(0).originCountryCode,
                g.siteId(), site.name, site.incident.countryCode, incidentId, g.mode().name(), vehicles,
                out.stream().map(l -> new ShipmentApi.ShipmentLine(l.itemCode(), l.lotId(), l.quantity(), l.weightKg())).toList(),
                departure, arrival, done.reservationId);
        String key = prefix + "-" + g.depotId() + "-" + g.siteId() + "-" + g.mode();
        JsonNode created = gateway.createShipment(key, request);
        UUID id = UUID.fromString(created.get("id").asText());
        done.shipments.add(id);
        return new ApprovedShipmentDto(id, g.depotId(), g.siteId(), incidentId, g.mode(), vehicles, departure, arrival, out);
    }

    /** Whole trucks or aircraft for the load: the larger of weight and volume over the vehicle's capacity, at least one. */
    int vehicles(TransportMode mode, double kg, double m3) {
        double capKg = mode == TransportMode.AIR ? transport.aircraftCapacityKg() : transport.truckCapacityKg();
        double capM3 = mode == TransportMode.AIR ? transport.aircraftCapacityM3() : transport.truckCapacityM3();
        return (int) Math.max(1, Math.max(Math.ceil(kg / capKg - 1e-9), Math.ceil(m3 / capM3 - 1e-9)));
    }

    /** Undoes in reverse: shipments cancelled, reservation released, teams released. Returns what the client is told. */
    private String compensate(UUID planId, Done done) {
        List<String> failed = new ArrayList<>();
        List<UUID> shipments = new ArrayList<>(done.shipments);
        java.util.Collections.reverse(shipments);
        for (UUID s : shipments) {
            try {
                gateway.cancelShipment(s, "approval of plan " + planId + " failed; nothing kept");
            } catch (RuntimeException e) {
                failed.add("shipment " + s + " could not be cancelled (" + describe(e) + ")");
            }
        }
        if (done.reservationId != null) {
            try {
                gateway.releaseReservation(done.reservationId);
            } catch (RuntimeException e) {
                failed.add("reservation " + done.reservationId + " could not be released (" + describe(e) + ")");
            }
        }
        List<UUID> teams = new ArrayList<>(done.teams);
        java.util.Collections.reverse(teams);
        for (UUID t : teams) {
            try {
                gateway.releaseTeam(t);
            } catch (RuntimeException e) {
                failed.add("team " + t + " could not be released (" + describe(e) + ")");
            }
        }
        if (!failed.isEmpty()) {
            LOG.errorf("approval of plan %s: COMPENSATION INCOMPLETE, to be fixed by hand: %s", planId, String.join("; ", failed));
            return "Undoing it was incomplete, these are still in place and need an operator: " + String.join("; ", failed)
                    + ". The plan stays SOLVED.";
        }
        if (done.reservationId == null && done.teams.isEmpty() && done.shipments.isEmpty()) {
            return "Nothing had been reserved, assigned or shipped; the plan stays SOLVED and can be approved again.";
        }
        return "Nothing was kept: " + (done.shipments.isEmpty() ? "" : done.shipments.size() + " shipment(s) cancelled, ")
                + (done.reservationId == null ? "" : "the reservation released, ")
                + done.teams.size() + " team(s) released; the plan stays SOLVED and can be approved again.";
    }

    private static String describe(Throwable e) {
        if (e instanceof StockRefused s) {
            return s.getMessage();
        }
        if (e instanceof TeamRefused t) {
            return t.getMessage();
        }
        if (e instanceof UpstreamUnavailableException u) {
            return u.service() + " is unavailable (" + (u.status() == 0 ? "unreachable or timed out" : "answered " + u.status()) + ")";
        }
        if (e instanceof UpstreamException u) {
            return u.service() + " refused (" + u.status() + (u.detail() == null ? "" : ": " + u.detail()) + ")";
        }
        if (e instanceof ProblemException p) {
            return p.getMessage();
        }
        if (e instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException) {
            return "a service did not answer in time";
        }
        return "an unexpected error occurred";
    }

    private static ProblemException problem(RuntimeException e, String detail) {
        if (e instanceof StockRefused s) {
            return ProblemException.conflict("Stock no longer available", detail, Map.of("shortLines", s.shortLines));
        }
        if (e instanceof TeamRefused) {
            return ProblemException.conflict("Team no longer available", detail);
        }
        if (e instanceof UpstreamUnavailableException u) {
            return ProblemException.unavailable(title(u.service()) + " unavailable", detail);
        }
        if (e instanceof UpstreamException u) {
            return ProblemException.conflict("Approval refused by " + u.service(), detail);
        }
        if (e instanceof ProblemException p) {
            return new ProblemException(p.status(), p.slug(), p.title(), detail, p.extensions());
        }
        if (e instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException) {
            return ProblemException.unavailable("Service unavailable", detail);
        }
        LOG.error("unexpected failure during approval", e);
        return new ProblemException(500, "internal-error", "Approval failed", detail);
    }

    private static String title(String service) {
        String s = service.replace("-service", "");
        return Character.toUpperCase(s.charAt(0)) + s.substring(1) + " service";
    }

    private static List<JsonNode> shortLines(UpstreamException e) {
        JsonNode p = e.problem();
        JsonNode lines = p == null ? null : p.path("extensions").path("shortLines");
        List<JsonNode> out = new ArrayList<>();
        if (lines != null && lines.isArray()) {
            lines.forEach(out::add);
        }
        return out;
    }

    /** inventory refused the reservation (409): names each short lot. */
    static final class StockRefused extends RuntimeException {
        final transient List<JsonNode> shortLines;

        StockRefused(UpstreamException cause, List<JsonNode> shortLines, List<PlanLine> lines) {
            super(message(cause, shortLines, lines), cause);
            this.shortLines = shortLines;
        }

        private static String message(UpstreamException cause, List<JsonNode> shortLines, List<PlanLine> lines) {
            if (shortLines.isEmpty()) {
                return "inventory-service refused the reservation: " + cause.detail() + ".";
            }
            Map<String, String> itemOfLot = new LinkedHashMap<>();
            lines.forEach(l -> itemOfLot.put(l.lotId.toString(), l.itemCode));
            return "inventory-service refused the reservation, stock was taken meanwhile: " + shortLines.stream()
                    .map(s -> "lot " + s.path("lotId").asText() + " (" + itemOfLot.getOrDefault(s.path("lotId").asText(), "?")
                            + ") requested " + s.path("requested").asText() + ", available " + s.path("available").asText())
                    .collect(Collectors.joining("; ")) + ".";
        }
    }

    /** inventory refused a team assignment (no longer AVAILABLE, or gone). */
    static final class TeamRefused extends RuntimeException {
        TeamRefused(UUID teamId, UpstreamException cause) {
            super("inventory-service refused to assign team " + teamId + (cause.detail() == null ? "" : ": " + cause.detail()) + ".", cause);
        }
    }

    private ApprovalDto stored(Plan plan) {
        try {
            return mapper.readValue(plan.approval, ApprovalDto.class);
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
