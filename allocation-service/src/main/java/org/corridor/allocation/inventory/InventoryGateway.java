package org.corridor.allocation.inventory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The raw calls to inventory with SmallRye Fault Tolerance: each call times out after 6 s and is
 * retried twice. A 404 is an answer ({@link Optional#empty()}), not a failure, so it is never retried.
 * Failures propagate; {@link InventoryClient} turns them into a 503 problem.
 */
@ApplicationScoped
public class InventoryGateway {

    public static final int PAGE_SIZE = 500;

    private final InventoryApi api;

    public InventoryGateway(@RestClient InventoryApi api) {
        this.api = api;
    }

    @Timeout(value = 6, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 150, jitter = 50)
    public Optional<InventoryApi.Country> country(String iso3) {
        try {
            return Optional.of(api.country(iso3));
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Timeout(value = 6, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 150, jitter = 50)
    public Optional<InventoryApi.Item> item(String code) {
        try {
            return Optional.of(api.item(code));
        } catch (WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Timeout(value = 6, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 150, jitter = 50)
    public InventoryApi.Page<InventoryApi.Item> items(int page) {
        return api.items(page, PAGE_SIZE);
    }

    @Timeout(value = 6, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 150, jitter = 50)
    public InventoryApi.Page<InventoryApi.StockLot> availableStock(int page) {
        return api.stock(true, page, PAGE_SIZE);
    }

    @Timeout(value = 6, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 150, jitter = 50)
    public InventoryApi.Page<InventoryApi.Team> availableTeams(int page) {
        return api.teams("AVAILABLE", page, PAGE_SIZE);
    }
}
