package org.corridor.allocation.solver;

import java.util.List;
import java.util.UUID;

/**
 * Problem fact: one item needed by several incidents in one plan, with the units each incident requests of it (the sum
 * of its needs' quantities in this problem). The key of the "Fairness between incidents" term: when stock is short,
 * every incident should get the same share of what it requested, so that the incident planned first (or nearest to the
 * depots) does not take it all. Built by {@link AllocationProblemBuilder} only for items that more than one incident
 * needs; a single-incident item has no such fact and the term is zero for it.
 */
public final class ItemIncidents {

    private final String itemCode;
    private final List<UUID> incidentIds;
    private final long[] requested;
    private final long totalRequested;

    /**
     * @param incidentIds the incidents, in the order of {@code requested}
     * @param requested units each incident requests of the item (positive)
     */
    public ItemIncidents(String itemCode, List<UUID> incidentIds, long[] requested) {
        this.itemCode = itemCode;
        this.incidentIds = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(incidentIds));
        this.requested = requested.clone();
        long total = 0;
        for (long r : requested) {
            total += r;
        }
        this.totalRequested = total;
    }

    /**
     * The penalty of the term for these unmet units per incident (same order as the incidents): with {@code R_k} the
     * units incident k requests, {@code U_k} its unmet units, {@code R} and {@code U} their sums, each incident's unmet
     * share in per-mille {@code 1000 U_k / R_k} is compared with the common one {@code 1000 U / R} (integer division,
     * like the site term) and the penalty is the sum over incidents of the squared difference / 10. Equal shares cost
     * nothing; an incident left with nothing while another is fully served costs most.
     */
    public long penalty(long[] unmet) {
        long total = 0;
        for (long u : unmet) {
            total += u;
        }
        long common = total * 1000 / Math.max(1, totalRequested);
        long penalty = 0;
        for (int k = 0; k < requested.length; k++) {
            long d = unmet[k] * 1000 / Math.max(1, requested[k]) - common;
            penalty += d * d / 10;
        }
        return penalty;
    }

    public String getItemCode() {
        return itemCode;
    }

    public List<UUID> getIncidentIds() {
        return incidentIds;
    }

    public int incidentCount() {
        return requested.length;
    }

    public long requested(int k) {
        return requested[k];
    }

    @Override
    public String toString() {
        return "ItemIncidents[" + itemCode + " x" + requested.length + " incidents]";
    }
}
