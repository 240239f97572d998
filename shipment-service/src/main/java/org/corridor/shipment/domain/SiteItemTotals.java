package org.corridor.shipment.domain;

import java.util.List;
import java.util.UUID;

/**
 * The quantities of one (site, item) of an incident summed over its shipments' lines by the database, one grouped
 * statement for the whole incident: the delivery summary reads these records instead of building every shipment and
 * line entity and adding them up in Java. The meaning of each sum is the delivery summary's (see
 * {@code DeliverySummaryService}); {@code siteName} is a name the site's shipments carry, null if none does.
 */
public record SiteItemTotals(UUID siteId, String siteName, String itemCode, long allocated, long dispatched,
        long inTransit, long delivered, long rejected, long lost, long recalled) {

    private static final String SUMS = "select new " + SiteItemTotals.class.getName() + "(s.siteId, max(s.siteName), "
            + "l.itemCode, "
            // allocated: not cancelled
            + "sum(case when s.status <> :cancelled then l.quantity else 0 end), "
            // dispatched: dispatched and not cancelled
            + "sum(case when s.status <> :cancelled and s.dispatchedAt is not null then l.quantity else 0 end), "
            // in transit: dispatched, not cancelled, neither delivered nor lost
            + "sum(case when s.status not in (:cancelled, :delivered, :lost) and s.dispatchedAt is not null "
            + "then l.quantity else 0 end), "
            + "coalesce(sum(l.accepted), 0), coalesce(sum(l.rejected), 0), "
            + "sum(case when s.status = :lost then l.quantity else 0 end), "
            // recalled: cancelled after dispatch
            + "sum(case when s.status = :cancelled and s.dispatchedAt is not null then l.quantity else 0 end)) "
            + "from ShipmentLine l join l.shipment s where s.incidentId = :incident group by s.siteId, l.itemCode";

    /** The sums of every (site, item) the incident's shipments carry, in no particular order: one statement. */
    public static List<SiteItemTotals> ofIncident(UUID incidentId) {
        return Shipment.getEntityManager().createQuery(SUMS, SiteItemTotals.class)
                .setParameter("incident", incidentId).setParameter("cancelled", ShipmentStatus.CANCELLED)
                .setParameter("delivered", ShipmentStatus.DELIVERED).setParameter("lost", ShipmentStatus.LOST)
                .getResultList();
    }

    /** Whether the incident has any shipment (the summary's 404 when allocation-service does not know it either). */
    public static boolean anyOf(UUID incidentId) {
        return !Shipment.getEntityManager().createQuery("select 1 from Shipment where incidentId = :incident",
                Integer.class).setParameter("incident", incidentId).setMaxResults(1).getResultList().isEmpty();
    }
}
