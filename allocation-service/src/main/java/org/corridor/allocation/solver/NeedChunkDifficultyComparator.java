package org.corridor.allocation.solver;

import java.util.Comparator;

/**
 * Construction order (hardest last = placed first): larger chunks first, like first-fit-decreasing bin packing, so that
 * small chunks fill the gaps lots are left with; then higher priority, then fewer candidate lots. Priority conflicts
 * between needs are then settled by swap moves.
 */
public class NeedChunkDifficultyComparator implements Comparator<NeedChunk> {

    private static final Comparator<NeedChunk> ORDER = Comparator
            .comparingInt(NeedChunk::getQuantity)
            .thenComparing((NeedChunk c) -> -c.getNeed().getPriority().ordinal())
            .thenComparingInt(c -> -c.getCandidates().size())
            .thenComparing(NeedChunk::getId, Comparator.reverseOrder());

    @Override
    public int compare(NeedChunk a, NeedChunk b) {
        return ORDER.compare(a, b);
    }
}
