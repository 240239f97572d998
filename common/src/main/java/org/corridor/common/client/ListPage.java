package org.corridor.common.client;

import java.util.List;

/**
 * One page of a list as a Corridor service answers it ({@code {"items": [...], "page": n, "size": n, "total": n}}),
 * seen by the service that reads it: a client's wire record of a page implements this, so that {@link ListPages} reads
 * every page of any list the same way.
 */
public interface ListPage<T> {

    /** The items of this page (null or empty past the end). */
    List<T> items();

    /** The number of items on all pages. */
    long total();
}
