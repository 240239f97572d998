package org.corridor.allocation.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.UUID;
import org.corridor.allocation.solver.api.Priority;
import org.corridor.allocation.solver.api.TransportMode;
import org.corridor.allocation.solver.move.ChunkEditMove;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import org.optaplanner.core.impl.heuristic.move.Move;

/**
 * The edit move and transport modes: a line put on a lot of another depot travels by that lot's default mode (the mode
 * chosen for the old depot's route says nothing about the new one), a line that keeps its lot or its depot keeps its
 * mode, and the undo move puts every mode back.
 */
class ChunkEditMoveTest {

    @Test
    void aLinePutOnAnotherLotTravelsByItsDefaultModeAndTheUndoPutsTheOldModeBack() {
        InputBuilder b = new InputBuilder();
        var gaziantep = b.site("Gaziantep", "TUR", 37.07, 37.38);
        UUID g = b.need(gaziantep, "BLANKET", 500, Priority.HIGH);
        UUID adanaLot = b.lot("AFAD-ADA", "TUR", 37.00, 35.32, "BLANKET", 500);
        UUID adanaOtherLot = b.lot("AFAD-ADA", "TUR", 37.00, 35.32, "BLANKET", 500);
        b.lot("AFAD-KMS", "TUR", 37.58, 36.93, "BLANKET", 500);
        AllocationSolution s = AllocationProblemBuilder.build(b.build());
        NeedChunk line = s.getChunks().stream().filter(c -> c.getNeed().getId().equals(g)).findFirst().orElseThrow();
        Lot adana = line.getCandidates().stream().filter(l -> l.getId().equals(adanaLot)).findFirst().orElseThrow();
        Lot adanaOther = line.getCandidates().stream().filter(l -> l.getId().equals(adanaOtherLot)).findFirst()
                .orElseThrow();
        Lot kahramanmaras = lot(line, "AFAD-KMS");
        line.setLot(adana);
        line.setQuantity(500);
        // flown from Adana, though a truck is the default between the two Turkish cities
        line.setMode(TransportMode.AIR);
        var director = SolverTestSupport.scoreDirector(s);
        HardMediumSoftLongScore flown = director.calculateScore();
        assertEquals(TransportMode.AIR, line.getSupply().getRoute().getMode());

        // fewer units from the same lot: still flown
        Move<AllocationSolution> fewer = new ChunkEditMove(List.of(line), List.of(adana), List.of(400));
        var undoFewer = fewer.doMove(director);
        assertEquals(TransportMode.AIR, line.getMode());
        undoFewer.doMove(director);
        // another lot of the same depot: the same route, still flown
        var undoOther = new ChunkEditMove(List.of(line), List.of(adanaOther), List.of(500)).doMove(director);
        assertEquals(adanaOther, line.getLot());
        assertEquals(TransportMode.AIR, line.getMode());
        undoOther.doMove(director);

        Move<AllocationSolution> move = new ChunkEditMove(List.of(line), List.of(kahramanmaras), List.of(500));
        var undo = move.doMove(director);
        assertNull(line.getMode(), "the line travels by its new lot's default mode");
        assertEquals(TransportMode.ROAD, line.getSupply().getRoute().getMode());
        HardMediumSoftLongScore trucked = director.calculateScore();
        assertEquals(flown.mediumScore(), trucked.mediumScore());

        undo.doMove(director);
        assertEquals(adana, line.getLot());
        assertEquals(TransportMode.AIR, line.getMode());
        assertEquals(flown, director.calculateScore());
    }

    @Test
    void anEmptiedSlotThatTakesALotAgainForgetsTheModeOfItsLastLot() {
        InputBuilder b = new InputBuilder();
        var gaziantep = b.site("Gaziantep", "TUR", 37.07, 37.38);
        UUID g = b.need(gaziantep, "BLANKET", 500, Priority.HIGH);
        b.lot("AFAD-ADA", "TUR", 37.00, 35.32, "BLANKET", 500);
        b.lot("AFAD-KMS", "TUR", 37.58, 36.93, "BLANKET", 500);
        AllocationSolution s = AllocationProblemBuilder.build(b.build());
        List<NeedChunk> slots = s.getChunks().stream().filter(c -> c.getNeed().getId().equals(g)).toList();
        NeedChunk line = slots.get(0);
        NeedChunk empty = slots.get(1);
        line.setLot(lot(line, "AFAD-ADA"));
        line.setQuantity(500);
        // the slot once flew a line, and keeps the mode after it was emptied
        empty.setMode(TransportMode.AIR);
        var director = SolverTestSupport.scoreDirector(s);
        HardMediumSoftLongScore before = director.calculateScore();

        var undo = ChunkEditMove.transfer(line, empty, lot(empty, "AFAD-KMS"), 200).doMove(director);
        assertEquals(200, empty.getQuantity());
        assertNull(empty.getMode(), "the new line travels by its lot's default mode");
        assertEquals(TransportMode.ROAD, empty.getSupply().getRoute().getMode());

        undo.doMove(director);
        assertNull(empty.getLot());
        assertEquals(TransportMode.AIR, empty.getMode());
        assertEquals(before, director.calculateScore());
    }

    private static Lot lot(NeedChunk slot, String depot) {
        return slot.getCandidates().stream().filter(l -> l.getDepotCode().equals(depot)).findFirst().orElseThrow();
    }
}
