package org.corridor.allocation.solver;

import java.time.Instant;
import java.util.UUID;
import org.corridor.allocation.solver.api.Priority;
import org.corridor.allocation.solver.api.SolverInput;

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
    private final java.util.Map<Lot, Supply> supplies = new java.util.IdentityHashMap<>();
    /**
     * The same supplies by {@link Lot#getIndex() lot index} once move selection has numbered the lots, filled as they
     * are asked for: the solver looks a supply up for every line a move changes.
     */
    private Supply[] byLotIndex = new Supply[0];
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

    /** Registers the precomputed lot-to-site supply (the builder does this for every lot of the item). */
    public void addSupply(Supply supply) {
        supplies.put(supply.getLot(), supply);
    }

    /** The supply of {@code lot} to this need's site; fails for a lot never registered. */
    public Supply supplyFor(Lot lot) {
        int i = lot.getIndex();
        Supply[] known = byLotIndex;
        if (i >= 0 && i < known.length) {
            Supply s = known[i];
            if (s != null && s.getLot() == lot) {
                return s;
            }
        }
        Supply s = supplies.get(lot);
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
