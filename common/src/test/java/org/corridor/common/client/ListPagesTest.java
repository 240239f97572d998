package org.corridor.common.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Reading a served list page by page: where it stops, what it keeps. */
class ListPagesTest {

    private record Page(List<Integer> items, long total) implements ListPage<Integer> {
    }

    /** A list of {@code total} numbers 0, 1, ... served {@code size} per page; records the pages asked for. */
    private static final class Served {
        final int total;
        final int size;
        final List<Integer> asked = new ArrayList<>();

        Served(int total, int size) {
            this.total = total;
            this.size = size;
        }

        Page page(int page) {
            asked.add(page);
            int from = Math.min(total, page * size);
            return new Page(IntStream.range(from, Math.min(total, from + size)).boxed().toList(), total);
        }
    }

    @Test
    void everyPageIsReadAndNoPageAfterTheLast() {
        Served served = new Served(250, 100);

        List<Integer> all = ListPages.all(served::page);

        assertEquals(250, all.size());
        assertEquals(IntStream.range(0, 250).boxed().toList(), all);
        assertEquals(List.of(0, 1, 2), served.asked);
    }

    @Test
    void aListEndingOnAFullPageStopsWithoutAskingForAnEmptyOne() {
        Served served = new Served(200, 100);

        assertEquals(200, ListPages.all(served::page).size());
        assertEquals(List.of(0, 1), served.asked);
    }

    @Test
    void anEmptyListIsOnePageAsked() {
        Served served = new Served(0, 100);

        assertEquals(List.of(), ListPages.all(served::page));
        assertEquals(List.of(0), served.asked);
    }

    @Test
    void onlyWhatIsKeptIsReturnedAndEveryPageStillRead() {
        Served served = new Served(250, 100);

        List<Integer> even = ListPages.collect(served::page, n -> n % 2 == 0, Integer.MAX_VALUE, Integer.MAX_VALUE);

        assertEquals(125, even.size());
        assertEquals(List.of(0, 1, 2), served.asked);
    }

    @Test
    void readingStopsOnceEnoughIsKeptOrAtThePageBound() {
        Served kept = new Served(1_000, 100);
        assertEquals(300, ListPages.collect(kept::page, n -> true, 250, Integer.MAX_VALUE).size());
        assertEquals(List.of(0, 1, 2), kept.asked);

        Served bounded = new Served(1_000, 100);
        assertEquals(200, ListPages.collect(bounded::page, n -> true, Integer.MAX_VALUE, 2).size());
        assertEquals(List.of(0, 1), bounded.asked);
    }

    @Test
    void anAbsentPageEndsTheList() {
        assertEquals(List.of(), ListPages.<Integer>all(page -> null));
    }
}
