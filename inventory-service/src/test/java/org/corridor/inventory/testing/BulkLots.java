package org.corridor.inventory.testing;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.corridor.inventory.service.StockService;

/**
 * Registers thousands of lots quickly and honestly: every lot is a real receipt through {@link StockService#receive}
 * (lot, balance row and RECEIPT entry, with the service's checks), only grouped in transactions of {@value #CHUNK}
 * receipts instead of one HTTP request each. Needs a caller allowed to receive (e.g. {@code @TestSecurity} as an
 * officer).
 */
public final class BulkLots {

    static final int CHUNK = 250;

    private BulkLots() {
    }

    /** One lot of family tents per quantity, at the depot, from the donor; answers the lot ids in the same order. */
    public static List<String> receive(StockService stock, String depotId, String donorId, List<Long> quantities) {
        ManagedContext request = Arc.container().requestContext();
        boolean activated = !request.isActive();
        if (activated) {
            request.activate();
        }
        try {
            String batch = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            LocalDate expiry = LocalDate.now().plusYears(1);
            List<String> ids = new ArrayList<>(quantities.size());
            for (int from = 0; from < quantities.size(); from += CHUNK) {
                int start = from;
                int end = Math.min(from + CHUNK, quantities.size());
                QuarkusTransaction.requiringNew().run(() -> {
                    for (int i = start; i < end; i++) {
                        ids.add(stock.receive(UUID.fromString(depotId),
                                new StockService.Receipt("SHL-TENT-FAMILY", quantities.get(i),
                                        "BULK-" + batch + "-" + i,
                                        expiry, UUID.fromString(donorId), null, null, "bulk test lot"))
                                .lotId().toString());
                    }
                });
            }
            return ids;
        } finally {
            if (activated) {
                request.terminate();
            }
        }
    }
}
