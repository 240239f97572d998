package org.corridor.shipment.domain;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A shipment's columns read straight from SQL as a record, for the reads dashboards poll (the list and its CSV): no
 * entity is built, tracked or dirty-checked, which was most of the cost of a page of shipments. Writes go through
 * {@link Shipment}; this is a read-only view of the same row, settlement columns flattened.
 */
public record ShipmentRow(UUID id, UUID planId, UUID incidentId, UUID originDepotId, String originCountryCode,
        UUID siteId, String siteName, String destinationCountryCode, TransportMode mode, Integer vehicles,
        Instant plannedDeparture, Instant estimatedArrival, UUID reservationId, ShipmentStatus status,
        StockState stock, SettlementOperation settlementOperation, int settlementAttempts,
        Instant settlementLastAttemptAt, Instant settlementNextAttemptAt, Instant settlementSettledAt,
        String settlementNote, UUID settlementHandedOverTo, Instant dispatchedAt, String podReceivedBy,
        Instant podReceivedAt, Instant createdAt, Instant updatedAt) {

    private static final String SELECT = "select new " + ShipmentRow.class.getName() + "(id, planId, incidentId, "
            + "originDepotId, originCountryCode, siteId, siteName, destinationCountryCode, mode, vehicles, "
            + "plannedDeparture, estimatedArrival, reservationId, status, stock, stockSettlement.operation, "
            + "stockSettlement.attempts, stockSettlement.lastAttemptAt, stockSettlement.nextAttemptAt, "
            + "stockSettlement.settledAt, stockSettlement.note, stockSettlement.handedOverTo, dispatchedAt, "
            + "podReceivedBy, podReceivedAt, createdAt, updatedAt) from Shipment where ";

    /** The list order: oldest change first, ties broken by id. */
    private static final String ORDER = " order by updatedAt, id";

    /**
     * The shipments matching the JPQL condition {@code where} (on Shipment's attributes, unqualified) in the list
     * order, rows {@code first} to {@code first + max - 1}: one statement.
     */
    public static List<ShipmentRow> page(String where, Map<String, Object> params, int first, int max) {
        TypedQuery<ShipmentRow> q = query(where, params);
        return q.setFirstResult(first).setMaxResults(max).getResultList();
    }

    /**
     * Every shipment matching {@code where}, in the list order, from one database cursor reading {@code fetchSize} rows
     * per round trip (one statement, so one consistent snapshot). Close the stream.
     */
    public static Stream<ShipmentRow> stream(String where, Map<String, Object> params, int fetchSize) {
        return query(where, params).setHint("org.hibernate.fetchSize", fetchSize).getResultStream();
    }

    /** How many shipments match {@code where}: one statement. */
    public static long count(String where, Map<String, Object> params) {
        TypedQuery<Long> q = em().createQuery("select count(*) from Shipment where " + where, Long.class);
        params.forEach(q::setParameter);
        return q.getSingleResult();
    }

    private static TypedQuery<ShipmentRow> query(String where, Map<String, Object> params) {
        TypedQuery<ShipmentRow> q = em().createQuery(SELECT + where + ORDER, ShipmentRow.class);
        params.forEach(q::setParameter);
        return q;
    }

    private static EntityManager em() {
        return Shipment.getEntityManager();
    }
}
