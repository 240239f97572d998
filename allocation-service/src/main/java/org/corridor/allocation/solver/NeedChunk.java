package org.corridor.allocation.solver;

import java.util.List;

import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.entity.PlanningPin;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.domain.variable.PlanningVariable;

/**
 * Planning entity: a fixed-size part of one material need. Its only variable is the {@link Lot}
 * that delivers it, or {@code null} when this part stays unmet; the route from that lot's depot to
 * the need's site is precomputed ({@link #getSupply()}). The value is the lot itself (not a
 * per-site object) so that swap moves can exchange lots between needs of different sites. The chunk sizes of a
 * need are binary-decomposed (1, 2, 4, ..., remainder) so that every total between 0 and the need's
 * quantity is a subset sum: see {@code package-info.java} for why.
 */
@PlanningEntity(difficultyComparatorClass = NeedChunkDifficultyComparator.class)
public class NeedChunk {

    @PlanningId
    private Long id;
    private MaterialNeed need;
    private int quantity;
    private long normalisedUnits;
    private List<Lot> candidates;
    @PlanningPin
    private boolean pinned;

    @PlanningVariable(valueRangeProviderRefs = "lotRange", nullable = true)
    private Lot lot;

    public NeedChunk() {
    }

    public NeedChunk(long id, MaterialNeed need, int quantity, List<Lot> candidates) {
        this(id, need, quantity, candidates, null);
    }

    public NeedChunk(long id, MaterialNeed need, int quantity, List<Lot> candidates, Lot lot) {
        this.id = id;
        this.need = need;
        this.quantity = quantity;
        this.candidates = candidates;
        this.lot = lot;
        this.pinned = candidates.isEmpty();
        this.normalisedUnits = normalise(quantity, need.getItemDemand());
    }

    /**
     * Unmet quantity expressed in basis points (1/10,000) of the total demand of the item in this
     * problem: a tent and a tablet become comparable, while for one item a CRITICAL unit always
     * outweighs a HIGH unit. At least 1 so that no part of a need is free to leave unmet.
     */
    static long normalise(int quantity, int itemDemand) {
        return Math.max(1, Math.round(quantity * 10_000.0 / Math.max(1, itemDemand)));
    }

    @ValueRangeProvider(id = "lotRange")
    public List<Lot> getCandidates() {
        return candidates;
    }

    public Long getId() { return id; }
    public MaterialNeed getNeed() { return need; }
    public int getQuantity() { return quantity; }
    public long getNormalisedUnits() { return normalisedUnits; }
    public boolean isPinned() { return pinned; }
    public Lot getLot() { return lot; }

    public void setLot(Lot lot) {
        this.lot = lot;
    }

    /** The lot and route delivering this chunk to its site, or null when unmet. */
    public Supply getSupply() {
        return lot == null ? null : need.supplyFor(lot);
    }

    /** Weight of this chunk in grams, for vehicle counting. */
    public long getGrams() {
        Supply supply = getSupply();
        return supply == null ? 0 : Supply.grams(supply.getLot(), quantity);
    }

    /** Volume of this chunk in cubic centimetres, for vehicle counting. */
    public long getCubicCentimetres() {
        Supply supply = getSupply();
        return supply == null ? 0 : Supply.cubicCentimetres(supply.getLot(), quantity);
    }

    /** Whole hours the delivery arrives after the need's deliver-by (0 when on time or no deadline). */
    public long getHoursLate() {
        Supply supply = getSupply();
        return supply == null ? 0 : supply.hoursLateFor(need);
    }

    @Override
    public String toString() {
        return "Chunk[" + need + " part " + quantity + " <- " + lot + "]";
    }
}
