package org.corridor.inventory.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import org.corridor.common.problem.ProblemException;
import org.corridor.common.security.Caller;

/**
 * Object-level rules on stock that {@code @RolesAllowed} cannot express. A DONOR acts for the one organisation its
 * token names:
 * <ul>
 * <li>it sees only lots it donated, and the ledger entries of those lots; any other lot or entry answers 404 exactly as
 * if it did not exist (the same problem an unknown id gets);</li>
 * <li>it registers receipts only with itself as donor (403 otherwise);</li>
 * <li>it adjusts and reverses only its own lots' stock (another's lot: 404, as above).</li>
 * </ul>
 * Officers, admins and services act on every lot; a DASHBOARD reads every lot and changes none.
 */
@ApplicationScoped
public class StockAccess {

    private final Caller caller;

    public StockAccess(Caller caller) {
        this.caller = caller;
    }

    /**
     * The donor whose lots the caller may see, or empty when it sees all (403 for a DONOR token without organisation).
     */
    public Optional<UUID> visibleDonor() {
        return caller.confinedTo();
    }

    /** True when the caller may see a lot donated by {@code donor}. */
    public boolean maySee(UUID donor) {
        Optional<UUID> only = visibleDonor();
        return only.isEmpty() || only.get().equals(donor);
    }

    /** A receipt must name the confined caller itself as donor (403 otherwise). */
    public void requireReceiptDonor(UUID donorOrganisationId) {
        Optional<UUID> only = caller.changesConfinedTo();
        if (only.isPresent() && !only.get().equals(donorOrganisationId)) {
            throw ProblemException.forbidden("A donor registers receipts only as itself: donorOrganisationId must be "
                    + only.get() + ", the organisation of your token");
        }
    }

    /**
     * Refuses a change of a lot donated by {@code donor}: 404 ({@code hidden}) to a caller that may not even see it,
     * 403 to one that sees it but may not change it (a DONOR that is also a DASHBOARD).
     */
    public void requireMayChange(UUID donor, ProblemException hidden) {
        Optional<UUID> only = caller.changesConfinedTo();
        if (only.isPresent() && !only.get().equals(donor)) {
            throw maySee(donor) ? ProblemException.forbidden("A donor changes only the stock it donated") : hidden;
        }
    }

    /** True when the caller's changes are confined to one donor's lots. */
    public boolean confined() {
        return caller.changesConfinedTo().isPresent();
    }

    /**
     * The Idempotency-Key scope for a stock change: a confined caller gets its own, so that a key another organisation
     * used is never replayed to it (nor reported as used with another body).
     */
    public String scope(String base) {
        return caller.changesConfinedTo().map(org -> base + ":donor:" + org).orElse(base);
    }

    /** The problem for a lot the caller may not see or that does not exist: one answer for both. */
    public static ProblemException lotNotFound(UUID lotId) {
        return ProblemException.notFound("Stock lot", lotId);
    }

    /** The problem for a ledger entry the caller may not see or that does not exist: one answer for both. */
    public static ProblemException entryNotFound(UUID entryId) {
        return ProblemException.notFound("Ledger entry", entryId);
    }
}
