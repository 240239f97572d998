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
import org.corridor.shipment.domain.SiteItemTotals;

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

    /**
     * Sums the incident's shipment lines per site and item with one grouped statement ({@link SiteItemTotals}), and
     * adds the requested quantities of the copy: no entity is built.
     */
    @Transactional
    public Summary summarise(UUID incidentId, RequestedNeeds.Requested requested) {
        List<SiteItemTotals> shipped = SiteItemTotals.ofIncident(incidentId);
        // every shipment has at least one line, so no sums means no shipments (a second statement only then)
        if (requested.state() == RequestedNeeds.State.UNKNOWN_INCIDENT && shipped.isEmpty()
                && !SiteItemTotals.anyOf(incidentId)) {
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
        for (SiteItemTotals t : shipped) {
            Acc a = rows.computeIfAbsent(t.siteId() + "|" + t.itemCode(), k -> new Acc(t.siteId(), t.itemCode()));
            a.shipped = t;
        }
        List<Row> out = rows.values().stream()
                .sorted(Comparator.comparing((Acc a) -> a.siteId.toString()).thenComparing(a -> a.itemCode))
                .map(a -> a.row(requestedAvailable))
                .toList();
        Instant asOf = requested.state() == RequestedNeeds.State.STALE ? requested.asOf() : null;
        return new Summary(incidentId, requestedAvailable, asOf, warnings, out);
    }

    /** A (site, item) row being put together: its requested quantity, and its shipped sums if any. */
    private static final class Acc {
        final UUID siteId;
        final String itemCode;
        long requested;
        SiteItemTotals shipped;

        Acc(UUID siteId, String itemCode) {
            this.siteId = siteId;
            this.itemCode = itemCode;
        }

        Row row(boolean requestedAvailable) {
            Long req = requestedAvailable ? requested : null;
            SiteItemTotals t = shipped;
            return t == null
                    ? new Row(siteId, null, itemCode, req, 0, 0, 0, 0, 0, 0, 0)
                    : new Row(siteId, t.siteName(), itemCode, req, t.allocated(), t.dispatched(), t.inTransit(),
                            t.delivered(), t.rejected(), t.lost(), t.recalled());
        }
    }
}
