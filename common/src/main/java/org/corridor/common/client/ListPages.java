package org.corridor.common.client;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/** Reads a list another service serves page by page, from page 0 to its last page. */
public final class ListPages {

    private ListPages() {
    }

    /** Every item of the list. */
    public static <T> List<T> all(IntFunction<? extends ListPage<T>> fetch) {
        return collect(fetch, item -> true, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }

    /**
     * The items {@code keep} accepts, read page by page from page 0 until the last page (an absent or empty page, or as
     * many items seen as the list's total), {@code maxPages} pages read, or at least {@code maxKept} items kept (a
     * bound on one pass of a sweep: the rest waits for the next). A failing fetch throws what it throws.
     */
    public static <T> List<T> collect(IntFunction<? extends ListPage<T>> fetch, Predicate<? super T> keep,
            int maxKept, int maxPages) {
        List<T> out = new ArrayList<>();
        long seen = 0;
        for (int page = 0; page < maxPages && out.size() < maxKept; page++) {
            ListPage<T> p = fetch.apply(page);
            if (p == null || p.items() == null || p.items().isEmpty()) {
                break;
            }
            for (T item : p.items()) {
                if (keep.test(item)) {
                    out.add(item);
                }
            }
            seen += p.items().size();
            if (seen >= p.total()) {
                break;
            }
        }
        return out;
    }
}
