package org.corridor.allocation.solver;

import java.util.List;
import org.corridor.allocation.solver.api.TransportMode;
import org.optaplanner.core.api.domain.entity.PlanningEntity;
import org.optaplanner.core.api.domain.entity.PlanningPin;
import org.optaplanner.core.api.domain.lookup.PlanningId;
import org.optaplanner.core.api.domain.valuerange.CountableValueRange;
import org.optaplanner.core.api.domain.valuerange.ValueRangeFactory;
import org.optaplanner.core.api.domain.valuerange.ValueRangeProvider;
import org.optaplanner.core.api.domain.variable.PlanningVariable;

/**
 * Planning entity: one line slot of a material need, with three variables: the {@link Lot} that delivers it
 * ({@code null} = this part stays unmet), its {@link #getQuantity() quantity} and its transport {@link #getMode() mode}
 * (null = the need's default for the lot). The route from that lot's depot to the need's site is precomputed
 * ({@link #getSupply()}). The value is the lot itself (not a per-site object) so that swap moves can exchange lots
 * between needs of different sites.
 * <p>
 * Invariant: the quantities of the slots of one need add up to the need's quantity (what is not on a lot is unmet). The
 * builder creates it (the whole need in one unassigned slot), the construction phase and every move keep it: quantities
 * are only ever moved between slots of the same need ({@link org.corridor.allocation.solver.move.ChunkEditMove}), never
 * changed by a generic change move (there is none on slots in the solver configuration). A slot with quantity 0 is an
 * empty line and counts for nothing. See {@code package-info.java} for why slots replaced fixed-size chunks.
 */
@PlanningEntity(difficultyComparatorClass = NeedChunkDifficultyComparator.class)
public class NeedChunk {

    @PlanningId
    private Long id;
    private MaterialNeed need;
    private List<Lot> candidates;
    @PlanningPin
    private boolean pinned;

    @PlanningVariable(valueRangeProviderRefs = "lotRange", nullable = true)
    private Lot lot;
    /**
     * How the line travels: a mode the solver chose, or null for the need's default for the lot
     * ({@link MaterialNeed#supplyFor(Lot)}); a mode that cannot make the lot's journey also means the default. Only the
     * mode change moves of the solver configuration change it, so moving units between lines never changes how they
     * travel.
     */
    @PlanningVariable(valueRangeProviderRefs = "modeRange", nullable = true)
    private TransportMode mode;
    /** Cache of {@link #getSupply()}: the supply of the lot and mode it was last looked up for (not a variable). */
    private Supply supply;
    private TransportMode supplyMode;
    /**
     * Dense index among the movable slots of one solve, for the array bookkeeping of move selection; assigned by the
     * move selection's index when a phase starts ({@link org.corridor.allocation.solver.move.MoveIndex}; not part of
     * the problem).
     */
    private int index = -1;

    /** Moved between slots of one need only by the custom moves (see the invariant above). */
    @PlanningVariable(valueRangeProviderRefs = "quantityRange")
    private Integer quantity;

    public NeedChunk() {
    }

    public NeedChunk(long id, MaterialNeed need, int quantity, List<Lot> candidates) {
        this(id, need, quantity, candidates, null);
    }

    public NeedChunk(long id, MaterialNeed need, int quantity, List<Lot> candidates, Lot lot) {
        this(id, need, quantity, candidates, lot, false);
    }

    /**
     * @param pinned no move ever changes this slot (a pinned base line of a re-plan); a slot without candidates is
     *     pinned anyway
     */
    public NeedChunk(long id, MaterialNeed need, int quantity, List<Lot> candidates, Lot lot, boolean pinned) {
        this(id, need, quantity, candidates, lot, pinned, null);
    }

    /** @param mode how the line travels (null = the need's default for the lot) */
    public NeedChunk(long id, MaterialNeed need, int quantity, List<Lot> candidates, Lot lot, boolean pinned,
            TransportMode mode) {
        this.mode = mode;
        this.id = id;
        this.need = need;
        this.quantity = quantity;
        this.candidates = candidates;
        this.lot = lot;
        this.pinned = pinned || candidates.isEmpty();
    }

    /** A copy with the same variables (for {@link AllocationSolutionCloner}). */
    NeedChunk copy() {
        NeedChunk c = new NeedChunk();
        c.id = id;
        c.need = need;
        c.candidates = candidates;
        c.pinned = pinned;
        c.lot = lot;
        c.supply = supply;
        c.supplyMode = supplyMode;
        c.mode = mode;
        c.quantity = quantity;
        c.index = index;
        return c;
    }

    /**
     * Unmet quantity expressed in basis points (1/10,000) of the total demand of the item in this problem: a tent and a
     * tablet become comparable, while for one item a CRITICAL unit always outweighs a HIGH unit. At least 1 so that no
     * part of a need is free to leave unmet.
     */
    static long normalise(int quantity, int itemDemand) {
        return Math.max(1, Math.round(quantity * 10_000.0 / Math.max(1, itemDemand)));
    }

    @ValueRangeProvider(id = "lotRange")
    public List<Lot> getCandidates() {
        return candidates;
    }

    /** 0 to the need's quantity (declared for the variable; only the custom moves change it). */
    @ValueRangeProvider(id = "quantityRange")
    public CountableValueRange<Integer> getQuantityRange() {
        return ValueRangeFactory.createIntValueRange(0, need.getQuantity() + 1);
    }

    public Long getId() {
        return id;
    }
    public MaterialNeed getNeed() {
        return need;
    }
    public int getQuantity() {
        return quantity == null ? 0 : quantity;
    }
    public long getNormalisedUnits() {
        return normalise(getQuantity(), need.getItemDemand());
    }
    public boolean isPinned() {
        return pinned;
    }
    public int getIndex() {
        return index;
    }
    public void setIndex(int index) {
        this.index = index;
    }
    public Lot getLot() {
        return lot;
    }

    public void setLot(Lot lot) {
        this.lot = lot;
    }

    public TransportMode getMode() {
        return mode;
    }

    public void setMode(TransportMode mode) {
        this.mode = mode;
    }

    public void setQuantity(Integer quantity) {
        this.quantity = quantity;
    }

    /** Delivers something: on a lot, with a positive quantity. */
    public boolean isDelivering() {
        return lot != null && getQuantity() > 0;
    }

    /** The lot and route delivering this chunk to its site, or null when unmet. */
    public Supply getSupply() {
        if (lot == null) {
            return null;
        }
        // remembered for the lot and mode it was looked up for (a miss is an array lookup, MaterialNeed#supplyFor)
        Supply s = supply;
        if (s == null || s.getLot() != lot || supplyMode != mode) {
            s = need.supplyFor(lot, mode);
            supply = s;
            supplyMode = mode;
        }
        return s;
    }

    /** Weight of this chunk in grams, for vehicle counting. */
    public long getGrams() {
        Supply supply = getSupply();
        return supply == null ? 0 : Supply.grams(supply.getLot(), getQuantity());
    }

    /** Volume of this chunk in cubic centimetres, for vehicle counting. */
    public long getCubicCentimetres() {
        Supply supply = getSupply();
        return supply == null ? 0 : Supply.cubicCentimetres(supply.getLot(), getQuantity());
    }

    /** Whole hours the delivery arrives after the need's deliver-by (0 when on time or no deadline). */
    public long getHoursLate() {
        Supply supply = getSupply();
        return supply == null ? 0 : supply.hoursLateFor(need);
    }

    @Override
    public String toString() {
        return "Chunk[" + need + " " + quantity + " <- " + lot + (mode == null ? "" : " " + mode) + "]";
    }
}
