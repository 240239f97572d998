package org.corridor.allocation.client.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.corridor.common.client.Upstream;
import org.corridor.common.client.UpstreamException;
import org.corridor.common.client.UpstreamGateway;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Every call to inventory-service, with common's fault-tolerance policy ({@link UpstreamGateway}): an unreachable
 * inventory, a 5xx or a timeout is retried twice, a refusal (4xx) never is; the per-attempt timeout and the retry delay
 * are tuned in {@code application.properties}. A 404 on a single read is an answer ({@link Optional#empty()}), not a
 * failure. Every call is safe to repeat: reservations carry an Idempotency-Key, assignment is idempotent per reference,
 * and release / unassign are idempotent.
 */
@ApplicationScoped
public class InventoryGateway extends UpstreamGateway {

    public static final String SERVICE = "inventory-service";
    public static final int PAGE_SIZE = 500;
    /** Lots named per lookup: inventory-service answers at most 50 lotId parameters per request. */
    public static final int LOTS_PER_LOOKUP = 50;

    private final InventoryClient client;

    public InventoryGateway(@RestClient InventoryClient client) {
        this.client = client;
    }

    public Optional<InventoryClient.Country> country(String iso3) {
        return found(() -> client.country(iso3));
    }

    public Optional<InventoryClient.Item> item(String code) {
        return found(() -> client.item(code));
    }

    /** One team, whatever its status; empty when inventory does not know it. */
    public Optional<InventoryClient.Team> team(UUID id) {
        return found(() -> client.team(id));
    }

    public InventoryClient.Page<InventoryClient.Item> items(int page) {
        return Upstream.call(SERVICE, () -> client.items(page, PAGE_SIZE));
    }

    public InventoryClient.Page<InventoryClient.StockLot> availableStock(int page) {
        return Upstream.call(SERVICE, () -> client.stock(true, page, PAGE_SIZE));
    }

    /** Every lot, reserved ones included (a re-plan gives its base's reserved units back to the solver). */
    public InventoryClient.Page<InventoryClient.StockLot> allStock(int page) {
        return Upstream.call(SERVICE, () -> client.stock(false, page, PAGE_SIZE));
    }

    /**
     * The lots named, looked up {@value #LOTS_PER_LOOKUP} per request (inventory's cap on lotId), each request with the
     * gateway's retries; lots inventory does not know (or does not show) are simply absent from the answer.
     */
    public Map<UUID, InventoryClient.StockLot> lots(Collection<UUID> lotIds) {
        List<UUID> ids = List.copyOf(new LinkedHashSet<>(lotIds));
        Map<UUID, InventoryClient.StockLot> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += LOTS_PER_LOOKUP) {
            List<UUID> batch = ids.subList(from, Math.min(from + LOTS_PER_LOOKUP, ids.size()));
            Set<UUID> wanted = Set.copyOf(batch);
            Upstream.call(SERVICE, () -> client.stockLots(batch, LOTS_PER_LOOKUP)).items().stream()
                    .filter(l -> wanted.contains(l.lotId())).forEach(l -> found.put(l.lotId(), l));
        }
        return found;
    }

    public InventoryClient.Page<InventoryClient.Team> availableTeams(int page) {
        return Upstream.call(SERVICE, () -> client.teams("AVAILABLE", page, PAGE_SIZE));
    }

    /** One page of the teams ASSIGNED (under any reference): what every approval left assigned in inventory. */
    public InventoryClient.Page<InventoryClient.Team> assignedTeams(int page) {
        return Upstream.call(SERVICE, () -> client.teams("ASSIGNED", page, PAGE_SIZE));
    }

    public JsonNode reserve(String key, String reference, List<InventoryClient.ReservationLine> lines) {
        return Upstream.call(SERVICE,
                () -> client.reserve(key, new InventoryClient.ReservationRequest(reference, lines)));
    }

    /** Holds {@code lines} and, in the same transaction, releases {@code releasing} (a re-plan's hand-over). */
    public JsonNode reserve(String key, String reference, List<InventoryClient.ReservationLine> lines,
            List<InventoryClient.ReleasingSource> releasing) {
        return Upstream.call(SERVICE,
                () -> client.reserve(key, new InventoryClient.ReservationRequest(reference, lines, releasing)));
    }

    /** Releases these lines of the reservation once per {@code reference} (a replay answers the first outcome). */
    public JsonNode releaseLines(UUID reservationId, String reference, List<InventoryClient.ReservationLine> lines) {
        return Upstream.call(SERVICE,
                () -> client.release(reservationId, new InventoryClient.SettlementRequest(reference, lines)));
    }

    public JsonNode releaseReservation(UUID reservationId) {
        return Upstream.call(SERVICE, () -> client.release(reservationId));
    }

    public JsonNode assignTeam(UUID teamId, String reference) {
        return Upstream.call(SERVICE, () -> client.assign(teamId, new InventoryClient.AssignmentRequest(reference)));
    }

    public JsonNode releaseTeam(UUID teamId) {
        return Upstream.call(SERVICE, () -> client.unassign(teamId));
    }

    /** Releases the team only if it is assigned under {@code reference}; 409 when it is assigned under another. */
    public JsonNode releaseTeam(UUID teamId, String reference) {
        return Upstream.call(SERVICE, () -> client.unassign(teamId, reference));
    }

    /** One page of the teams assigned under {@code reference}. */
    public InventoryClient.Page<InventoryClient.Team> teamsAssigned(String reference, int page) {
        return Upstream.call(SERVICE, () -> client.teamsAssigned(reference, page, PAGE_SIZE));
    }

    /** One page of the reservations made under {@code reference} with {@code status} (null: any). */
    public InventoryClient.Page<InventoryClient.Reservation> reservations(String reference, String status, int page) {
        return Upstream.call(SERVICE, () -> client.reservations(reference, status, page, PAGE_SIZE));
    }

    /** One page of {@code size} reservations whose reference starts with {@code prefix}, with {@code status}. */
    public InventoryClient.Page<InventoryClient.Reservation> reservationsStartingWith(String prefix, String status,
            int page, int size) {
        return Upstream.call(SERVICE, () -> client.reservationsStartingWith(prefix, status, page, size));
    }

    /** Releases everything the reservation still holds, once under {@code key} (a repeat answers the first outcome). */
    public JsonNode releaseReservation(UUID reservationId, String key) {
        return Upstream.call(SERVICE, () -> client.release(reservationId, key));
    }

    /** The answer, or empty when inventory says 404. */
    private static <T> Optional<T> found(Supplier<T> call) {
        try {
            return Optional.of(Upstream.call(SERVICE, call));
        } catch (UpstreamException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
