package org.corridor.inventory.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
import org.corridor.inventory.domain.SettlementKind;

/**
 * Reservations hold stock of lots for a plan, all or nothing, and are settled (consumed or released) part by part, one
 * shipment at a time. They never oversell: the balance rows of all the lots a request names are locked in one statement
 * in lot-id order ({@link LotBatch}) before anything is checked, so concurrent requests on the same lots queue up
 * instead of both seeing the same availability, and can never deadlock on each other. A request may name up to 10,000
 * lines; its ledger entries are written in batches.
 */
@ApplicationScoped
public class ReservationService {

    /** How many short lines a refusal's detail names; {@code extensions.shortLines} lists them all. */
    static final int DETAIL_LINES = 10;

    /** Reference of the release a hand-over records on each source reservation, followed by the new reservation id. */
    public static final String HAND_OVER_PREFIX = "handover-";

    private final LotBatch batch;
    private final EntityManager em;

    public ReservationService(LotBatch batch, EntityManager em) {
        this.batch = batch;
        this.em = em;
    }

    public record Line(UUID lotId, long quantity) {
    }

    /**
     * A reservation whose units a new reservation takes over: {@code lines} are released from it in the new hold's
     * transaction.
     */
    public record Source(UUID reservationId, List<Line> lines) {
    }

    /**
     * A line that could not be held, as given in the 409's {@code extensions.shortLines}. {@code reservationId} is set
     * only for a line of a source reservation ({@code releasing}) that does not hold what was asked; {@code available}
     * is then what that reservation still holds of the lot.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ShortLine(UUID lotId, long requested, long available, String reason, UUID reservationId) {

        ShortLine(UUID lotId, long requested, long available, String reason) {
            this(lotId, requested, available, reason, null);
        }
    }

    @Transactional
    public ReservationView reserve(String reference, List<Line> lines) {
        return reserve(reference, lines, List.of());
    }

    /**
     * Holds {@code lines} for a new reservation, all or nothing, after releasing the given units of the
     * {@code releasing} reservations in the same transaction (a hand-over): the released units count as available for
     * the new hold and are never free for anybody else in between. Locks, in this order, the source reservations' rows
     * (in id order) and then the balance rows of every lot named anywhere in one statement ({@link LotBatch#lock}) --
     * the order a release or consume takes (reservation, then its lots) -- so it cannot deadlock with them or with
     * plain reservations. If a source does not hold what is asked of it, or a new line is short, nothing happens (409
     * naming every short line). Each source's release is recorded like a normal release, under the reference
     * {@code handover-<new reservation id>}.
     */
    @Transactional
    public ReservationView reserve(String reference, List<Line> lines, List<Source> releasing) {
        requireDistinctLots(lines);
        List<Reservation> sources = lockSources(releasing);
        Set<UUID> lotIds = new LinkedHashSet<>();
        releasing.forEach(src -> src.lines().forEach(l -> lotIds.add(l.lotId())));
        lines.forEach(l -> lotIds.add(l.lotId()));
        Map<UUID, LotBatch.LockedLot> lots = batch.lock(lotIds);
        List<ShortLine> shortLines = new ArrayList<>();
        Map<UUID, Long> freed = new HashMap<>();
        List<Map<UUID, ReservationLine>> sourceLines = new ArrayList<>(sources.size());
        for (int i = 0; i < sources.size(); i++) {
            Reservation r = sources.get(i);
            Map<UUID, ReservationLine> byLot = new HashMap<>();
            r.lines.forEach(l -> byLot.put(l.lotId, l));
            sourceLines.add(byLot);
            for (Line l : releasing.get(i).lines()) {
                ReservationLine line = byLot.get(l.lotId());
                long held = line == null ? 0 : line.held();
                if (l.quantity() > held) {
                    shortLines.add(new ShortLine(l.lotId(), l.quantity(), held,
                            line == null ? "NOT_IN_RESERVATION" : "NOT_HELD", r.id));
                }
                freed.merge(l.lotId(), Math.min(l.quantity(), held), Long::sum);
            }
        }
        for (Line l : lines) {
            LotBatch.LockedLot lot = lots.get(l.lotId());
            long available = lot.expired() ? 0 : lot.available() + freed.getOrDefault(l.lotId(), 0L);
            if (l.quantity() > available) {
                shortLines.add(new ShortLine(l.lotId(), l.quantity(), available,
                        lot.expired() ? "EXPIRED" : "INSUFFICIENT_STOCK"));
            }
        }
        if (!shortLines.isEmpty()) {
            throw ProblemException.conflict("Insufficient stock", shortDetail(shortLines, !sources.isEmpty()),
                    Map.of("shortLines", shortLines));
        }
        Instant now = DbClock.now();
        Reservation r = new Reservation();
        r.id = UUID.randomUUID();
        r.reference = reference;
        r.status = ReservationStatus.HELD;
        r.createdAt = now;
        r.updatedAt = now;
        String handOver = HAND_OVER_PREFIX + r.id;
        for (int i = 0; i < sources.size(); i++) {
            Reservation source = sources.get(i);
            List<Line> asked = releasing.get(i).lines();
            List<Long> settled = asked.stream().map(Line::quantity).toList();
            apply(source, SettlementKind.RELEASE, handOver, asked, settled, sourceLines.get(i), lots);
            source.status = statusOf(source);
            source.updatedAt = now;
            Settlements.record(em, source.id, SettlementKind.RELEASE, handOver, asked, settled);
        }
        List<LotBatch.Move> moves = new ArrayList<>(lines.size());
        for (Line l : lines) {
            LotBatch.LockedLot lot = lots.get(l.lotId());
            r.lines.add(new ReservationLine(l.lotId(), lot.itemCode(), l.quantity()));
            moves.add(new LotBatch.Move(lot, 0, l.quantity()));
        }
        String note = "reservation " + reference + (sources.isEmpty() ? "" : " (hand-over)");
        batch.append(moves, LedgerEntryType.RESERVATION, r.id, note);
        r.persist();
        em.flush();
        return ReservationView.of(r);
    }

    /**
     * Locks the source reservations of a hand-over, one by one in id order (the only request that locks several
     * reservations, so they always queue in the same order), with their lines; 400 for a reservation or a lot given
     * twice, 422 for an unknown reservation.
     */
    private List<Reservation> lockSources(List<Source> releasing) {
        Set<UUID> seen = new HashSet<>();
        for (Source src : releasing) {
            if (!seen.add(src.reservationId())) {
                throw ProblemException.badRequest("Reservation " + src.reservationId()
                        + " appears more than once in releasing; give each reservation once with all its lines");
            }
            requireDistinctLots(src.lines());
        }
        Map<UUID, Reservation> locked = new HashMap<>();
        for (UUID id : seen.stream().sorted().toList()) {
            Reservation r = em.find(Reservation.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (r == null) {
                throw ProblemException.unprocessable("Unknown reservation",
                        "releasing names reservation " + id + ", which does not exist (see GET /api/v1/reservations)");
            }
            r.lines.size();
            locked.put(id, r);
        }
        return releasing.stream().map(src -> locked.get(src.reservationId())).toList();
    }

    private static String shortDetail(List<ShortLine> shortLines, boolean handOver) {
        StringBuilder detail = new StringBuilder(
                handOver ? "Nothing was released or reserved: " : "Nothing was reserved: ");
        for (int i = 0; i < Math.min(shortLines.size(), DETAIL_LINES); i++) {
            ShortLine s = shortLines.get(i);
            detail.append(i == 0 ? "" : "; ");
            if (s.reservationId() != null) {
                detail.append("reservation ").append(s.reservationId()).append(" holds ").append(s.available())
                        .append(" of lot ").append(s.lotId()).append(", ").append(s.requested())
                        .append(" to release");
                continue;
            }
            detail.append("lot ").append(s.lotId()).append(" has ").append(s.available())
                    .append(handOver ? " available (counting the units released)" : " available").append(", ")
                    .append(s.requested()).append(" requested")
                    .append("EXPIRED".equals(s.reason()) ? " (expired)" : "");
        }
        if (shortLines.size() > DETAIL_LINES) {
            detail.append("; and ").append(shortLines.size() - DETAIL_LINES)
                    .append(" more short lines (see extensions.shortLines)");
        }
        return detail.toString();
    }

    @Transactional
    public ReservationView get(UUID id) {
        Reservation r = Reservation.findById(id);
        if (r == null) {
            throw ProblemException.notFound("Reservation", id);
        }
        return ReservationView.of(r);
    }

    /**
     * Reservations oldest first (created, then id), with an exact reference, a reference prefix (taken literally:
     * LIKE's wildcards in it are escaped) and/or a status.
     */
    @Transactional
    public PageResponse<ReservationView> list(String reference, String referencePrefix, ReservationStatus status,
            int page, int size) {
        String like = referencePrefix == null || referencePrefix.isEmpty() ? null : likePrefix(referencePrefix);
        QueryFilter f = QueryFilter.create().eq("reference", reference).cond("reference like ? escape '!'", like)
                .eq("status", status);
        return PageResponse.of(Reservation.find(f.where(), Sort.by("createdAt").and("id"), f.params()), page, size,
                ReservationView::of);
    }

    /** {@code prefix} as a LIKE pattern matching exactly the texts that start with it ({@code !} escapes). */
    static String likePrefix(String prefix) {
        return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    /**
     * Gives held stock back to available stock (RELEASE entries). Per line it releases what was asked but at most what
     * is still held, and never fails because stock is no longer held: a reservation that holds nothing any more
     * releases nothing and answers 200. Without lines it releases everything still held. With a reference it happens
     * once: the same reference again answers the first outcome.
     */
    @Transactional
    public SettlementView release(UUID id, String reference, List<Line> lines) {
        return settle(id, SettlementKind.RELEASE, reference, lines);
    }

    /**
     * Issues held stock out of the depot (ISSUE entries). Strict: goods that are not held cannot be dispatched, so
     * asking for more than a line holds is a 409 and changes nothing. Without lines it consumes everything still held;
     * with a reference it happens once, as {@link #release}.
     */
    @Transactional
    public SettlementView consume(UUID id, String reference, List<Line> lines) {
        return settle(id, SettlementKind.CONSUME, reference, lines);
    }

    private SettlementView settle(UUID id, SettlementKind kind, String reference, List<Line> lines) {
        Reservation r = lock(id);
        String verb = kind == SettlementKind.CONSUME ? "consumed" : "released";
        if (reference != null) {
            Settlements.Stored previous = Settlements.find(em, r.id, kind, reference);
            if (previous != null) {
                if (lines != null && !previous.lines().equals(Settlements.canonical(lines))) {
                    throw ProblemException.unprocessable("Settlement reference reused",
                            "Reference " + reference + " already " + verb + " other lines of reservation " + id);
                }
                return new SettlementView(ReservationView.of(r), kind, reference, true, previous.outcome(kind));
            }
        }
        if (lines != null) {
            requireDistinctLots(lines);
        }
        Map<UUID, ReservationLine> byLot = new HashMap<>();
        r.lines.forEach(l -> byLot.put(l.lotId, l));
        List<Line> asked = lines != null
                ? lines
                : r.lines.stream().filter(l -> l.held() > 0).map(l -> new Line(l.lotId, l.held())).toList();
        requireHeldBy(r, kind, asked, byLot, verb);
        if (kind == SettlementKind.CONSUME && asked.isEmpty()) {
            long consumed = r.lines.stream().mapToLong(l -> l.consumed).sum();
            if (consumed > 0 && reference == null) {
                // a repeat of a whole consumption: nothing left, answer unchanged
                return new SettlementView(ReservationView.of(r), kind, null, false, List.of());
            }
            throw ProblemException.conflict("Nothing held",
                    "Reservation " + id + " holds nothing any more (" + r.status + "): nothing can be consumed");
        }
        // a consumption was checked to be held in full; a release gives back at most what is held
        List<Long> settled = asked.stream().map(l -> kind == SettlementKind.CONSUME
                ? l.quantity()
                : Math.min(l.quantity(), byLot.get(l.lotId()).held())).toList();
        if (apply(r, kind, reference, asked, settled, byLot, null)) {
            r.status = statusOf(r);
            r.updatedAt = DbClock.now();
        }
        if (reference != null) {
            Settlements.record(em, r.id, kind, reference, asked, settled);
        }
        em.flush();
        List<SettlementView.Line> outcome = new ArrayList<>(asked.size());
        for (int i = 0; i < asked.size(); i++) {
            outcome.add(Settlements.line(asked.get(i).lotId(), asked.get(i).quantity(), settled.get(i), kind));
        }
        outcome.sort(Settlements.BY_LOT);
        return new SettlementView(ReservationView.of(r), kind, reference, false, outcome);
    }

    /**
     * Every asked lot must be a line of the reservation (409 otherwise, for both kinds); a consumption must also find
     * each quantity held (409, nothing consumed).
     */
    private static void requireHeldBy(Reservation r, SettlementKind kind, List<Line> asked,
            Map<UUID, ReservationLine> byLot, String verb) {
        List<String> problems = new ArrayList<>();
        boolean foreign = false;
        for (Line l : asked) {
            ReservationLine line = byLot.get(l.lotId());
            if (line == null) {
                foreign = true;
                problems.add("lot " + l.lotId() + " is not part of the reservation");
            } else if (kind == SettlementKind.CONSUME && l.quantity() > line.held()) {
                problems.add("lot " + l.lotId() + " holds " + line.held() + ", " + l.quantity() + " asked");
            }
        }
        if (!problems.isEmpty()) {
            String shown = problems.stream().limit(DETAIL_LINES).collect(Collectors.joining("; "))
                    + (problems.size() > DETAIL_LINES ? "; and " + (problems.size() - DETAIL_LINES) + " more" : "");
            throw ProblemException.conflict(foreign ? "Lot not in reservation" : "Not held",
                    "Nothing was " + verb + " of reservation " + r.id + ": " + shown);
        }
    }

    /**
     * Writes the ledger entries of the non-zero quantities and moves the lines' consumed or released quantities;
     * answers whether anything moved. The lots are locked here unless the caller already holds them ({@code locked}).
     */
    private boolean apply(Reservation r, SettlementKind kind, String reference, List<Line> asked, List<Long> settled,
            Map<UUID, ReservationLine> byLot, Map<UUID, LotBatch.LockedLot> locked) {
        List<UUID> moving = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            if (settled.get(i) > 0) {
                moving.add(asked.get(i).lotId());
            }
        }
        if (moving.isEmpty()) {
            return false;
        }
        Map<UUID, LotBatch.LockedLot> lots = locked != null ? locked : batch.lock(moving);
        List<LotBatch.Move> moves = new ArrayList<>(moving.size());
        for (int i = 0; i < asked.size(); i++) {
            long q = settled.get(i);
            if (q == 0) {
                continue;
            }
            UUID lotId = asked.get(i).lotId();
            ReservationLine line = byLot.get(lotId);
            if (kind == SettlementKind.CONSUME) {
                moves.add(new LotBatch.Move(lots.get(lotId), -q, -q));
                line.consumed += q;
            } else {
                moves.add(new LotBatch.Move(lots.get(lotId), 0, -q));
                line.released += q;
            }
        }
        String of = r.reference + (reference == null ? "" : " (" + reference + ")");
        if (kind == SettlementKind.CONSUME) {
            batch.append(moves, LedgerEntryType.ISSUE, r.id, "issue for reservation " + of);
        } else {
            batch.append(moves, LedgerEntryType.RELEASE, r.id, "release of reservation " + of);
        }
        return true;
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
        return consumed == 0 ? ReservationStatus.RELEASED : ReservationStatus.PARTIAL;
    }

    private static void requireDistinctLots(List<Line> lines) {
        Set<UUID> seen = new HashSet<>();
        for (Line l : lines) {
            if (!seen.add(l.lotId())) {
                throw ProblemException.badRequest("Lot " + l.lotId() + " appears on more than one line; "
                        + "give each lot once with its whole quantity");
            }
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
}
