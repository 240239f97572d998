package org.corridor.allocation.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.corridor.allocation.client.inventory.InventoryClient;
import org.corridor.allocation.config.AllocationConfig;
import org.corridor.allocation.domain.Priority;
import org.corridor.allocation.service.NeedsEstimate.MissingItem;
import org.corridor.allocation.service.NeedsEstimate.ProposedNeed;

/**
 * Proposes a site's needs from the Sphere minimum standards, mapped to catalogue item codes
 * ({@link AllocationConfig.Estimate}) that are looked up in inventory's catalogue. Nothing is saved: an officer reviews
 * the proposal and posts the needs she keeps.
 *
 * <table>
 * <caption>Mapping</caption>
 * <tr>
 * <th>purpose</th>
 * <th>Sphere figure</th>
 * <th>item (default code)</th>
 * <th>quantity</th>
 * </tr>
 * <tr>
 * <td>water storage</td>
 * <td>water containers per household</td>
 * <td>jerrycan 10-20 l (WASH-JERRYCAN-20L)</td>
 * <td>2 per household of 5</td>
 * </tr>
 * <tr>
 * <td>water treatment</td>
 * <td>15 l/person/day</td>
 * <td>purification tablet (WASH-PURIFICATION-TABLET)</td>
 * <td>population x 15 l x days / 20 l per tablet</td>
 * </tr>
 * <tr>
 * <td>shelter</td>
 * <td>3.5 m2 covered space/person</td>
 * <td>family tent 16 m2, 5 persons (SHELTER-FAMILY-TENT)</td>
 * <td>ceil(population x 3.5 / 16)</td>
 * </tr>
 * <tr>
 * <td>food</td>
 * <td>2,100 kcal/person/day</td>
 * <td>daily ration (FOOD-RATION-DAY), else HEB carton 10 kg (FOOD-HEB-CARTON)</td>
 * <td>population x days; or population x days x 2,100 / 45,000 kcal per carton</td>
 * </tr>
 * <tr>
 * <td>hygiene</td>
 * <td>one kit per family per month</td>
 * <td>hygiene kit (WASH-HYGIENE-KIT)</td>
 * <td>households x ceil(days / 30)</td>
 * </tr>
 * <tr>
 * <td>warmth</td>
 * <td>one blanket per person</td>
 * <td>blanket (NFI-BLANKET)</td>
 * <td>population</td>
 * </tr>
 * </table>
 */
@ApplicationScoped
public class NeedsEstimator {

    /** Sphere: 15 litres of water per person per day for drinking, cooking and hygiene. */
    static final double WATER_LITRES_PER_PERSON_DAY = 15;
    /** Sphere: 3.5 m2 of covered living space per person. */
    static final double COVERED_M2_PER_PERSON = 3.5;
    /** Typical family tent: 16 m2 floor for 5 persons. */
    static final double TENT_FLOOR_M2 = 16;
    /** Household size used for family items (tent, hygiene kit, containers). */
    static final int HOUSEHOLD_SIZE = 5;
    /** Sphere: 2,100 kcal per person per day. */
    static final double KCAL_PER_PERSON_DAY = 2100;
    /** High-energy biscuits: carton of 10 kg at >= 450 kcal per 100 g = 45,000 kcal. */
    static final double KCAL_PER_HEB_CARTON = 10_000 / 100.0 * 450;
    /** Sphere: two 10-20 l water containers per household. */
    static final int WATER_CONTAINERS_PER_HOUSEHOLD = 2;
    /** One hygiene kit covers one family for one month. */
    static final int DAYS_PER_HYGIENE_KIT = 30;

    private final IncidentService incidents;
    private final InventoryReads inventory;
    private final AllocationConfig.Estimate codes;

    public NeedsEstimator(IncidentService incidents, InventoryReads inventory, AllocationConfig config) {
        this.incidents = incidents;
        this.inventory = inventory;
        this.codes = config.estimate();
    }

    /**
     * The proposal for a site of the incident (404 unknown incident, 422 a site of another incident), for
     * {@code population} people (null: the site's affected population) over {@code days} days.
     */
    public NeedsEstimate estimate(UUID incidentId, UUID siteId, Integer population, int days) {
        SiteView site = incidents.site(incidentId, siteId);
        return estimate(site, population != null ? population : site.affectedPopulation(), days);
    }

    private NeedsEstimate estimate(SiteView site, int population, int days) {
        Map<String, InventoryClient.Item> catalogue = inventory.items().stream()
                .collect(Collectors.toMap(InventoryClient.Item::code, Function.identity(), (a, b) -> a));
        List<ProposedNeed> proposals = new ArrayList<>();
        List<MissingItem> missing = new ArrayList<>();
        if (population == 0) {
            return new NeedsEstimate(site.id(), 0, days, proposals, missing);
        }
        long households = ceilDiv(population, HOUSEHOLD_SIZE);

        long litres = Math.round(population * WATER_LITRES_PER_PERSON_DAY * days);
        propose(catalogue, missing, proposals, "water storage", codes.waterContainer(),
                households * WATER_CONTAINERS_PER_HOUSEHOLD, Priority.CRITICAL,
                WATER_CONTAINERS_PER_HOUSEHOLD + " water containers per household (Sphere): " + households
                        + " households of " + HOUSEHOLD_SIZE);
        propose(catalogue, missing, proposals, "water treatment", codes.purificationTablet(),
                ceilDiv(litres, codes.litresPerTablet()), Priority.CRITICAL,
                "15 l per person per day (Sphere): " + population + " x 15 l x " + days + " days = " + litres
                        + " l, one tablet per " + codes.litresPerTablet() + " l");
        long tents = (long) Math.ceil(population * COVERED_M2_PER_PERSON / TENT_FLOOR_M2);
        propose(catalogue, missing, proposals, "shelter", codes.familyTent(), tents, Priority.CRITICAL,
                "3.5 m2 covered space per person (Sphere): " + population + " x 3.5 m2 / 16 m2 per family tent");
        long personDays = (long) population * days;
        if (catalogue.containsKey(codes.foodRation())) {
            propose(catalogue, missing, proposals, "food", codes.foodRation(), personDays, Priority.HIGH,
                    "2,100 kcal per person per day (Sphere), one daily ration per person: " + population + " x " + days
                            + " days");
        } else {
            long cartons = (long) Math.ceil(personDays * KCAL_PER_PERSON_DAY / KCAL_PER_HEB_CARTON);
            propose(catalogue, missing, proposals, "food", codes.highEnergyBiscuits(), cartons, Priority.HIGH,
                    "2,100 kcal per person per day (Sphere): " + personDays
                            + " person-days / 45,000 kcal per 10 kg carton");
        }
        propose(catalogue, missing, proposals, "hygiene", codes.hygieneKit(),
                households * ceilDiv(days, DAYS_PER_HYGIENE_KIT), Priority.MEDIUM,
                "one hygiene kit per family per month: " + households + " households x "
                        + ceilDiv(days, DAYS_PER_HYGIENE_KIT) + " month(s)");
        propose(catalogue, missing, proposals, "warmth", codes.blanket(), population, Priority.MEDIUM,
                "one blanket per person: " + population + " persons");
        return new NeedsEstimate(site.id(), population, days, proposals, missing);
    }

    private static void propose(Map<String, InventoryClient.Item> catalogue, List<MissingItem> missing,
            List<ProposedNeed> out, String purpose, String code, long quantity, Priority priority, String basis) {
        InventoryClient.Item item = catalogue.get(code);
        if (item == null) {
            missing.add(new MissingItem(purpose, code));
            return;
        }
        int q = (int) Math.min(Integer.MAX_VALUE, Math.max(1, quantity));
        out.add(new ProposedNeed(item.code(), item.name(), item.unit(), q, priority, basis));
    }

    static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
