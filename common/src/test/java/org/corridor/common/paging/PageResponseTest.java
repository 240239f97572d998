package org.corridor.common.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Paging a list in memory never overflows: a page past the end is empty, however far. */
class PageResponseTest {

    @Test
    void aPageFarPastTheEndIsEmptyWithTheTrueTotal() {
        List<Integer> all = List.of(1, 2, 3);
        PageResponse<Integer> far = PageResponse.ofList(all, new PageParams(Integer.MAX_VALUE, 2));
        assertEquals(List.of(), far.items());
        assertEquals(3, far.total());
        assertEquals(Integer.MAX_VALUE, far.page());
        PageResponse<Integer> last = PageResponse.ofList(all, new PageParams(1, PageParams.MAX_SIZE));
        assertEquals(List.of(), last.items());
        assertEquals(List.of(3), PageResponse.ofList(all, new PageParams(1, 2)).items());
    }

    @Test
    void theLargestPageNumberKeepsTheOffsetAnInt() {
        assertEquals(true, (long) PageParams.MAX_PAGE * PageParams.MAX_SIZE + PageParams.MAX_SIZE < Integer.MAX_VALUE);
    }
}
