package org.corridor.allocation.service.exchange;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.corridor.allocation.client.inventory.InventoryClient;
import org.corridor.allocation.client.inventory.InventoryGateway;

/**
 * The 3W of an incident ("who does what where"), the table coordination meetings and HDX exchange: per organisation,
 * item, site and state, the units that approved plans commit. The organisation is the donor of the lots the plan lines
 * draw from (the depot's name when a lot names no donor), looked up in inventory-service by lot id; the lines are those
 * coverage counts (approving, approved and superseded plans, lines not taken over by a re-plan), in the states that
 * commit units: APPROVED, DISPATCHED, DELIVERED and LOST.
 * <p>
 * The rows are grouped in one query; inventory-service is asked only for the lots those rows draw from, in batches of
 * {@link InventoryGateway#LOTS_PER_LOOKUP} ({@code GET /stock?lotId=...}), never for its whole stock list, and only
 * when there are lines. If it cannot answer, the read is a 503 (an export without its "who" would be misleading).
 */
@ApplicationScoped
public class WhoWhatWhere {

    private static final String COMMITTING = "('APPROVING', 'APPROVED', 'SUPERSEDED')";

    private final EntityManager em;
    private final InventoryGateway inventory;
    private final NeedExport needs;

    public WhoWhatWhere(EntityManager em, InventoryGateway inventory, NeedExport needs) {
        this.em = em;
        this.inventory = inventory;
        this.needs = needs;
    }

    private record Key(UUID organisationId, String organisation, String itemCode, UUID siteId, String siteName,
            String countryCode, String status) {
    }

    /** The rows, ordered by organisation, site name, item and status; 404 when the incident is unknown. */
    public List<WhoWhatWhereRow> rows(UUID incidentId) {
        needs.requireIncident(incidentId);
        List<Object[]> lines = lines(incidentId);
        if (lines.isEmpty()) {
            return List.of();
        }
        Set<UUID> lots = new HashSet<>();
        lines.forEach(r -> lots.add((UUID) r[0]));
        Map<UUID, InventoryClient.StockLot> byLot = inventory.lots(lots);
        Map<Key, long[]> grouped = new LinkedHashMap<>();
        for (Object[] r : lines) {
            InventoryClient.StockLot lot = byLot.get((UUID) r[0]);
            UUID orgId = lot == null ? null : lot.donorOrganisationId();
            String org = lot == null
                    ? null
                    : lot.donorName() != null && !lot.donorName().isBlank() ? lot.donorName() : lot.depotName();
            Key k = new Key(orgId, org, (String) r[1], (UUID) r[2], (String) r[3], (String) r[4], (String) r[5]);
            long[] sum = grouped.computeIfAbsent(k, x -> new long[2]);
            sum[0] += ((Number) r[6]).longValue();
            sum[1] += ((Number) r[7]).longValue();
        }
        Comparator<WhoWhatWhereRow> order = Comparator
                .comparing(WhoWhatWhereRow::organisation, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(r -> Objects.toString(r.organisationId(), ""))
                .thenComparing(WhoWhatWhereRow::siteName, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(r -> r.siteId().toString())
                .thenComparing(WhoWhatWhereRow::itemCode)
                .thenComparing(WhoWhatWhereRow::status);
        return grouped.entrySet().stream()
                .map(e -> new WhoWhatWhereRow(e.getKey().organisationId(), e.getKey().organisation(),
                        e.getKey().itemCode(), e.getKey().siteId(), e.getKey().siteName(), e.getKey().countryCode(),
                        e.getKey().status(), e.getValue()[0], e.getValue()[1]))
                .sorted(order).toList();
    }

    /** (lot, item, site, site name, country, state, quantity, delivered), grouped. */
    @Transactional
    @SuppressWarnings("unchecked")
    List<Object[]> lines(UUID incidentId) {
        return em.createNativeQuery("SELECT l.lot_id, l.item_code, l.site_id, s.name, s.country_code, l.state, "
                + "SUM(l.quantity), SUM(CASE WHEN l.state = 'DELIVERED' THEN l.delivered ELSE 0 END) "
                + "FROM plan_line l JOIN plan p ON p.id = l.plan_id JOIN need n ON n.id = l.need_id "
                + "JOIN incident_site s ON s.id = l.site_id "
                + "WHERE n.incident_id = ?1 AND p.status IN " + COMMITTING + " AND NOT l.superseded "
                + "AND l.state IN ('APPROVED', 'DISPATCHED', 'DELIVERED', 'LOST') "
                + "GROUP BY l.lot_id, l.item_code, l.site_id, s.name, s.country_code, l.state")
                .setParameter(1, incidentId).getResultList();
    }
}
