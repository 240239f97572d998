package org.corridor.allocation.solver;

import java.util.ArrayList;
import java.util.List;

/**
 * Static checks of one (lot, need) or (team, team need) pairing, the same ones the hard constraints enforce. The
 * builder uses them to prune value ranges; the outcome extractor uses them to explain unmet needs in plain words.
 */
public final class Eligibility {

    private Eligibility() {
    }

    /** Why a lot cannot serve a need along its route, in plain words; empty when it can. */
    public static List<String> materialBlockers(Supply supply, MaterialNeed need, List<AccessRuleFact> rules) {
        List<String> why = new ArrayList<>();
        for (AccessRuleFact r : blockingMaterialRules(supply, need, rules)) {
            why.add("blocked by " + r.describe(supply.getRoute().getMode()));
        }
        why.addAll(otherBlockers(supply, need));
        return why;
    }

    /** Why a lot cannot serve a need whatever the access rules (earmark, expiry), in plain words. */
    public static List<String> otherBlockers(Supply supply, MaterialNeed need) {
        List<String> why = new ArrayList<>();
        Lot lot = supply.getLot();
        if (!lot.earmarkAllows(need.getSiteCountryCode(), need.getIncidentType())) {
            why.add("earmarked for " + earmarkText(lot));
        }
        if (supply.expiresBeforeArrival()) {
            why.add("would expire (on " + lot.getExpiresOn() + ") before arrival plus the "
                    + supply.getExpiryMarginDays() + "-day margin");
        }
        return why;
    }

    public static List<AccessRuleFact> blockingMaterialRules(Supply supply, MaterialNeed need,
            List<AccessRuleFact> rules) {
        return blockingMaterialRules(supply, need.getSiteCountryCode(), rules);
    }

    /**
     * The rules blocking materials from the supply's lot to {@code destination} by the supply's mode at any moment
     * between departure and arrival.
     */
    static List<AccessRuleFact> blockingMaterialRules(Supply supply, String destination, List<AccessRuleFact> rules) {
        List<AccessRuleFact> out = new ArrayList<>();
        for (AccessRuleFact r : rules) {
            if (r.getOriginCountryCode().equals(supply.getOriginCountryCode())
                    && r.getDestinationCountryCode().equals(destination)
                    && r.blocksMaterials(supply.getRoute().getMode(), supply.getDepartsAt(),
                            supply.getArrivesAt())) {
                out.add(r);
            }
        }
        return out;
    }

    public static List<AccessRuleFact> blockingTeamRules(TeamOption option, TeamNeedFact need,
            List<AccessRuleFact> rules) {
        return blockingTeamRules(option, need.getSiteCountryCode(), rules);
    }

    /**
     * The rules blocking the option's team from travelling to {@code destination} by the option's mode at any moment of
     * its journey.
     */
    static List<AccessRuleFact> blockingTeamRules(TeamOption option, String destination, List<AccessRuleFact> rules) {
        List<AccessRuleFact> out = new ArrayList<>();
        for (AccessRuleFact r : rules) {
            if (r.getOriginCountryCode().equals(option.getOriginCountryCode())
                    && r.getDestinationCountryCode().equals(destination)
                    && r.blocksTeams(option.getMode(), option.getDepartsAt(), option.getArrivesAt())) {
                out.add(r);
            }
        }
        return out;
    }

    static String earmarkText(Lot lot) {
        List<String> parts = new ArrayList<>();
        if (!lot.getEarmarkCountryCodes().isEmpty()) {
            parts.add(String.join("/", new java.util.TreeSet<>(lot.getEarmarkCountryCodes())));
        }
        if (!lot.getEarmarkIncidentTypes().isEmpty()) {
            parts.add(String.join("/", new java.util.TreeSet<>(lot.getEarmarkIncidentTypes())) + " incidents");
        }
        return String.join(", ", parts);
    }
}
