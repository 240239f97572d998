package org.corridor.allocation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.corridor.common.idempotency.Idempotency;

/**
 * The transaction around an optional {@code Idempotency-Key}: the effect and the stored answer commit
 * together. Same key and body replay the first answer; same key, other body: 422. Checks that call
 * inventory-service run before, outside the transaction.
 */
@ApplicationScoped
public class IdempotentWrites {

    private final Idempotency idempotency;

    public IdempotentWrites(Idempotency idempotency) {
        this.idempotency = idempotency;
    }

    @Transactional
    public Response run(String scope, String key, Object request, Supplier<Idempotency.Result> action) {
        return idempotency.execute(scope, key, request, action);
    }
}
