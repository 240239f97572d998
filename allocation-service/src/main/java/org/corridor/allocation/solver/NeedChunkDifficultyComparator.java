package org.corridor.allocation.solver;

import java.util.Comparator;

/** Construction order: higher priority first, then larger chunks, then fewer candidate supplies. */
public class NeedChunkDifficultyComparator implements Comparator<NeedChunk> {

    private static final Comparator<NeedChunk> ORDER = Comparator
            .comparing((NeedChunk c) -> -c.getNeed().getPriority().ordinal())
            .thenComparingInt(NeedChunk::getQuantity)
            .thenComparingInt(c -> -c.getCandidates().size())
            .thenComparing(NeedChunk::getId, Comparator.reverseOrder());

    @Override
    public int compare(NeedChunk a, NeedChunk b) {
        return ORDER.compare(a, b);
    }
}
