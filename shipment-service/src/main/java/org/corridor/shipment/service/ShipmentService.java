package org.corridor.shipment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.corridor.common.paging.PageParams;
import org.corridor.common.paging.PageResponse;
import org.corridor.common.persistence.QueryFilter;
import org.corridor.common.problem.ProblemException;
import org.corridor.common.time.DbClock;
import org.corridor.shipment.domain.Shipment;
import org.corridor.shipment.domain.ShipmentLine;
import org.corridor.shipment.domain.ShipmentLineRow;
import org.corridor.shipment.domain.ShipmentRow;
import org.corridor.shipment.domain.ShipmentStatus;
import org.corridor.shipment.domain.StockState;
import org.corridor.shipment.domain.TransportMode;

/** Creating and finding shipments. */
@ApplicationScoped
public class ShipmentService {

    /** A shipment of an approved plan, as asked for; display fields may be null. */
    public record NewShipment(UUID planId, UUID originDepotId, String originCountryCode, UUID siteId, String siteName,
            String destinationCountryCode, UUID incidentId, TransportMode mode, Integer vehicles, List<NewLine> lines,
            Instant plannedDeparture, Instant estimatedArrival, UUID reservationId) {
    }

    /** One lot a new shipment carries. */
    public record NewLine(String itemCode, UUID lotId, int quantity, double weightKg) {
    }

    /**
     * Records a new PLANNED shipment. Refuses an arrival not after departure and a lot listed twice. Several shipments
     * may share one reservation (one per plan): each settles its own lines.
     */
    @Transactional
    public ShipmentView create(NewShipment n) {
        if (!n.estimatedArrival().isAfter(n.plannedDeparture())) {
            throw ProblemException.unprocessable("Arrival before departure",
                    "estimatedArrival " + n.estimatedArrival() + " must be after plannedDeparture "
                            + n.plannedDeparture());
        }
        Instant now = DbClock.now();
        Shipment s = new Shipment();
        s.id = UUID.randomUUID();
        s.planId = n.planId();
        s.originDepotId = n.originDepotId();
        s.originCountryCode = n.originCountryCode();
        s.siteId = n.siteId();
        s.siteName = n.siteName() == null || n.siteName().isBlank() ? null : n.siteName().strip();
        s.destinationCountryCode = n.destinationCountryCode();
        s.incidentId = n.incidentId();
        s.mode = n.mode();
        s.vehicles = n.vehicles();
        s.plannedDeparture = DbClock.micros(n.plannedDeparture());
        s.estimatedArrival = DbClock.micros(n.estimatedArrival());
        s.reservationId = n.reservationId();
        s.status = ShipmentStatus.PLANNED;
        s.stock = StockState.RESERVED;
        s.createdAt = now;
        s.updatedAt = now;
        Set<String> seen = new HashSet<>();
        for (NewLine l : n.lines()) {
            ShipmentLine line = new ShipmentLine();
            line.id = UUID.randomUUID();
            line.shipment = s;
            line.lineNo = s.lines.size() + 1;
            line.itemCode = l.itemCode().strip();
            line.lotId = l.lotId();
            line.quantity = l.quantity();
            line.weightKg = l.weightKg();
            if (!seen.add(line.itemCode + "/" + line.lotId)) {
                throw ProblemException.unprocessable("Duplicate line",
                        "Item " + line.itemCode + " from lot " + line.lotId
                                + " is listed more than once; merge the lines");
            }
            s.lines.add(line);
        }
        s.persistAndFlush();
        return ShipmentView.of(s);
    }

    @Transactional
    public ShipmentView get(UUID id) {
        Shipment s = Shipment.findById(id);
        if (s == null) {
            throw ProblemException.notFound("Shipment", id);
        }
        return ShipmentView.of(s);
    }

    /**
     * One page of the shipments matching every given filter (a null filter is left out), ordered by {@code updatedAt}
     * then id, so that pages never overlap or skip while nothing changes. {@code since}: changed strictly after it;
     * with {@code sinceId} as well, changed after the position ({@code since}, {@code sinceId}) in that order, i.e.
     * also changed exactly at {@code since} with a greater id (a keyset cursor: the last shipment a reader processed).
     * Reads the page with one query for the shipments, one for all their lines and, unless the page is the last one and
     * not empty, one count, whatever the page size, as records straight from SQL ({@link ShipmentRow},
     * {@link ShipmentLineRow}): no entity is built. Without lines ({@code withLines} false) each shipment carries only
     * their count and total weight, from one aggregate statement instead of the lines (a sweep that needs ids and
     * statuses does not read thousands of lines).
     */
    @Transactional
    public PageResponse<ShipmentView> list(UUID planId, UUID incidentId, UUID siteId, ShipmentStatus status,
            Instant since, UUID sinceId, PageParams page, boolean withLines) {
        Filter f = filter(planId, incidentId, siteId, status, since, sinceId);
        long first = (long) page.page * page.size;
        List<ShipmentRow> rows = first > Integer.MAX_VALUE - page.size
                ? List.of()
                : ShipmentRow.page(f.where(), f.params(), (int) first, page.size);
        List<UUID> ids = rows.stream().map(ShipmentRow::id).toList();
        List<ShipmentView> items;
        if (withLines) {
            Map<UUID, List<ShipmentLineRow>> lines = ShipmentLineRow.byShipment(ids);
            items = rows.stream().map(s -> ShipmentView.of(s, lines.get(s.id()))).toList();
        } else {
            Map<UUID, ShipmentLineRow.Totals> totals = ShipmentLineRow.totalsByShipment(ids);
            items = rows.stream().map(s -> ShipmentView.summary(s, totals.get(s.id()))).toList();
        }
        return new PageResponse<>(items, page.page, page.size, total(f, first, rows.size(), page.size));
    }

    /**
     * The number of matching shipments. A page that holds something but is not full is the last one, so the total is
     * known without counting (a dashboard's usual page: everything fits); a full or empty page needs the count.
     */
    private static long total(Filter f, long first, int read, int size) {
        return read > 0 && read < size ? first + read : ShipmentRow.count(f.where(), f.params());
    }

    /** Shipments read per round trip when the whole list is streamed, and whose lines are read with one query. */
    static final int STREAM_CHUNK = 500;

    /**
     * Every shipment matching the filters of {@link #list} (page and size aside), in the same order, handed one by one
     * to {@code sink} with its lines: one database cursor reads the shipments {@value #STREAM_CHUNK} at a time (a
     * single statement, so a consistent snapshot), and the lines of each chunk come with one query. Both are read as
     * records (nothing is kept in the persistence context), so an export of any size holds one chunk in memory.
     */
    @Transactional
    public void forEachShipment(UUID planId, UUID incidentId, UUID siteId, ShipmentStatus status, Instant since,
            UUID sinceId, Consumer<ShipmentView> sink) {
        Filter f = filter(planId, incidentId, siteId, status, since, sinceId);
        List<ShipmentRow> chunk = new ArrayList<>(STREAM_CHUNK);
        try (Stream<ShipmentRow> shipments = ShipmentRow.stream(f.where(), f.params(), STREAM_CHUNK)) {
            shipments.forEach(s -> {
                chunk.add(s);
                if (chunk.size() == STREAM_CHUNK) {
                    handOver(chunk, sink);
                }
            });
        }
        handOver(chunk, sink);
    }

    private static void handOver(List<ShipmentRow> chunk, Consumer<ShipmentView> sink) {
        Map<UUID, List<ShipmentLineRow>> lines = ShipmentLineRow.byShipment(chunk.stream().map(ShipmentRow::id)
                .toList());
        for (ShipmentRow s : chunk) {
            sink.accept(ShipmentView.of(s, lines.get(s.id())));
        }
        chunk.clear();
    }

    /** A JPQL condition on Shipment's attributes and its named parameters. */
    private record Filter(String where, Map<String, Object> params) {
    }

    /** The condition of the list's filters, refusing {@code sinceId} without {@code since}. */
    private static Filter filter(UUID planId, UUID incidentId, UUID siteId, ShipmentStatus status, Instant since,
            UUID sinceId) {
        if (sinceId != null && since == null) {
            throw ProblemException.badRequest("Query parameter sinceId needs since: together they name the last "
                    + "shipment already read (its updatedAt and id)");
        }
        QueryFilter f = QueryFilter.create().eq("planId", planId).eq("incidentId", incidentId).eq("siteId", siteId)
                .eq("status", status).cond("updatedAt > ?", sinceId == null ? since : null);
        String where = f.where();
        Map<String, Object> params = new HashMap<>(f.params().map());
        if (sinceId != null) {
            where += " and (updatedAt > :since or (updatedAt = :since and id > :sinceId))";
            params.put("since", since);
            params.put("sinceId", sinceId);
        }
        return new Filter(where, params);
    }
}
