package org.corridor.common.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * {@code page} (0-based) and {@code size} query parameters of every list endpoint; use with {@code @BeanParam @Valid}.
 */
public class PageParams {

    public static final int MAX_SIZE = 500;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(value = 0, message = "must be 0 or more")
    @Parameter(description = "Page number, 0-based", example = "0")
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
