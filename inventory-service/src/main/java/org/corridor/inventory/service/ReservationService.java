package org.corridor.inventory.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.corridor.common.paging.PageResponse;
import org.corridor.common.persistence.QueryFilter;
import org.corridor.common.problem.ProblemException;
import org.corridor.common.time.DbClock;
import org.corridor.inventory.domain.LedgerEntryType;
import org.corridor.inventory.domain.Reservation;
import org.corridor.inventory.domain.ReservationLine;
import org.corridor.inventory.domain.ReservationStatus;
import org.corridor.inventory.domain.StockBalance;

/**
 * Reservations hold stock of lots for a plan, all or nothing. They never oversell: the balance rows of all the lots a
 * request names are locked ({@code SELECT ... FOR UPDATE}) in one stable order (lot ids sorted) before anything is
 * checked, so concurrent requests on the same lots queue up instead of both seeing the same availability, and can never
 * deadlock on each other.
 */
@ApplicationScoped
public class ReservationService {

    private final StockService stock;
    private final EntityManager em;

    public ReservationService(StockService stock, EntityManager em) {
        this.stock = stock;
        this.em = em;
    }

    public record Line(UUID lotId, long quantity) {
    }

    /** A line that could not be held, as given in the 409's {@code extensions.shortLines}. */
    public record ShortLine(UUID lotId, long requested, long available, String reason) {
    }

    @Transactional
    public ReservationView reserve(String reference, List<Line> lines) {
        Set<UUID> seen = new HashSet<>();
        for (Line l : lines) {
            if (!seen.add(l.lotId())) {
                throw ProblemException.badRequest("Lot " + l.lotId() + " appears on more than one line; "
                        + "give each lot once with its whole quantity");
            }
        }
        Map<UUID, StockBalance> balances = lockAll(lines.stream().map(Line::lotId).toList());
        List<ShortLine> shortLines = new ArrayList<>();
        for (Line l : lines) {
            StockBalance b = balances.get(l.lotId());
            boolean expired = b.lot.expiresOn != null && b.lot.expiresOn.isBefore(References.today());
            long available = expired ? 0 : b.available();
            if (l.quantity() > available) {
                shortLines.add(new ShortLine(l.lotId(), l.quantity(), available,
                        expired ? "EXPIRED" : "INSUFFICIENT_STOCK"));
            }
        }
        if (!shortLines.isEmpty()) {
            StringBuilder detail = new StringBuilder("Nothing was reserved: ");
            for (int i = 0; i < shortLines.size(); i++) {
                ShortLine s = shortLines.get(i);
                detail.append(i == 0 ? "" : "; ").append("lot ").append(s.lotId()).append(" has ")
                        .append(s.available()).append(" available, ").append(s.requested()).append(" requested")
                        .append("EXPIRED".equals(s.reason()) ? " (expired)" : "");
            }
            throw ProblemException.conflict("Insufficient stock", detail.toString(), Map.of("shortLines", shortLines));
        }
        Instant now = DbClock.now();
        Reservation r = new Reservation();
        r.id = UUID.randomUUID();
        r.reference = reference;
        r.status = ReservationStatus.HELD;
        r.createdAt = now;
        r.updatedAt = now;
        for (Line l : lines) {
            StockBalance b = balances.get(l.lotId());
            r.lines.add(new ReservationLine(l.lotId(), b.lot.itemCode, l.quantity()));
            stock.append(b, LedgerEntryType.RESERVATION, 0, l.quantity(), null, r.id, null, "reservation " + reference);
        }
        r.persist();
        em.flush();
        return ReservationView.of(r);
    }

    @Transactional
    public ReservationView get(UUID id) {
        Reservation r = Reservation.findById(id);
        if (r == null) {
            throw ProblemException.notFound("Reservation", id);
        }
        return ReservationView.of(r);
    }

    @Transactional
    public PageResponse<ReservationView> list(String reference, ReservationStatus status, int page, int size) {
        QueryFilter f = QueryFilter.create().eq("reference", reference).eq("status", status);
        return PageResponse.of(Reservation.find(f.where(), Sort.by("createdAt").and("id"), f.params()), page, size,
                ReservationView::of);
    }

    /** Whether a settlement issues stock out of the depot or gives it back to available stock. */
    public enum Kind {
        CONSUME, RELEASE
    }

    /**
     * Releases what is still held (RELEASE entries: it becomes available again). Without a reference it releases
     * everything still held and is idempotent by state; with a reference it releases the given lines (or, without
     * lines, everything still held) once per reference.
     */
    @Transactional
    public ReservationView release(UUID id, String reference, List<Line> lines) {
        return ReservationView.of(settle(id, Kind.RELEASE, reference, lines));
    }

    /** Consumes what is still held (ISSUE entries: the stock leaves the depot); as {@link #release}. */
    @Transactional
    public ReservationView consume(UUID id, String reference, List<Line> lines) {
        return ReservationView.of(settle(id, Kind.CONSUME, reference, lines));
    }

    private Reservation settle(UUID id, Kind kind, String reference, List<Line> lines) {
        Reservation r = lock(id);
        String verb = kind == Kind.CONSUME ? "consumed" : "released";
        if (reference != null) {
            String previous = settlementLines(r.id, kind, reference);
            if (previous != null) {
                if (lines != null && !previous.equals(canonical(lines))) {
                    throw ProblemException.unprocessable("Settlement reference reused",
                            "Reference " + reference + " already " + verb + " other lines of reservation " + id);
                }
                return r;
            }
        }
        List<Line> toSettle = lines;
        if (toSettle == null) {
            toSettle = r.lines.stream().filter(l -> l.held() > 0).map(l -> new Line(l.lotId, l.held())).toList();
            if (toSettle.isEmpty()) {
                long sameKind = r.lines.stream().mapToLong(l -> kind == Kind.CONSUME ? l.consumed : l.released).sum();
                if (sameKind > 0 && reference == null) {
                    return r; // a repeat of a whole settlement: nothing left, answer unchanged
                }
                throw ProblemException.conflict("Nothing held",
                        "Reservation " + id + " holds nothing any more (" + r.status + "): nothing can be " + verb);
            }
        }
        Map<UUID, ReservationLine> byLot = new HashMap<>();
        r.lines.forEach(l -> byLot.put(l.lotId, l));
        List<String> problems = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (Line l : toSettle) {
            ReservationLine held = byLot.get(l.lotId());
            if (!seen.add(l.lotId())) {
                throw ProblemException.badRequest("Lot " + l.lotId() + " appears on more than one line");
            } else if (held == null) {
                problems.add("lot " + l.lotId() + " is not part of the reservation");
            } else if (l.quantity() > held.held()) {
                problems.add("lot " + l.lotId() + " holds " + held.held() + ", " + l.quantity() + " asked");
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.conflict("Not held", "Nothing was " + verb + ": " + String.join("; ", problems));
        }
        Map<UUID, StockBalance> balances = lockAll(toSettle.stream().map(Line::lotId).toList());
        String of = r.reference + (reference == null ? "" : " (" + reference + ")");
        for (Line l : toSettle) {
            ReservationLine line = byLot.get(l.lotId());
            if (kind == Kind.CONSUME) {
                stock.append(balances.get(l.lotId()), LedgerEntryType.ISSUE, -l.quantity(), -l.quantity(), null,
                        r.id, null, "issue for reservation " + of);
                line.consumed += l.quantity();
            } else {
                stock.append(balances.get(l.lotId()), LedgerEntryType.RELEASE, 0, -l.quantity(), null, r.id, null,
                        "release of reservation " + of);
                line.released += l.quantity();
            }
        }
        if (reference != null) {
            em.createNativeQuery("INSERT INTO reservation_settlement "
                    + "(reservation_id, kind, reference, lines, settled_at) VALUES (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, r.id).setParameter(2, kind.name()).setParameter(3, reference)
                    .setParameter(4, canonical(toSettle)).setParameter(5, DbClock.now())
                    .executeUpdate();
        }
        return transition(r, statusOf(r));
    }

    private static ReservationStatus statusOf(Reservation r) {
        long held = 0;
        long consumed = 0;
        long released = 0;
        for (ReservationLine l : r.lines) {
            held += l.held();
            consumed += l.consumed;
            released += l.released;
        }
        if (held > 0) {
            return ReservationStatus.HELD;
        }
        if (released == 0) {
            return ReservationStatus.CONSUMED;
        }
        return consumed == 0 ? ReservationStatus.RELEASED : ReservationStatus.SETTLED;
    }

    private String settlementLines(UUID reservationId, Kind kind, String reference) {
        List<?> rows = em.createNativeQuery("SELECT lines FROM reservation_settlement "
                + "WHERE reservation_id = ?1 AND kind = ?2 AND reference = ?3")
                .setParameter(1, reservationId).setParameter(2, kind.name()).setParameter(3, reference)
                .getResultList();
        return rows.isEmpty() ? null : (String) rows.get(0);
    }

    /** The lines as sorted "lotId:quantity" text, to recognise a replay of the same settlement. */
    private static String canonical(List<Line> lines) {
        return lines.stream().sorted(Comparator.comparing(Line::lotId))
                .map(l -> l.lotId() + ":" + l.quantity()).collect(Collectors.joining(","));
    }

    private Reservation lock(UUID id) {
        Reservation r = em.find(Reservation.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw ProblemException.notFound("Reservation", id);
        }
        r.lines.size();
        return r;
    }

    private Reservation transition(Reservation r, ReservationStatus to) {
        r.status = to;
        r.updatedAt = DbClock.now();
        em.flush();
        return r;
    }

    /** Locks the balance rows of the lots in ascending id order; any unknown lot is a 422. */
    private Map<UUID, StockBalance> lockAll(List<UUID> lotIds) {
        List<UUID> sorted = lotIds.stream().distinct().sorted().toList();
        Map<UUID, StockBalance> locked = new HashMap<>();
        List<UUID> unknown = new ArrayList<>();
        for (UUID id : sorted) {
            StockBalance b = em.find(StockBalance.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (b == null) {
                unknown.add(id);
            } else {
                locked.put(id, b);
            }
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.unprocessable("Unknown lot", "lotId " + unknown
                    + (unknown.size() == 1 ? " is" : " are") + " not a stock lot (see GET /api/v1/stock)");
        }
        return locked;
    }
}
