package org.corridor.inventory.rest;

import java.util.function.Function;
import org.corridor.common.paging.PageParams;
import org.corridor.common.paging.PageResponse;
import org.corridor.inventory.service.Page;

/** Turns a use case's page of records into the {@code {items, page, size, total}} answer of a list endpoint. */
final class Pages {

    private Pages() {
    }

    static <T, D> PageResponse<D> of(Page<T> page, PageParams params, Function<T, D> toDto) {
        return new PageResponse<>(page.items().stream().map(toDto).toList(), params.page, params.size, page.total());
    }
}
