package org.corridor.allocation.solver;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.corridor.allocation.solver.api.Priority;
import org.corridor.allocation.solver.api.SolverInput;
import org.corridor.allocation.solver.api.TransportMode;

/**
 * Problem fact: a material need of one site. {@code itemDemand} is the total quantity of the item needed across every
 * need of the problem (used to normalise unmet quantities, see {@link NeedChunk#getNormalisedUnits()}); {@code site}
 * groups the needs of one site for fairness.
 */
public class MaterialNeed {

    private final UUID id;
    private final UUID incidentId;
    private final String incidentType;
    private final SiteFact site;
    private final String itemCode;
    private final String itemName;
    private final int quantity;
    private final Priority priority;
    private final Instant deliverBy;
    private final int itemDemand;
    /**
     * A lot's supplies to this need's site: one per feasible mode (by mode ordinal, null where the mode cannot make the
     * journey) and the need's default among them, the one a line takes when its mode is not chosen.
     */
    private record LotSupplies(Supply preferred, Supply[] byMode) {
    }

    private final java.util.Map<Lot, LotSupplies> supplies = new java.util.IdentityHashMap<>();
    /**
     * The same supplies by {@link Lot#getIndex() lot index} once move selection has numbered the lots, filled as they
     * are asked for: the solver looks a supply up for every line a move changes.
     */
    private LotSupplies[] byLotIndex = new LotSupplies[0];
    /** Lots of the need's released (unpinned) base lines and their units, for "Plan stability". */
    private Lot[] releasedBaseLots = new Lot[0];
    private int[] releasedBaseUnits = new int[0];
    /** The item's incidents when it is shared by several, for "Fairness between incidents"; else null. */
    private ItemIncidents itemIncidents;
    private int incidentIndex = -1;

    public MaterialNeed(UUID id, UUID incidentId, String incidentType, SiteFact site, String itemCode, String itemName,
            int quantity, Priority priority, Instant deliverBy, int itemDemand) {
        this.id = id;
        this.incidentId = incidentId;
        this.incidentType = incidentType;
        this.site = site;
        this.itemCode = itemCode;
        this.itemName = itemName;
        this.quantity = quantity;
        this.priority = priority == null ? Priority.MEDIUM : priority;
        this.deliverBy = deliverBy;
        this.itemDemand = Math.max(itemDemand, quantity);
    }

    public static MaterialNeed of(SolverInput.NeedFact f, SiteFact site, int itemDemand) {
        return new MaterialNeed(f.needId(), f.incidentId(), f.incidentType(), site, f.itemCode(),
                f.itemName() == null ? f.itemCode() : f.itemName(), f.quantity(), f.priority(), f.deliverBy(),
                itemDemand);
    }

    /** Registers the precomputed lot-to-site supply of a single mode, which is then also the lot's default. */
    public void addSupply(Supply supply) {
        addSupplies(List.of(supply), supply);
    }

    /**
     * Registers a lot's precomputed supplies to this need's site, one per feasible mode (the builder does this for
     * every lot of the item), and {@code preferred}, one of them: the supply of a line whose mode is not chosen.
     */
    public void addSupplies(List<Supply> byMode, Supply preferred) {
        Supply[] modes = new Supply[TransportMode.values().length];
        for (Supply s : byMode) {
            modes[s.getRoute().getMode().ordinal()] = s;
        }
        supplies.put(preferred.getLot(), new LotSupplies(preferred, modes));
    }

    /** The default supply of {@code lot} to this need's site; fails for a lot never registered. */
    public Supply supplyFor(Lot lot) {
        return of(lot).preferred();
    }

    /**
     * The supply of {@code lot} to this need's site by {@code mode}; the default one when {@code mode} is null or
     * cannot make that journey. Fails for a lot never registered.
     */
    public Supply supplyFor(Lot lot, TransportMode mode) {
        LotSupplies ls = of(lot);
        if (mode == null) {
            return ls.preferred();
        }
        Supply s = ls.byMode()[mode.ordinal()];
        return s == null ? ls.preferred() : s;
    }

    /** Every supply of {@code lot} to this need's site, one per feasible mode. */
    public List<Supply> suppliesFor(Lot lot) {
        List<Supply> out = new ArrayList<>(3);
        for (Supply s : of(lot).byMode()) {
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    private LotSupplies of(Lot lot) {
        int i = lot.getIndex();
        LotSupplies[] known = byLotIndex;
        if (i >= 0 && i < known.length) {
            LotSupplies s = known[i];
            if (s != null && s.preferred().getLot() == lot) {
                return s;
            }
        }
        LotSupplies s = supplies.get(lot);
        if (s == null) {
            throw new IllegalStateException("No route from " + lot + " to " + this);
        }
        if (i >= 0) {
            if (i >= known.length) {
                known = java.util.Arrays.copyOf(known, Math.max(i + 1, 2 * known.length));
                byLotIndex = known;
            }
            known[i] = s;
        }
        return s;
    }

    /**
     * Records a released base line ({@code releaseUndispatched}): {@code units} of {@code lot} the base plan gave this
     * need, which the re-plan should keep serving from that lot (several lines on one lot add up).
     */
    public void addReleasedBase(Lot lot, int units) {
        for (int i = 0; i < releasedBaseLots.length; i++) {
            if (releasedBaseLots[i] == lot) {
                releasedBaseUnits[i] += units;
                return;
            }
        }
        int n = releasedBaseLots.length;
        releasedBaseLots = java.util.Arrays.copyOf(releasedBaseLots, n + 1);
        releasedBaseUnits = java.util.Arrays.copyOf(releasedBaseUnits, n + 1);
        releasedBaseLots[n] = lot;
        releasedBaseUnits[n] = units;
    }

    public boolean hasReleasedBase() {
        return releasedBaseLots.length > 0;
    }

    /** How many lots the need's released base lines are on. */
    public int releasedBaseLotCount() {
        return releasedBaseLots.length;
    }

    /** The position of {@code lot} among the lots of the released base lines; -1 when it is not one of them. */
    public int releasedBaseIndex(Lot lot) {
        for (int i = 0; i < releasedBaseLots.length; i++) {
            if (releasedBaseLots[i] == lot) {
                return i;
            }
        }
        return -1;
    }

    /** Units of the released base lines on the lot at position {@code i} (see {@link #releasedBaseIndex}). */
    public int releasedBaseUnits(int i) {
        return releasedBaseUnits[i];
    }

    /** Marks this need as one of {@code item}'s, at position {@code index} among the item's incidents. */
    public void setItemIncidents(ItemIncidents item, int index) {
        this.itemIncidents = item;
        this.incidentIndex = index;
    }

    /** The incidents sharing this need's item, or null when only one incident needs the item. */
    public ItemIncidents getItemIncidents() {
        return itemIncidents;
    }

    public int getIncidentIndex() {
        return incidentIndex;
    }

    public UUID getId() {
        return id;
    }
    public UUID getIncidentId() {
        return incidentId;
    }
    public String getIncidentType() {
        return incidentType;
    }
    public SiteFact getSite() {
        return site;
    }
    public String getSiteCountryCode() {
        return site.getCountryCode();
    }
    public String getItemCode() {
        return itemCode;
    }
    public String getItemName() {
        return itemName;
    }
    public int getQuantity() {
        return quantity;
    }
    public Priority getPriority() {
        return priority;
    }
    public Instant getDeliverBy() {
        return deliverBy;
    }
    public int getItemDemand() {
        return itemDemand;
    }

    @Override
    public String toString() {
        return "Need[" + site.getName() + "/" + itemCode + " x" + quantity + " " + priority + "]";
    }
}
