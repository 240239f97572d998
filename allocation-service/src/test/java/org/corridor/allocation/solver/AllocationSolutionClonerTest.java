package org.corridor.allocation.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/** The planning clone copies every slot's variables into new objects and shares the problem facts. */
class AllocationSolutionClonerTest {

    @Test
    void cloneCopiesVariablesIntoNewSlotsAndSharesFacts() {
        AllocationSolution original = AllocationProblemBuilder.build(ScoreCorruptionTest.smallTroubledInstance());
        NeedChunk chunk = original.getChunks().get(0);
        Lot lot = chunk.getCandidates().get(0);
        chunk.setLot(lot);
        chunk.setQuantity(7);
        TeamSlot slot = original.getSlots().get(0);
        slot.setOption(slot.getCandidates().get(0));
        original.setScore(HardMediumSoftLongScore.of(0, -1, -2));

        AllocationSolution clone = new AllocationSolutionCloner().cloneSolution(original);

        assertEquals(original.getChunks().size(), clone.getChunks().size());
        assertEquals(original.getSlots().size(), clone.getSlots().size());
        for (int i = 0; i < original.getChunks().size(); i++) {
            NeedChunk a = original.getChunks().get(i);
            NeedChunk b = clone.getChunks().get(i);
            assertNotSame(a, b);
            assertEquals(a.getId(), b.getId());
            assertSame(a.getNeed(), b.getNeed());
            assertSame(a.getLot(), b.getLot());
            assertEquals(a.getQuantity(), b.getQuantity());
            assertEquals(a.isPinned(), b.isPinned());
            assertSame(a.getCandidates(), b.getCandidates());
        }
        for (int i = 0; i < original.getSlots().size(); i++) {
            TeamSlot a = original.getSlots().get(i);
            TeamSlot b = clone.getSlots().get(i);
            assertNotSame(a, b);
            assertEquals(a.getId(), b.getId());
            assertSame(a.getOption(), b.getOption());
            assertSame(a.getTeamNeed(), b.getTeamNeed());
            assertEquals(a.getHoursToArrival(), b.getHoursToArrival());
        }
        assertSame(original.getLots(), clone.getLots());
        assertSame(original.getAccessRules(), clone.getAccessRules());
        assertSame(original.getConstraintConfiguration(), clone.getConstraintConfiguration());
        assertEquals(original.getScore(), clone.getScore());
        assertEquals(lot, clone.getChunks().get(0).getSupply().getLot());

        // the clone is independent: changing it leaves the original's plan as it was
        clone.getChunks().get(0).setLot(null);
        clone.getChunks().get(0).setQuantity(0);
        clone.getSlots().get(0).setOption(null);
        assertSame(lot, chunk.getLot());
        assertEquals(7, chunk.getQuantity());
        assertSame(slot.getCandidates().get(0), slot.getOption());
        assertNull(clone.getSlots().get(0).getOption());
    }
}
