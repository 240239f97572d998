package org.corridor.shipment.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corridor.common.client.UpstreamException;
import org.corridor.common.problem.ProblemException;
import org.corridor.common.time.DbClock;
import org.corridor.shipment.client.inventory.InventoryClient;
import org.corridor.shipment.client.inventory.InventoryGateway;
import org.corridor.shipment.config.ShipmentConfig;
import org.corridor.shipment.domain.SettlementOperation;
import org.corridor.shipment.domain.Shipment;
import org.corridor.shipment.domain.ShipmentLine;
import org.corridor.shipment.domain.ShipmentStatus;
import org.corridor.shipment.domain.StockEffect;
import org.corridor.shipment.domain.StockState;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.jboss.logging.Logger;

/**
 * Settles a shipment's own lines of its plan's shared reservation in inventory-service, with one settlement carrying
 * all of the shipment's lines under the shipment's own reference.
 * <ul>
 * <li><b>Consume</b> (at DISPATCHED) is strict: if inventory cannot be reached the event is refused with 503 and
 * nothing is recorded; if the stock is no longer held (409) the dispatch is refused with a 409 that points to
 * cancellation, the way out for such a shipment.</li>
 * <li><b>Release</b> (at CANCELLED before dispatch) never refuses the cancellation: inventory releases what it still
 * holds of each line and says how much. If inventory cannot be reached the cancellation is recorded with stock
 * RELEASE_PENDING and retried in the background (with growing waits, never giving up) until inventory answers; if
 * inventory refuses (4xx) it is recorded as RELEASE_REFUSED with inventory's reason, and an operator can try again
 * ({@link #settleNow}).</li>
 * </ul>
 * Every outcome is written on the shipment ({@code stock} and its stock settlement note), so an operator sees what
 * happened and what comes next.
 */
@ApplicationScoped
public class StockSettlementService {

    private static final Logger LOG = Logger.getLogger(StockSettlementService.class);
    /** Lots named one by one in a note about a partial release; the rest are counted. */
    private static final int LOTS_NAMED = 10;

    private final InventoryGateway inventory;
    private final ShipmentConfig config;

    public StockSettlementService(InventoryGateway inventory, ShipmentConfig config) {
        this.inventory = inventory;
        this.config = config;
    }

    /**
     * Consumes the shipment's lines at dispatch; call inside the event's transaction with the shipment locked.
     *
     * @throws ProblemException 409 when inventory no longer holds the stock, 422 when it does not know the reservation,
     *     503 when it cannot be reached; nothing is then recorded
     */
    void consume(Shipment s) {
        List<ShipmentLine> lines = s.lines;
        try {
            inventory.consume(s.reservationId, s.id, wire(lines));
        } catch (FaultToleranceException e) {
            throw unavailable(s, "it did not answer in time");
        } catch (UpstreamException e) {
            if (e.isUnavailable()) {
                throw unavailable(s, e.status() == 0 ? "it cannot be reached" : "it answered " + e.status());
            }
            String why = e.detail() == null ? "" : " (" + e.detail() + ")";
            String wayOut = " Nothing was recorded. To close the shipment, cancel it (POST /api/v1/shipments/" + s.id
                    + "/events with type CANCELLED): that releases whatever inventory still holds of its lines.";
            if (e.status() == 409) {
                Map<String, Object> ext = new LinkedHashMap<>();
                ext.put("currentStatus", s.status.name());
                ext.put("reservationId", s.reservationId.toString());
                ext.put("wayOut", "CANCELLED");
                throw new ProblemException(409, "stock-not-held", "Stock no longer held",
                        "Shipment " + s.id + " cannot be dispatched: inventory-service no longer holds its stock in "
                                + "reservation " + s.reservationId + why + "." + wayOut,
                        ext);
            }
            if (e.status() == 404) {
                throw ProblemException.unprocessable("Reservation unknown",
                        "Shipment " + s.id + " cannot be dispatched: inventory-service does not know reservation "
                                + s.reservationId + why + "." + wayOut);
            }
            throw unavailable(s, "it refused the request with " + e.status() + why);
        }
        Instant now = DbClock.now();
        s.settlementAttempted(SettlementOperation.CONSUME, StockState.ISSUED, now, null,
                "Consumed: inventory-service issued all " + count(lines) + " of reservation " + s.reservationId
                        + "; the goods left the depot.");
    }

    /**
     * Releases the lines of a shipment cancelled before dispatch, or retries such a release; call inside a transaction
     * with the shipment locked. Never throws for inventory's answer: the outcome is recorded on the shipment and
     * returned as the effect its CANCELLED event records.
     */
    StockEffect release(Shipment s) {
        List<ShipmentLine> lines = s.lines;
        Instant now;
        try {
            InventoryGateway.Settled settled = inventory.release(s.reservationId, s.id, wire(lines));
            now = DbClock.now();
            s.settlementAttempted(SettlementOperation.RELEASE, StockState.RELEASED, now, null,
                    released(s, lines, settled));
            return StockEffect.RESERVATION_RELEASED;
        } catch (FaultToleranceException e) {
            return pending(s, lines, "did not answer in time");
        } catch (UpstreamException e) {
            if (e.isUnavailable()) {
                return pending(s, lines, e.status() == 0 ? "cannot be reached" : "answered " + e.status());
            }
            now = DbClock.now();
            String why = e.detail() == null ? "" : ": " + e.detail();
            s.settlementAttempted(SettlementOperation.RELEASE, StockState.RELEASE_REFUSED, now, null,
                    "Release refused: inventory-service answered " + e.status() + " to the release of "
                            + count(lines) + " of reservation " + s.reservationId + why
                            + ". The cancellation stands; the release is not retried automatically. Check the "
                            + "reservation in inventory-service, then try again with POST /api/v1/shipments/" + s.id
                            + "/stock-settlement.");
            LOG.warnf("inventory-service refused the release of shipment %s (reservation %s): %d%s", s.id,
                    s.reservationId, e.status(), why);
            return StockEffect.RELEASE_REFUSED;
        }
    }

    /**
     * Records that a PLANNED shipment's units were handed over to {@code to} by a re-plan's approval (inventory-service
     * moved them from the shipment's reservation to the re-plan's in one transaction), so the cancellation releases
     * nothing and asks inventory-service nothing; call inside the event's transaction with the shipment locked.
     */
    StockEffect handedOver(Shipment s, UUID to) {
        List<ShipmentLine> lines = s.lines;
        s.settlementAttempted(SettlementOperation.HAND_OVER, StockState.HANDED_OVER, DbClock.now(), null,
                "Handed over: " + count(lines) + " of reservation " + s.reservationId + " are held by reservation "
                        + to + " since a re-plan's approval; nothing was released.");
        s.stockSettlement.handedOverTo = to;
        return StockEffect.STOCK_HANDED_OVER;
    }

    private StockEffect pending(Shipment s, List<ShipmentLine> lines, String why) {
        Instant now = DbClock.now();
        int attempt = s.stockSettlement == null ? 1 : s.stockSettlement.attempts + 1;
        Instant next = now.plus(backoff(attempt));
        s.settlementAttempted(SettlementOperation.RELEASE, StockState.RELEASE_PENDING, now, next,
                "Release pending: inventory-service " + why + " (attempt " + attempt + "). The cancellation stands; "
                        + "the release of " + count(lines) + " of reservation " + s.reservationId
                        + " is retried automatically until inventory-service answers, next at " + next + ".");
        LOG.infof("release of shipment %s pending: inventory-service %s (attempt %d, next at %s)", s.id, why, attempt,
                next);
        return StockEffect.RELEASE_PENDING;
    }

    /** The wait after the n-th failed attempt: first-delay * 2^(n-1), at most max-delay. */
    Duration backoff(int attempt) {
        Duration first = config.stockRetry().firstDelay();
        Duration max = config.stockRetry().maxDelay();
        Duration d = first.multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 20));
        return d.compareTo(max) > 0 ? max : d;
    }

    /**
     * Retries the releases that are due, each in its own transaction with its shipment locked; a shipment that another
     * replica or an operator is settling right now is left for the next run.
     */
    @Scheduled(every = "${corridor.shipment.stock-retry.every}", identity = "stock-release-retry",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retryDueReleases() {
        List<UUID> due = QuarkusTransaction.requiringNew()
                .call(() -> Shipment.releasesDue(DbClock.now(), config.stockRetry().batchSize()));
        for (UUID id : due) {
            try {
                QuarkusTransaction.requiringNew().run(() -> retryIfDue(id));
            } catch (RuntimeException e) {
                LOG.warnf(e, "retrying the release of shipment %s failed; it stays pending", id);
            }
        }
    }

    private void retryIfDue(UUID id) {
        Shipment s = Shipment.lockUnlessBusy(id).orElse(null);
        if (s == null || s.stock != StockState.RELEASE_PENDING || s.stockSettlement.nextAttemptAt == null
                || s.stockSettlement.nextAttemptAt.isAfter(DbClock.now())) {
            return;
        }
        release(s);
    }

    /**
     * An operator's "try again now" for a cancelled shipment whose release is pending or was refused: one more release
     * at once, its outcome recorded as usual (still pending if inventory is still down).
     *
     * @throws ProblemException 404 for an unknown shipment, 409 when its stock has nothing left to settle
     */
    @Transactional
    public ShipmentView settleNow(UUID shipmentId) {
        Shipment s = Shipment.lock(shipmentId).orElseThrow(() -> ProblemException.notFound("Shipment", shipmentId));
        if (s.status != ShipmentStatus.CANCELLED
                || (s.stock != StockState.RELEASE_PENDING && s.stock != StockState.RELEASE_REFUSED)) {
            Map<String, Object> ext = new LinkedHashMap<>();
            ext.put("currentStatus", s.status.name());
            ext.put("stock", s.stock.name());
            throw ProblemException.conflict("Nothing to settle",
                    "Shipment " + s.id + " is " + s.status + " with stock " + s.stock + ": there is no pending or "
                            + "refused release to try again. Only a shipment cancelled before dispatch whose release "
                            + "is RELEASE_PENDING or RELEASE_REFUSED can be settled again.",
                    ext);
        }
        release(s);
        return ShipmentView.of(s);
    }

    // ---------------------------------------------------------------- helpers

    private static List<InventoryClient.Line> wire(List<ShipmentLine> lines) {
        return lines.stream().map(l -> new InventoryClient.Line(l.lotId, l.quantity)).toList();
    }

    /** "3 line(s) (140 units)". */
    private static String count(List<ShipmentLine> lines) {
        long units = lines.stream().mapToLong(l -> l.quantity).sum();
        return "the shipment's " + lines.size() + " line(s) (" + units + " units)";
    }

    /** What a release gave back, naming the lots inventory no longer held in full. */
    private static String released(Shipment s, List<ShipmentLine> lines, InventoryGateway.Settled settled) {
        long asked = 0;
        long back = 0;
        List<String> shortLots = new ArrayList<>();
        for (ShipmentLine l : lines) {
            asked += l.quantity;
            Long got = settled.byLot().get(l.lotId);
            long kept = got == null ? l.quantity : Math.max(0, Math.min(got, l.quantity));
            back += kept;
            if (kept < l.quantity) {
                shortLots.add(l.itemCode + " lot " + l.lotId + ": " + kept + " of " + l.quantity);
            }
        }
        if (shortLots.isEmpty()) {
            return "Released: inventory-service gave back all " + count(lines) + " of reservation " + s.reservationId
                    + " to available stock.";
        }
        String named = String.join("; ", shortLots.subList(0, Math.min(LOTS_NAMED, shortLots.size())));
        String more = shortLots.size() > LOTS_NAMED ? "; and " + (shortLots.size() - LOTS_NAMED) + " more lot(s)" : "";
        return "Released what was still held: inventory-service gave back " + back + " of " + asked + " units of "
                + "reservation " + s.reservationId + "; the rest was no longer held by it (already released or "
                + "consumed): " + named + more + ".";
    }

    private static ProblemException unavailable(Shipment s, String why) {
        return ProblemException.unavailable("Inventory unavailable",
                "Cannot consume reservation " + s.reservationId + " in inventory-service: " + why
                        + ". Nothing was recorded; retry the event later");
    }
}
