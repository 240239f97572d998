package org.corridor.inventory.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corridor.common.persistence.QueryFilter;
import org.corridor.common.problem.ProblemException;

/**
 * What GET /stock selects, in JSON pages and in CSV alike: one record so that the page, the count and the streamed
 * export read the same lots in the same order. With {@code since} the list is a dashboard's poll: the lots whose
 * balance changed strictly after {@code since}, oldest change first (updatedAt, lot id), and {@code sinceId} makes that
 * position a keyset cursor. Without it the list keeps its reading order (depot, item, expiry, lot code).
 *
 * @param lotIds only these lots (a batch lookup); empty for no such filter
 */
public record StockFilter(String countryCode, String itemCode, UUID depotId, boolean availableOnly, Instant since,
        UUID sinceId, List<UUID> lotIds) {

    /** Most lots one request may name with lotId: the URL stays far below the server's 4 KiB request line. */
    public static final int MAX_LOT_IDS = 50;

    public StockFilter {
        lotIds = lotIds == null ? List.of() : List.copyOf(lotIds);
        if (sinceId != null && since == null) {
            throw ProblemException.badRequest("Query parameter sinceId needs since: together they name the last lot "
                    + "already read (its updatedAt and lotId)");
        }
        if (lotIds.size() > MAX_LOT_IDS) {
            throw ProblemException.badRequest("At most " + MAX_LOT_IDS + " lotId parameters per request, got "
                    + lotIds.size() + ": ask for the lots in batches");
        }
    }

    /**
     * The conditions over {@code b} (balance), {@code l} (lot) and {@code d} (depot) for the given visible donor (null:
     * every lot); their values are put into {@code params}.
     */
    String where(UUID visibleDonor, Map<String, Object> params) {
        QueryFilter f = QueryFilter.create()
                .eq("d.countryCode", countryCode).eq("l.itemCode", itemCode).eq("d.id", depotId)
                .eq("l.donor.id", visibleDonor)
                .cond("b.updatedAt > ?", sinceId == null ? since : null)
                .cond("l.id in ?", lotIds.isEmpty() ? null : lotIds);
        if (availableOnly) {
            f.cond("b.onHand > b.reserved and (l.expiresOn is null or l.expiresOn >= ?)", References.today());
        }
        params.putAll(f.params().map());
        String where = f.where();
        if (sinceId != null) {
            where += " and (b.updatedAt > :since or (b.updatedAt = :since and l.id > :sinceId))";
            params.put("since", since);
            params.put("sinceId", sinceId);
        }
        return where;
    }

    /** The list's order: by change with {@code since}, else the reading order. */
    String orderBy() {
        return since != null
                ? " order by b.updatedAt, l.id"
                : " order by d.code, l.itemCode, l.expiresOn nulls last, l.lotCode, l.id";
    }
}
