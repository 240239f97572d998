package org.corridor.shipment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.corridor.common.problem.ProblemException;
import org.corridor.shipment.domain.Shipment;
import org.corridor.shipment.domain.ShipmentLine;
import org.corridor.shipment.domain.ShipmentStatus;
import org.hibernate.Session;

/**
 * Per site and item of an incident: what was requested (allocation-service's needs), allocated to shipments,
 * dispatched, in transit, delivered and rejected (this service's shipments).
 * <ul>
 * <li>allocated: quantity on shipments that are not CANCELLED;</li>
 * <li>dispatched: quantity on shipments that were dispatched and not cancelled (includes LOST and DELIVERED);</li>
 * <li>inTransit: dispatched, neither DELIVERED nor LOST (ARRIVED without proof of delivery still counts);</li>
 * <li>delivered / rejected: accepted / rejected quantities of proofs of delivery;</li>
 * <li>lost: quantity on LOST shipments; recalled: quantity on shipments cancelled after dispatch.</li>
 * </ul>
 * dispatched + recalled is what inventory-service issued from its depots for the incident. The requested quantities
 * come from {@link RequestedNeeds}, a copy of allocation-service's needs refreshed in the background: a summary does
 * not call allocation-service (except the very first of an incident). If the copy could never be read,
 * {@code requested} is null and a warning says why; if it is old because allocation-service cannot be reached, it is
 * given with {@code requestedAsOf} and a warning. The shipment columns are always given, since they are this service's
 * own data.
 */
@ApplicationScoped
public class DeliverySummaryService {

    /** One (site, item) row. {@code requested} is null when allocation-service could not be asked. */
    public record Row(UUID siteId, String siteName, String itemCode, Long requested, long allocated, long dispatched,
            long inTransit, long delivered, long rejected, long lost, long recalled) {
    }

    /**
     * @param requestedAsOf set when the requested quantities are an old copy (allocation-service cannot be reached):
     *     when they were read
     */
    public record Summary(UUID incidentId, boolean requestedAvailable, Instant requestedAsOf, List<String> warnings,
            List<Row> rows) {
    }

    private final RequestedNeeds requestedNeeds;

    public DeliverySummaryService(RequestedNeeds requestedNeeds) {
        this.requestedNeeds = requestedNeeds;
    }

    /**
     * The requested quantities the summary will show, from the copy kept by {@link RequestedNeeds} (never a call to
     * allocation-service once the incident's copy exists): read first, so that the ETag and the body agree.
     */
    public RequestedNeeds.Requested requested(UUID incidentId) {
        return requestedNeeds.of(incidentId);
    }

    /** Reads the incident's shipments and lines read-only (no snapshots, nothing checked at commit). */
    @Transactional
    public Summary summarise(UUID incidentId, RequestedNeeds.Requested requested) {
        Shipment.getEntityManager().unwrap(Session.class).setDefaultReadOnly(true);
        List<Shipment> shipments = Shipment.list("incidentId", incidentId);
        if (requested.state() == RequestedNeeds.State.UNKNOWN_INCIDENT && shipments.isEmpty()) {
            throw ProblemException.notFound("Incident", incidentId);
        }
        List<String> warnings = requested.warning() == null ? List.of() : List.of(requested.warning());
        boolean requestedAvailable = requested.state() == RequestedNeeds.State.CURRENT
                || requested.state() == RequestedNeeds.State.STALE;

        Map<String, Acc> rows = new TreeMap<>();
        requested.quantities().forEach((key, quantity) -> {
            int bar = key.indexOf('|');
            UUID site = UUID.fromString(key.substring(0, bar));
            String item = key.substring(bar + 1);
            rows.computeIfAbsent(site + "|" + item, k -> new Acc(site, item)).requested += quantity;
        });
        Map<UUID, List<ShipmentLine>> linesOf = ShipmentLine.byShipment(shipments.stream().map(s -> s.id).toList());
        for (Shipment s : shipments) {
            boolean cancelled = s.status == ShipmentStatus.CANCELLED;
            boolean dispatched = s.dispatchedAt != null;
            for (ShipmentLine l : linesOf.getOrDefault(s.id, List.of())) {
                Acc a = rows.computeIfAbsent(s.siteId + "|" + l.itemCode, k -> new Acc(s.siteId, l.itemCode));
                if (a.siteName == null) {
                    a.siteName = s.siteName;
                }
                if (!cancelled) {
                    a.allocated += l.quantity;
                    if (dispatched) {
                        a.dispatched += l.quantity;
                        if (s.status != ShipmentStatus.DELIVERED && s.status != ShipmentStatus.LOST) {
                            a.inTransit += l.quantity;
                        }
                    }
                } else if (dispatched) {
                    a.recalled += l.quantity;
                }
                if (s.status == ShipmentStatus.LOST) {
                    a.lost += l.quantity;
                }
                if (l.accepted != null) {
                    a.delivered += l.accepted;
                }
                if (l.rejected != null) {
                    a.rejected += l.rejected;
                }
            }
        }
        List<Row> out = rows.values().stream()
                .sorted(Comparator.comparing((Acc a) -> a.siteId.toString()).thenComparing(a -> a.itemCode))
                .map(a -> new Row(a.siteId, a.siteName, a.itemCode, requestedAvailable ? a.requested : null,
                        a.allocated, a.dispatched, a.inTransit, a.delivered, a.rejected, a.lost, a.recalled))
                .toList();
        Instant asOf = requested.state() == RequestedNeeds.State.STALE ? requested.asOf() : null;
        return new Summary(incidentId, requestedAvailable, asOf, warnings, out);
    }

    private static final class Acc {
        final UUID siteId;
        final String itemCode;
        String siteName;
        long requested;
        long allocated;
        long dispatched;
        long inTransit;
        long delivered;
        long rejected;
        long lost;
        long recalled;

        Acc(UUID siteId, String itemCode) {
            this.siteId = siteId;
            this.itemCode = itemCode;
        }
    }
}
