package org.corridor.allocation.rest;

import java.util.function.Function;
import org.corridor.common.paging.PageResponse;

/** Maps a page of a use case's records to a page of response bodies. */
final class Pages {

    private Pages() {
    }

    static <S, T> PageResponse<T> map(PageResponse<S> page, Function<S, T> toDto) {
        return new PageResponse<>(page.items().stream().map(toDto).toList(), page.page(), page.size(), page.total());
    }
}
