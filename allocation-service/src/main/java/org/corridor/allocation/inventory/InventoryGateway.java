package org.corridor.allocation.inventory;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;
import org.corridor.common.client.Upstream;
import org.corridor.common.client.UpstreamException;
import org.corridor.common.client.UpstreamUnavailableException;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The raw calls to inventory with SmallRye Fault Tolerance: each call times out after 6 s; an
 * unreachable inventory, a 5xx or a timeout is retried twice, a refusal (4xx) never is. A 404 is an
 * answer ({@link Optional#empty()}), not a failure. Failures propagate as common's
 * {@link UpstreamException}s; {@link InventoryClient} turns them into a 503 problem.
 */
@ApplicationScoped
public class InventoryGateway {

    public static final int PAGE_SIZE = 500;
    private static final String SERVICE = "inventory-service";

    private final InventoryApi api;

    public InventoryGateway(@RestClient InventoryApi api) {
        this.api = api;
    }

    @Timeout(value = 6, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 150, jitter = 50, retryOn = {UpstreamUnavailableException.class, TimeoutException.class})
    public Optional<InventoryApi.Country> country(String iso3) {
        return found(() -> api.country(iso3));
    }

    @Timeout(value = 6, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 150, jitter = 50, retryOn = {UpstreamUnavailableException.class, TimeoutException.class})
    public Optional<InventoryApi.Item> item(String code) {
        return found(() -> api.item(code));
    }

    @Timeout(value = 6, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 150, jitter = 50, retryOn = {UpstreamUnavailableException.class, TimeoutException.class})
    public InventoryApi.Page<InventoryApi.Item> items(int page) {
        return Upstream.call(SERVICE, () -> api.items(page, PAGE_SIZE));
    }

    @Timeout(value = 6, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 150, jitter = 50, retryOn = {UpstreamUnavailableException.class, TimeoutException.class})
    public InventoryApi.Page<InventoryApi.StockLot> availableStock(int page) {
        return Upstream.call(SERVICE, () -> api.stock(true, page, PAGE_SIZE));
    }

    @Timeout(value = 6, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 150, jitter = 50, retryOn = {UpstreamUnavailableException.class, TimeoutException.class})
    public InventoryApi.Page<InventoryApi.Team> availableTeams(int page) {
        return Upstream.call(SERVICE, () -> api.teams("AVAILABLE", page, PAGE_SIZE));
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
