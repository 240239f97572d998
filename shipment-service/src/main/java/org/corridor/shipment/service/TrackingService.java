package org.corridor.shipment.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.corridor.common.paging.PageParams;
import org.corridor.common.paging.PageResponse;
import org.corridor.common.problem.ProblemException;
import org.corridor.common.time.DbClock;
import org.corridor.shipment.config.ShipmentConfig;
import org.corridor.shipment.domain.EventType;
import org.corridor.shipment.domain.Shipment;
import org.corridor.shipment.domain.ShipmentEvent;
import org.corridor.shipment.domain.ShipmentLine;
import org.corridor.shipment.domain.ShipmentStatus;
import org.corridor.shipment.domain.StockEffect;
import org.corridor.shipment.domain.StockState;
import org.corridor.shipment.domain.Transitions;

/**
 * Tracking events and proof of delivery: the shipment state machine ({@link Transitions}) and its effects on stock in
 * inventory-service.
 * <p>
 * Each change locks the shipment row ({@code SELECT ... FOR UPDATE}) for the whole transaction, so concurrent events on
 * one shipment are applied one after the other and each sees the status the previous one left. The stock effect is
 * called inside that transaction ({@link StockSettlementService}): a dispatch that inventory-service refuses or cannot
 * take rolls back and records no event; a cancellation before dispatch is always recorded, with its release done,
 * pending (retried in the background) or refused, as the shipment's {@code stock} says. If our commit failed after
 * inventory answered, a retry calls the same idempotent inventory operation again and gets the same answer.
 */
@ApplicationScoped
public class TrackingService {

    /**
     * A new tracking event, as asked for; {@code stockHandedOverTo} (CANCELLED of a PLANNED shipment only) names the
     * reservation that took the shipment's units over, so that nothing is released.
     */
    public record NewEvent(EventType type, Instant at, String location, Double latitude, Double longitude,
            String note, UUID stockHandedOverTo) {

        public NewEvent(EventType type, Instant at, String location, Double latitude, Double longitude, String note) {
            this(type, at, location, latitude, longitude, note, null);
        }
    }

    /** The recorded event; {@code created} is false when the request repeated the shipment's latest event. */
    public record Outcome(EventView event, boolean created) {
    }

    /** A proof of delivery, as given: who received the goods, when, and per shipped line what was accepted. */
    public record NewProofOfDelivery(String receivedBy, Instant receivedAt, List<DeliveredLine> lines) {
    }

    /** One line of a proof of delivery. */
    public record DeliveredLine(String itemCode, UUID lotId, int accepted, int rejected, String rejectionReason) {
    }

    /** A proof of delivery; {@code created} is false when the same proof was already recorded. */
    public record PodOutcome(ProofOfDeliveryView proof, boolean created) {
    }

    private final StockSettlementService settlements;
    private final ShipmentConfig config;

    public TrackingService(StockSettlementService settlements, ShipmentConfig config) {
        this.settlements = settlements;
        this.config = config;
    }

    @Transactional
    public Outcome post(UUID shipmentId, NewEvent e) {
        if (e.stockHandedOverTo() != null && e.type() != EventType.CANCELLED) {
            throw ProblemException.badRequest("stockHandedOverTo is only for a CANCELLED event (of a PLANNED shipment "
                    + "whose units a re-plan's approval handed over to another reservation), not for " + e.type()
                    + "; leave it out");
        }
        Shipment s = lock(shipmentId);
        Instant at = DbClock.micros(e.at());
        Optional<ShipmentEvent> last = ShipmentEvent.latest(shipmentId);
        if (last.isPresent() && repeats(last.get(), e, at)) {
            return new Outcome(EventView.of(last.get()), false);
        }
        if (!Transitions.isAllowed(s.status, e.type())) {
            throw illegal(s, e.type().name() + " cannot follow " + s.status);
        }
        if (e.stockHandedOverTo() != null) {
            requireHandOverPossible(s, e.stockHandedOverTo());
        }
        if (e.type() == EventType.DELIVERED) {
            throw ProblemException.unprocessable("Proof of delivery required",
                    "A shipment becomes DELIVERED by recording its proof of delivery: POST /api/v1/shipments/"
                            + shipmentId + "/proof-of-delivery with the accepted and rejected quantities");
        }
        checkTime(s, last, at, "at");
        StockEffect effect = applyStockEffect(s, e.type(), at, e.stockHandedOverTo());
        ShipmentEvent recorded = append(s, e.type(), at, e.location(), e.latitude(), e.longitude(), e.note(), effect);
        recorded.stockHandedOverTo = effect == StockEffect.STOCK_HANDED_OVER ? e.stockHandedOverTo() : null;
        return new Outcome(EventView.of(recorded), true);
    }

    /** The shipment's events, oldest first, one page. */
    @Transactional
    public PageResponse<EventView> history(UUID shipmentId, PageParams page) {
        if (Shipment.findById(shipmentId) == null) {
            throw ProblemException.notFound("Shipment", shipmentId);
        }
        return PageResponse.of(ShipmentEvent.find("shipmentId", Sort.by("seq"), shipmentId), page, EventView::of);
    }

    @Transactional
    public EventView event(UUID shipmentId, UUID eventId) {
        ShipmentEvent e = ShipmentEvent.findById(eventId);
        if (e == null || !e.shipmentId.equals(shipmentId)) {
            throw ProblemException.notFound("Event", eventId);
        }
        return EventView.of(e);
    }

    /**
     * Records the proof of delivery of an ARRIVED shipment and moves it to DELIVERED (appending the DELIVERED event at
     * {@code receivedAt}). The same proof again is answered as the first time; a different one is refused with 409.
     */
    @Transactional
    public PodOutcome recordProofOfDelivery(UUID shipmentId, NewProofOfDelivery pod) {
        String receivedBy = pod.receivedBy();
        List<DeliveredLine> lines = pod.lines();
        Shipment s = lock(shipmentId);
        Instant at = DbClock.micros(pod.receivedAt());
        if (s.hasProofOfDelivery()) {
            if (samePod(s, receivedBy, at, lines)) {
                return new PodOutcome(ProofOfDeliveryView.of(s), false);
            }
            throw ProblemException.conflict("Proof of delivery already recorded",
                    "Shipment " + shipmentId + " already has a different proof of delivery, recorded at "
                            + s.podRecordedAt + "; it cannot be changed");
        }
        if (s.status != ShipmentStatus.ARRIVED) {
            throw illegal(s, "Proof of delivery can only be recorded for an ARRIVED shipment; this one is " + s.status);
        }
        Map<String, ShipmentLine> byKey = new HashMap<>();
        s.lines.forEach(l -> byKey.put(key(l.itemCode, l.lotId), l));
        Map<String, DeliveredLine> given = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            DeliveredLine d = lines.get(i);
            String k = key(d.itemCode(), d.lotId());
            ShipmentLine l = byKey.get(k);
            String field = "lines[" + i + "]";
            if (l == null) {
                throw ProblemException.unprocessable("Unknown line",
                        field + ": item " + d.itemCode() + " from lot " + d.lotId() + " is not on this shipment");
            }
            if (given.put(k, d) != null) {
                throw ProblemException.unprocessable("Duplicate line",
                        field + ": item " + d.itemCode() + " from lot " + d.lotId() + " is listed more than once");
            }
            if ((long) d.accepted() + d.rejected() != l.quantity) {
                throw ProblemException.unprocessable("Quantities do not add up",
                        field + ": accepted " + d.accepted() + " + rejected " + d.rejected()
                                + " must equal the shipped quantity " + l.quantity + " of item " + l.itemCode
                                + " from lot " + l.lotId);
            }
            if (d.rejected() > 0 && (d.rejectionReason() == null || d.rejectionReason().isBlank())) {
                throw ProblemException.unprocessable("Rejection reason required",
                        field + ".rejectionReason is required when rejected > 0");
            }
        }
        for (ShipmentLine l : s.lines) {
            if (!given.containsKey(key(l.itemCode, l.lotId))) {
                throw ProblemException.unprocessable("Missing line",
                        "The proof of delivery has no entry for item " + l.itemCode + " from lot " + l.lotId
                                + " (shipped " + l.quantity + "); give every shipped line");
            }
        }
        checkTime(s, ShipmentEvent.latest(shipmentId), at, "receivedAt");
        int accepted = 0;
        int rejected = 0;
        for (ShipmentLine l : s.lines) {
            DeliveredLine d = given.get(key(l.itemCode, l.lotId));
            l.accepted = d.accepted();
            l.rejected = d.rejected();
            l.rejectionReason = d.rejected() > 0 ? d.rejectionReason().strip() : null;
            accepted += d.accepted();
            rejected += d.rejected();
        }
        s.podReceivedBy = receivedBy.strip();
        s.podReceivedAt = at;
        s.podRecordedAt = DbClock.now();
        append(s, EventType.DELIVERED, at, null, null, null, "Proof of delivery: received by " + s.podReceivedBy
                + "; accepted " + accepted + ", rejected " + rejected, null);
        return new PodOutcome(ProofOfDeliveryView.of(s), true);
    }

    @Transactional
    public ProofOfDeliveryView proofOfDelivery(UUID shipmentId) {
        Shipment s = Shipment.findById(shipmentId);
        if (s == null) {
            throw ProblemException.notFound("Shipment", shipmentId);
        }
        if (!s.hasProofOfDelivery()) {
            throw new ProblemException(404, "not-found", "Proof of delivery not found",
                    "Shipment " + shipmentId + " has no proof of delivery yet (status " + s.status + ")");
        }
        return ProofOfDeliveryView.of(s);
    }

    private Shipment lock(UUID id) {
        Shipment s = Shipment.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            throw ProblemException.notFound("Shipment", id);
        }
        return s;
    }

    /** The request is the shipment's latest event again (a client retry): same type, time, place and note. */
    private static boolean repeats(ShipmentEvent last, NewEvent e, Instant at) {
        return last.type == e.type() && last.at.equals(at)
                && Objects.equals(last.location, e.location())
                && Objects.equals(last.latitude, e.latitude())
                && Objects.equals(last.longitude, e.longitude())
                && Objects.equals(last.note, e.note())
                && Objects.equals(last.stockHandedOverTo, e.stockHandedOverTo());
    }

    /**
     * A hand-over cancels a shipment whose units are still held by its reservation, i.e. a PLANNED one (409 otherwise:
     * a dispatched shipment's units left the depot). The reservation may be the shipment's own: a re-plan's approval
     * cancels first, keeping the units held there, and then moves them to its new reservation in one inventory
     * transaction (a shipment dispatched meanwhile refuses the cancellation, so no unit of it is moved).
     */
    private static void requireHandOverPossible(Shipment s, UUID to) {
        if (s.status != ShipmentStatus.PLANNED) {
            Map<String, Object> ext = new LinkedHashMap<>();
            ext.put("currentStatus", s.status.name());
            ext.put("stock", s.stock.name());
            throw new ProblemException(409, "conflict", "Stock cannot be handed over",
                    "Shipment " + s.id + " is " + s.status + ": only a PLANNED shipment's units are still held by its "
                            + "reservation and can have been handed over to reservation " + to + ". Cancel it "
                            + "without stockHandedOverTo.",
                    ext);
        }
    }

    private void checkTime(Shipment s, Optional<ShipmentEvent> last, Instant at, String field) {
        if (last.isPresent() && at.isBefore(last.get().at)) {
            throw ProblemException.unprocessable("Event out of order",
                    field + " " + at + " is before the shipment's previous event (" + last.get().type + " at "
                            + last.get().at + "); events are recorded in time order");
        }
        Instant latest = DbClock.now().plus(config.maxClockSkew());
        if (at.isAfter(latest)) {
            throw ProblemException.unprocessable("Event in the future",
                    field + " " + at + " is in the future; only what has happened can be recorded");
        }
    }

    private StockEffect applyStockEffect(Shipment s, EventType type, Instant at, UUID handedOverTo) {
        switch (type) {
            case DISPATCHED -> {
                settlements.consume(s);
                s.dispatchedAt = at;
                return StockEffect.RESERVATION_CONSUMED;
            }
            case CANCELLED -> {
                if (s.status == ShipmentStatus.PLANNED) {
                    return handedOverTo != null ? settlements.handedOver(s, handedOverTo) : settlements.release(s);
                }
                s.stock = StockState.RECALLED;
                return StockEffect.RECALL_RECORDED;
            }
            case LOST -> {
                s.stock = StockState.LOST;
                return StockEffect.LOSS_RECORDED;
            }
            default -> {
                return null;
            }
        }
    }

    private ShipmentEvent append(Shipment s, EventType type, Instant at, String location, Double latitude,
            Double longitude, String note, StockEffect effect) {
        long count = ShipmentEvent.count("shipmentId", s.id);
        ShipmentEvent e = new ShipmentEvent();
        e.id = UUID.randomUUID();
        e.shipmentId = s.id;
        e.seq = (int) count + 1;
        e.type = type;
        e.fromStatus = s.status;
        e.at = at;
        e.location = location;
        e.latitude = latitude;
        e.longitude = longitude;
        e.note = note;
        e.stockEffect = effect;
        e.recordedAt = DbClock.now();
        e.persist();
        s.status = type.target();
        s.updatedAt = e.recordedAt;
        return e;
    }

    private static ProblemException illegal(Shipment s, String detail) {
        List<String> allowed = Transitions.allowedFrom(s.status).stream().map(Enum::name).toList();
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("currentStatus", s.status.name());
        ext.put("allowed", allowed);
        return new ProblemException(409, "illegal-transition", "Illegal transition",
                detail + ". Shipment " + s.id + " is " + s.status + "; allowed next: "
                        + (allowed.isEmpty() ? "none (final status)" : String.join(", ", allowed)),
                ext);
    }

    private static boolean samePod(Shipment s, String receivedBy, Instant at, List<DeliveredLine> lines) {
        if (!s.podReceivedBy.equals(receivedBy.strip()) || !s.podReceivedAt.equals(at)
                || lines.size() != s.lines.size()) {
            return false;
        }
        Map<String, ShipmentLine> byKey = new HashMap<>();
        s.lines.forEach(l -> byKey.put(key(l.itemCode, l.lotId), l));
        for (DeliveredLine d : lines) {
            ShipmentLine l = byKey.remove(key(d.itemCode(), d.lotId()));
            String reason = d.rejected() > 0 && d.rejectionReason() != null ? d.rejectionReason().strip() : null;
            if (l == null || l.accepted != d.accepted() || l.rejected != d.rejected()
                    || !Objects.equals(l.rejectionReason, reason)) {
                return false;
            }
        }
        return byKey.isEmpty();
    }

    private static String key(String itemCode, UUID lotId) {
        return itemCode + "/" + lotId;
    }
}
