package org.corridor.inventory.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.corridor.common.problem.ProblemException;
import org.corridor.inventory.domain.LedgerEntryType;
import org.corridor.inventory.domain.Reservation;
import org.corridor.inventory.domain.ReservationLine;
import org.corridor.inventory.domain.ReservationStatus;
import org.corridor.inventory.domain.StockBalance;

/**
 * Reservations hold stock of lots for a plan, all or nothing. They never oversell: the balance rows
 * of all the lots a request names are locked ({@code SELECT ... FOR UPDATE}) in one stable order
 * (lot ids sorted) before anything is checked, so concurrent requests on the same lots queue up
 * instead of both seeing the same availability, and can never deadlock on each other.
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
    public Reservation reserve(String reference, List<Line> lines) {
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
                shortLines.add(new ShortLine(l.lotId(), l.quantity(), available, expired ? "EXPIRED" : "INSUFFICIENT_STOCK"));
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
        Instant now = References.now();
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
        return r;
    }

    @Transactional
    public Reservation get(UUID id) {
        Reservation r = Reservation.findById(id);
        if (r == null) {
            throw ProblemException.notFound("Reservation", id);
        }
        r.lines.size();
        return r;
    }

    public PanacheQuery<Reservation> list(String reference, ReservationStatus status) {
        Filter f = new Filter().eq("reference", reference).eq("status", status);
        return Reservation.find(f.where(), Sort.by("createdAt").and("id"), f.params());
    }

    /** HELD to RELEASED: the held quantities become available again. Idempotent. */
    @Transactional
    public Reservation release(UUID id) {
        Reservation r = lock(id);
        switch (r.status) {
            case RELEASED -> {
                return r;
            }
            case CONSUMED -> throw ProblemException.conflict("Reservation already consumed",
                    "Reservation " + id + " was consumed: its stock has left the depot and cannot be released");
            case HELD -> {
                Map<UUID, StockBalance> balances = lockAll(r.lines.stream().map(l -> l.lotId).toList());
                for (ReservationLine l : r.lines) {
                    stock.append(balances.get(l.lotId), LedgerEntryType.RELEASE, 0, -l.quantity, null, r.id, null,
                            "release of reservation " + r.reference);
                }
                return transition(r, ReservationStatus.RELEASED);
            }
            default -> throw new IllegalStateException("unknown status " + r.status);
        }
    }

    /** HELD to CONSUMED: the held quantities are issued out of the depot (ISSUE entries). Idempotent. */
    @Transactional
    public Reservation consume(UUID id) {
        Reservation r = lock(id);
        switch (r.status) {
            case CONSUMED -> {
                return r;
            }
            case RELEASED -> throw ProblemException.conflict("Reservation already released",
                    "Reservation " + id + " was released: its stock is no longer held; make a new reservation");
            case HELD -> {
                Map<UUID, StockBalance> balances = lockAll(r.lines.stream().map(l -> l.lotId).toList());
                for (ReservationLine l : r.lines) {
                    stock.append(balances.get(l.lotId), LedgerEntryType.ISSUE, -l.quantity, -l.quantity, null, r.id, null,
                            "issue for reservation " + r.reference);
                }
                return transition(r, ReservationStatus.CONSUMED);
            }
            default -> throw new IllegalStateException("unknown status " + r.status);
        }
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
        r.updatedAt = References.now();
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
            throw ProblemException.unprocessable("Unknown lot", "lotId " + unknown + (unknown.size() == 1 ? " is" : " are")
                    + " not a stock lot (see GET /api/v1/stock)");
        }
        return locked;
    }
}
