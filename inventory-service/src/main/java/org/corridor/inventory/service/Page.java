package org.corridor.inventory.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import java.util.List;
import java.util.function.Function;

/** One page of a list, as a use case answers it: the items of the page and the count on all pages. */
public record Page<T>(List<T> items, long total) {

    /** Runs the query for page {@code page} (0-based) of {@code size} and maps each entity to a record. */
    static <E, T> Page<T> of(PanacheQuery<E> query, int page, int size, Function<E, T> mapper) {
        List<T> items = query.page(page, size).list().stream().map(mapper).toList();
        return new Page<>(items, query.count());
    }
}
