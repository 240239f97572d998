package org.corridor.common.client;

import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The one fault-tolerance policy for calls to another Corridor service. Every gateway
 * ({@code client/<upstream>/XxxGateway}) extends this class and wraps each REST client call in {@link Upstream#call};
 * the class-level bindings below are inherited, so every public method of a gateway gets:
 * <ul>
 * <li>a timeout of 8 s per attempt;</li>
 * <li>up to 2 retries, 200 ms apart (± 50 ms jitter), only when the upstream is unreachable, answers 5xx or times out
 * ({@link UpstreamUnavailableException}, {@link TimeoutException}); a 4xx ({@link UpstreamException}) is an answer and
 * is never retried.</li>
 * </ul>
 * When the retries are spent, {@link UpstreamUnavailableException} reaches the exception mapper: 503 with
 * {@code Retry-After}. Only calls that are idempotent upstream (keys, references) may go through a gateway. The numbers
 * can be tuned per gateway with MicroProfile Fault Tolerance properties on the gateway's class (the bindings are
 * class-level, so per-method keys are not read), e.g.
 * {@code org.corridor.allocation.client.inventory.InventoryGateway/Timeout/value=6} (seconds, the unit above) or
 * {@code .../Retry/delay=150} (milliseconds).
 */
@Timeout(value = 8, unit = ChronoUnit.SECONDS)
@Retry(maxRetries = 2, delay = 200, jitter = 50, retryOn = {UpstreamUnavailableException.class,
        TimeoutException.class})
public abstract class UpstreamGateway {

    protected UpstreamGateway() {
    }
}
