package org.corridor.common.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * {@code page} (0-based) and {@code size} query parameters of every list endpoint; use with {@code @BeanParam @Valid}.
 * <p>
 * The first item of a page is number {@code page * size}, an {@code int} for the database query: {@code page} is
 * therefore at most {@link #MAX_PAGE}, so that it stays far below {@link Integer#MAX_VALUE} for every size. A larger
 * page is a 400 problem naming the parameter, like a size out of range; a page within range but past the last item is
 * an empty page (with the true {@code total}).
 */
public class PageParams {

    public static final int MAX_SIZE = 500;
    /** The largest page number: a million pages of {@link #MAX_SIZE} items are 5 × 10^8 items, a safe int offset. */
    public static final int MAX_PAGE = 1_000_000;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(value = 0, message = "must be between 0 and " + MAX_PAGE)
    @Max(value = MAX_PAGE, message = "must be between 0 and " + MAX_PAGE)
    @Parameter(description = "Page number, 0-based, 0 to 1,000,000; past the last item the page is empty",
            example = "0")
    public int page;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(value = 1, message = "must be between 1 and " + MAX_SIZE)
    @Max(value = MAX_SIZE, message = "must be between 1 and " + MAX_SIZE)
    @Parameter(description = "Page size, 1 to 500", example = "20")
    public int size;

    public PageParams() {
        this(0, 20);
    }

    public PageParams(int page, int size) {
        this.page = page;
        this.size = size;
    }
}
