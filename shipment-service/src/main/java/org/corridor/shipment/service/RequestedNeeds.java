package org.corridor.shipment.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.corridor.common.client.UpstreamException;
import org.corridor.shipment.client.allocation.AllocationGateway;
import org.corridor.shipment.config.ShipmentConfig;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

/**
 * What each site of an incident asked for, as the delivery summary needs it: a copy of allocation-service's needs per
 * incident, kept current in the background, so that a summary (and its 304) never waits for allocation-service.
 * <p>
 * The first summary of an incident reads the needs once, synchronously. From then on a background round, every
 * {@code corridor.shipment.delivery-summary.requested-refresh-every}, asks allocation-service again with the ETag of
 * the copy ({@code If-None-Match}): an unchanged incident costs allocation a 304 without a body. An incident no summary
 * asked for during {@code requested-idle-after} is dropped. When allocation-service cannot be reached, the last copy is
 * served, marked stale with the instant it was read; an incident never read successfully has no requested quantities.
 * The copy is per replica: it is a cache, never a source of truth.
 */
@ApplicationScoped
public class RequestedNeeds {

    private static final Logger LOG = Logger.getLogger(RequestedNeeds.class);

    /** What the summary can say about the requested quantities. */
    public enum State {
        /** Read from allocation-service within the refresh interval. */
        CURRENT,
        /** A copy that allocation-service could not refresh: given, with {@link Requested#asOf()}. */
        STALE,
        /** allocation-service does not know the incident. */
        UNKNOWN_INCIDENT,
        /** Never read successfully: no requested quantities. */
        UNAVAILABLE
    }

    /**
     * One incident's requested quantities.
     *
     * @param quantities units per {@code siteId|itemCode}; empty unless CURRENT or STALE
     * @param asOf when they were last read successfully (null if never)
     * @param fingerprint changes whenever the quantities or the state do: part of the summary's ETag
     * @param warning why the quantities are missing or old; null when CURRENT
     */
    public record Requested(State state, Map<String, Long> quantities, Instant asOf, String fingerprint,
            String warning) {
    }

    private static final class Entry {
        volatile Requested requested;
        String etag;
        volatile Instant triedAt;
        volatile Instant askedAt;
    }

    private final AllocationGateway allocation;
    private final ShipmentConfig config;
    private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    public RequestedNeeds(AllocationGateway allocation, ShipmentConfig config) {
        this.allocation = allocation;
        this.config = config;
    }

    /** The incident's requested quantities: the copy, read now only if there is none yet. */
    public Requested of(UUID incidentId) {
        Entry e = entries.computeIfAbsent(incidentId, k -> new Entry());
        e.askedAt = clock.instant();
        Requested r = e.requested;
        if (r != null) {
            return r;
        }
        synchronized (e) {
            if (e.requested == null) {
                refresh(incidentId, e);
            }
            return e.requested;
        }
    }

    @Scheduled(every = "${corridor.shipment.delivery-summary.requested-refresh-every}",
            identity = "requested-needs-refresh", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshAll() {
        Instant now = clock.instant();
        Instant idleBefore = now.minus(config.deliverySummary().requestedIdleAfter());
        Instant dueBefore = now.minus(config.deliverySummary().requestedRefreshEvery()).plusMillis(100);
        entries.forEach((id, e) -> {
            if (e.askedAt != null && e.askedAt.isBefore(idleBefore)) {
                entries.remove(id, e);
                return;
            }
            if (e.triedAt != null && e.triedAt.isBefore(dueBefore)) {
                synchronized (e) {
                    refresh(id, e);
                }
            }
        });
    }

    /** Reads the needs again now (conditionally); for a test or an operator that cannot wait for the next round. */
    public void refresh(UUID incidentId) {
        Entry e = entries.computeIfAbsent(incidentId, k -> new Entry());
        synchronized (e) {
            refresh(incidentId, e);
        }
    }

    private void refresh(UUID incidentId, Entry e) {
        Requested before = e.requested;
        e.triedAt = clock.instant();
        try {
            AllocationGateway.NeedsAnswer a = allocation.needsIfChanged(incidentId, hasCopy(before) ? e.etag : null);
            if (a.notModified() && before != null) {
                e.requested = new Requested(State.CURRENT, before.quantities(), e.triedAt,
                        fingerprint(State.CURRENT, before.quantities()), null);
                return;
            }
            Map<String, Long> q = new TreeMap<>();
            for (AllocationGateway.Need n : a.needs() == null ? List.<AllocationGateway.Need>of() : a.needs()) {
                try {
                    q.merge(UUID.fromString(n.siteId()) + "|" + n.itemCode(), n.quantity(), Long::sum);
                } catch (IllegalArgumentException ex) {
                    // a need without a readable site cannot be shown per site
                }
            }
            e.etag = a.etag();
            e.requested = new Requested(State.CURRENT, Map.copyOf(q), e.triedAt, fingerprint(State.CURRENT, q), null);
        } catch (TimeoutException ex) {
            failed(e, before, "allocation-service did not answer in time");
        } catch (UpstreamException ex) {
            if (ex.status() == 404) {
                e.etag = null;
                e.requested = new Requested(State.UNKNOWN_INCIDENT, Map.of(), null, "unknown-incident",
                        "allocation-service does not know incident " + incidentId
                                + "; requested quantities are unknown");
            } else {
                failed(e, before, "allocation-service "
                        + (ex.status() == 0 ? "cannot be reached" : "answered " + ex.status()));
            }
        } catch (RuntimeException ex) {
            LOG.debugf("needs of incident %s: %s", incidentId, ex.toString());
            failed(e, before, "allocation-service cannot be read (" + ex.getClass().getSimpleName() + ")");
        }
    }

    private static void failed(Entry e, Requested before, String why) {
        if (hasCopy(before)) {
            // keep the copy, marked with when it was read; the tag changes once, when it turns stale
            e.requested = new Requested(State.STALE, before.quantities(), before.asOf(),
                    fingerprint(State.STALE, before.quantities()) + "@" + before.asOf(),
                    why + "; requested quantities are as of " + before.asOf());
            return;
        }
        e.requested = new Requested(State.UNAVAILABLE, Map.of(), null, "unavailable",
                why + "; requested quantities are unknown");
    }

    private static boolean hasCopy(Requested r) {
        return r != null && (r.state() == State.CURRENT || r.state() == State.STALE);
    }

    private static String fingerprint(State state, Map<String, Long> quantities) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update((state + "\n" + new TreeMap<>(quantities)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d.digest(), 0, 12);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
