package org.corridor.allocation.solver;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * What a {@link NeedChunk} delivers along: "take it from this lot, along this route". One instance per (lot, site,
 * mode), shared by the chunks of every need of that site for that item.
 */
public class Supply {

    private final String id;
    private final Lot lot;
    private final Route route;
    private final int expiryMarginDays;
    // computed once: the score calculation asks for them on every move
    private final boolean expiresBeforeArrival;
    private final long shelfDaysLeftOnArrival;
    /** How many access rules block materials on this route when they depart; see {@link #withAccessRules}. */
    private int blockingRules;

    public Supply(Lot lot, Route route, int expiryMarginDays) {
        this.id = lot.getId() + "@" + route.getSite().getId() + "/" + route.getMode();
        this.lot = lot;
        this.route = route;
        this.expiryMarginDays = expiryMarginDays;
        this.expiresBeforeArrival = computeExpiresBeforeArrival();
        this.shelfDaysLeftOnArrival = computeShelfDaysLeftOnArrival();
    }

    /**
     * Records how many of {@code rules} block materials from the lot's country to the site's country when they depart
     * ({@link Eligibility#blockingMaterialRules}). The problem builder calls it with the problem's rules, which do not
     * change during a solve: the hard constraint then reads a number instead of joining every line with the rules on
     * every move (that join was a tenth of the solver's time).
     */
    public Supply withAccessRules(java.util.List<AccessRuleFact> rules) {
        blockingRules = Eligibility.blockingMaterialRules(this, route.getSite().getCountryCode(), rules).size();
        return this;
    }

    /**
     * How many access rules block materials on this route by its mode between departure and arrival (as recorded by
     * {@link #withAccessRules}).
     */
    public int getBlockingRules() {
        return blockingRules;
    }

    /** True when the lot would be expired (or inside the safety margin) when it arrives. */
    public boolean expiresBeforeArrival() {
        return expiresBeforeArrival;
    }

    private boolean computeExpiresBeforeArrival() {
        if (lot.getExpiresOn() == null) {
            return false;
        }
        Instant expiry = lot.getExpiresOn().atStartOfDay(ZoneOffset.UTC).toInstant();
        return route.getArrivesAt().plus(expiryMarginDays, ChronoUnit.DAYS).isAfter(expiry);
    }

    /** Whole days of shelf life left when the lot arrives (0 for non-perishables, never negative). */
    public long shelfDaysLeftOnArrival() {
        return shelfDaysLeftOnArrival;
    }

    private long computeShelfDaysLeftOnArrival() {
        if (lot.getExpiresOn() == null) {
            return 0;
        }
        Instant expiry = lot.getExpiresOn().atStartOfDay(ZoneOffset.UTC).toInstant();
        return Math.max(0, ChronoUnit.DAYS.between(route.getArrivesAt(), expiry));
    }

    /** Whole hours this supply arrives after {@code need}'s deliver-by (0 when on time or no deadline). */
    public long hoursLateFor(MaterialNeed need) {
        if (need.getDeliverBy() == null) {
            return 0;
        }
        // whole minutes between the two instants, as Duration.between(...).toMinutes() (no allocation: asked on every
        // move)
        Instant due = need.getDeliverBy();
        Instant arrives = route.getArrivesAt();
        long seconds = arrives.getEpochSecond() - due.getEpochSecond() - (arrives.getNano() < due.getNano() ? 1 : 0);
        long minutes = seconds / 60;
        return minutes <= 0 ? 0 : (minutes + 59) / 60;
    }

    /** Weight in grams of {@code quantity} units of {@code lot}. */
    public static long grams(Lot lot, int quantity) {
        return Math.round(quantity * lot.getUnitWeightKg() * 1000.0);
    }

    /** Volume in cubic centimetres of {@code quantity} units of {@code lot}. */
    public static long cubicCentimetres(Lot lot, int quantity) {
        return Math.round(quantity * lot.getUnitVolumeM3() * 1_000_000.0);
    }

    public String getId() {
        return id;
    }
    public Lot getLot() {
        return lot;
    }
    public Route getRoute() {
        return route;
    }
    public int getExpiryMarginDays() {
        return expiryMarginDays;
    }
    public Instant getDepartsAt() {
        return route.getDepartsAt();
    }
    public Instant getArrivesAt() {
        return route.getArrivesAt();
    }
    public String getOriginCountryCode() {
        return lot.getCountryCode();
    }

    @Override
    public String toString() {
        return "Supply[" + lot + " via " + route + "]";
    }
}
