package org.corridor.common.paging;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list: {@code {"items": [...], "page": n, "size": n, "total": n}}. Use cases return it with their own
 * records as items; resources {@link #map} those to DTOs.
 */
public record PageResponse<T>(
        @Schema(description = "The items of this page") List<T> items,
        @Schema(description = "Page number, 0-based", example = "0") int page,
        @Schema(description = "Page size asked for", example = "20") int size,
        @Schema(description = "Number of items on all pages", example = "42") long total) {

    /** Runs the query for one page and maps each entity to a record. */
    public static <E, T> PageResponse<T> of(PanacheQuery<E> query, PageParams params, Function<E, T> mapper) {
        return of(query, params.page, params.size, mapper);
    }

    /** Runs the query for page {@code page} (0-based) of {@code size} and maps each entity to a record. */
    public static <E, T> PageResponse<T> of(PanacheQuery<E> query, int page, int size, Function<E, T> mapper) {
        if ((long) page * size > Integer.MAX_VALUE - (long) size) {
            // no list is that long, and the database offset would overflow: past the end, the page is empty
            return new PageResponse<>(List.of(), page, size, query.count());
        }
        List<T> items = query.page(page, size).list().stream().map(mapper).toList();
        return new PageResponse<>(items, page, size, query.count());
    }

    /** The same page with each item mapped, e.g. a use case's records to the resource's DTOs. */
    public <R> PageResponse<R> map(Function<? super T, ? extends R> mapper) {
        List<R> mapped = items.stream().<R>map(mapper).toList();
        return new PageResponse<>(mapped, page, size, total);
    }

    /** Pages a list already in memory (small reference lists, computed views). */
    public static <T> PageResponse<T> ofList(List<T> all, PageParams params) {
        int from = (int) Math.min((long) params.page * params.size, all.size());
        int to = (int) Math.min((long) from + params.size, all.size());
        return new PageResponse<>(List.copyOf(all.subList(from, to)), params.page, params.size, all.size());
    }
}
