package org.corridor.allocation.solver;

import java.util.ArrayList;
import java.util.List;

/**
 * Static checks of one (lot, need) or (team, team need) pairing, the same ones the hard constraints
 * enforce. The builder uses them to prune value ranges; the outcome extractor uses them to explain
 * unmet needs in plain words.
 */
public final class Eligibility {

    private Eligibility() {
    }

    /** Why a lot cannot serve a need along its route, in plain words; empty when it can. */
    public static List<String> materialBlockers(Supply supply, MaterialNeed need, List<AccessRule> rules) {
        List<String> why = new ArrayList<>();
        Lot lot = supply.getLot();
        for (AccessRule r : blockingMaterialRules(supply, need, rules)) {
            why.add("blocked by " + r.describe());
        }
        if (!lot.earmarkAllows(need.getSiteCountryCode(), need.getIncidentType())) {
            why.add("earmarked for " + earmarkText(lot));
        }
        if (supply.expiresBeforeArrival()) {
            why.add("would expire (on " + lot.getExpiresOn() + ") before arrival plus the " + supply.getExpiryMarginDays()
                    + "-day margin");
        }
        return why;
    }

    public static List<AccessRule> blockingMaterialRules(Supply supply, MaterialNeed need, List<AccessRule> rules) {
        return blockingMaterialRules(supply, need.getSiteCountryCode(), rules);
    }

    /** The rules blocking materials from the supply's lot to {@code destination} when they depart. */
    static List<AccessRule> blockingMaterialRules(Supply supply, String destination, List<AccessRule> rules) {
        List<AccessRule> out = new ArrayList<>();
        for (AccessRule r : rules) {
            if (r.getOriginCountryCode().equals(supply.getOriginCountryCode())
                    && r.getDestinationCountryCode().equals(destination)
                    && r.blocksMaterialsAt(supply.getDepartsAt())) {
                out.add(r);
            }
        }
        return out;
    }

    public static List<AccessRule> blockingTeamRules(TeamOption option, TeamNeed need, List<AccessRule> rules) {
        return blockingTeamRules(option, need.getSiteCountryCode(), rules);
    }

    /** The rules blocking the option's team from travelling to {@code destination} when it departs. */
    static List<AccessRule> blockingTeamRules(TeamOption option, String destination, List<AccessRule> rules) {
        List<AccessRule> out = new ArrayList<>();
        for (AccessRule r : rules) {
            if (r.getOriginCountryCode().equals(option.getOriginCountryCode())
                    && r.getDestinationCountryCode().equals(destination)
                    && r.blocksTeamsAt(option.getDepartsAt())) {
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
