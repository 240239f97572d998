package org.corridor.shipment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.corridor.common.client.UpstreamException;
import org.corridor.common.problem.ProblemException;
import org.corridor.shipment.client.allocation.AllocationGateway;
import org.corridor.shipment.domain.Shipment;
import org.corridor.shipment.domain.ShipmentLine;
import org.corridor.shipment.domain.ShipmentStatus;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

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
 * dispatched + recalled is what inventory-service issued from its depots for the incident. If allocation-service cannot
 * answer, {@code requested} is null and a warning says why; the shipment columns are still given, since they are this
 * service's own data.
 */
@ApplicationScoped
public class DeliverySummaryService {

    /** One (site, item) row. {@code requested} is null when allocation-service could not be asked. */
    public record Row(UUID siteId, String siteName, String itemCode, Long requested, long allocated, long dispatched,
            long inTransit, long delivered, long rejected, long lost, long recalled) {
    }

    public record Summary(UUID incidentId, boolean requestedAvailable, List<String> warnings, List<Row> rows) {
    }

    private final AllocationGateway allocation;

    public DeliverySummaryService(AllocationGateway allocation) {
        this.allocation = allocation;
    }

    @Transactional
    public Summary summarise(UUID incidentId) {
        List<Shipment> shipments = Shipment.list("incidentId", incidentId);
        List<String> warnings = new ArrayList<>();
        List<AllocationGateway.Need> needs = null;
        try {
            needs = allocation.needs(incidentId);
        } catch (TimeoutException e) {
            warnings.add("allocation-service did not answer in time; requested quantities are unknown");
        } catch (UpstreamException e) {
            if (e.status() == 404) {
                if (shipments.isEmpty()) {
                    throw ProblemException.notFound("Incident", incidentId);
                }
                warnings.add("allocation-service does not know incident " + incidentId
                        + "; requested quantities are unknown");
            } else {
                warnings.add("allocation-service " + (e.status() == 0 ? "cannot be reached" : "answered " + e.status())
                        + "; requested quantities are unknown");
            }
        }
        boolean requestedAvailable = needs != null;

        Map<String, Acc> rows = new TreeMap<>();
        if (needs != null) {
            for (AllocationGateway.Need n : needs) {
                UUID site;
                try {
                    site = UUID.fromString(n.siteId());
                } catch (IllegalArgumentException ex) {
                    continue;
                }
                rows.computeIfAbsent(site + "|" + n.itemCode(), k -> new Acc(site, n.itemCode())).requested += n
                        .quantity();
            }
        }
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
        return new Summary(incidentId, requestedAvailable, List.copyOf(warnings), out);
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
