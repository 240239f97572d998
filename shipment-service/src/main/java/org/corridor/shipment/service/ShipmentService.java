package org.corridor.shipment.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.corridor.common.paging.PageParams;
import org.corridor.common.paging.PageResponse;
import org.corridor.common.problem.ProblemException;
import org.corridor.shipment.domain.Shipment;
import org.corridor.shipment.domain.ShipmentLine;
import org.corridor.shipment.domain.ShipmentStatus;
import org.corridor.shipment.domain.StockState;

/** Creating and finding shipments. */
@ApplicationScoped
public class ShipmentService {

    /**
     * Records a new PLANNED shipment. {@code draft} carries the request's fields and lines (ids,
     * status and timestamps are set here). Refuses an arrival not after departure and a lot listed
     * twice. Several shipments may share one reservation (one per plan): each settles its own lines.
     */
    @Transactional
    public Shipment create(Shipment draft) {
        if (!draft.estimatedArrival.isAfter(draft.plannedDeparture)) {
            throw ProblemException.unprocessable("Arrival before departure",
                    "estimatedArrival " + draft.estimatedArrival + " must be after plannedDeparture " + draft.plannedDeparture);
        }
        Set<String> seen = new HashSet<>();
        for (ShipmentLine l : draft.lines) {
            if (!seen.add(l.itemCode + "/" + l.lotId)) {
                throw ProblemException.unprocessable("Duplicate line",
                        "Item " + l.itemCode + " from lot " + l.lotId + " is listed more than once; merge the lines");
            }
        }
        Instant now = Clock.now();
        draft.id = UUID.randomUUID();
        draft.status = ShipmentStatus.PLANNED;
        draft.stock = StockState.RESERVED;
        draft.plannedDeparture = Clock.micros(draft.plannedDeparture);
        draft.estimatedArrival = Clock.micros(draft.estimatedArrival);
        draft.createdAt = now;
        draft.updatedAt = now;
        int n = 0;
        for (ShipmentLine l : draft.lines) {
            l.id = UUID.randomUUID();
            l.shipment = draft;
            l.lineNo = ++n;
        }
        draft.persistAndFlush();
        return draft;
    }

    @Transactional
    public Shipment get(UUID id) {
        Shipment s = Shipment.findById(id);
        if (s == null) {
            throw ProblemException.notFound("Shipment", id);
        }
        return s;
    }

    /** One shipment, mapped inside the transaction (its lines load lazily). */
    @Transactional
    public <T> T get(UUID id, Function<Shipment, T> mapper) {
        return mapper.apply(get(id));
    }

    /** One page of {@link #find}, mapped inside the transaction. */
    @Transactional
    public <T> PageResponse<T> list(UUID planId, UUID incidentId, UUID siteId, ShipmentStatus status, Instant since,
            PageParams page, Function<Shipment, T> mapper) {
        return PageResponse.of(find(planId, incidentId, siteId, status, since), page, mapper);
    }

    /** Shipments matching every given filter, oldest change first ({@code since}: changed strictly after). */
    public PanacheQuery<Shipment> find(UUID planId, UUID incidentId, UUID siteId, ShipmentStatus status, Instant since) {
        StringBuilder q = new StringBuilder("1 = 1");
        Parameters p = new Parameters();
        if (planId != null) {
            q.append(" and planId = :planId");
            p.and("planId", planId);
        }
        if (incidentId != null) {
            q.append(" and incidentId = :incidentId");
            p.and("incidentId", incidentId);
        }
        if (siteId != null) {
            q.append(" and siteId = :siteId");
            p.and("siteId", siteId);
        }
        if (status != null) {
            q.append(" and status = :status");
            p.and("status", status);
        }
        if (since != null) {
            q.append(" and updatedAt > :since");
            p.and("since", since);
        }
        return Shipment.find(q.toString(), Sort.by("updatedAt").and("id"), p);
    }
}
