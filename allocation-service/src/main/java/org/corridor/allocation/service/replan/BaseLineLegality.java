package org.corridor.allocation.service.replan;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corridor.allocation.domain.AppliesTo;
import org.corridor.allocation.service.AccessRuleView;
import org.corridor.allocation.service.approval.LineLegality;

/**
 * Which of a base plan's approved, undispatched lines a re-plan may keep as they are. A line is dropped (its units are
 * uncovered again, for the solver to cover another way) when an access rule for materials from its origin country to
 * its site's country is in force at some time of its journey, or when its lot would expire before arrival plus the
 * expiry margin, or when its lot is gone. The journey is the base's, moved to start no earlier than the re-plan's
 * {@code planFrom}: a truck that has not left yet leaves now at the earliest.
 */
public final class BaseLineLegality {

    private BaseLineLegality() {
    }

    /** A line and why it cannot be kept, in plain words (null when it can). */
    public record Verdict(ReplanBase.Line line, String forbiddenBecause) {
    }

    public static List<Verdict> judge(List<ReplanBase.Line> lines, Map<UUID, String> siteCountry,
            Map<UUID, LocalDate> lotExpiry, java.util.Set<UUID> lotsPresent, List<AccessRuleView> rules,
            Instant planFrom, int expiryMarginDays) {
        List<Verdict> out = new ArrayList<>();
        for (ReplanBase.Line l : lines) {
            Instant departs = l.departsAt().isBefore(planFrom) ? planFrom : l.departsAt();
            Instant arrives = departs.plus(Duration.between(l.departsAt(), l.arrivesAt()));
            String destination = siteCountry.get(l.siteId());
            String why = null;
            if (!lotsPresent.contains(l.lotId())) {
                why = "lot " + l.lotId() + " is no longer in inventory";
            }
            LocalDate expires = lotExpiry.get(l.lotId());
            if (why == null && LineLegality.expiresBeforeArrival(expires, arrives, expiryMarginDays)) {
                why = "lot " + l.lotId() + " expires on " + expires + ", before arrival (" + arrives + ") plus "
                        + expiryMarginDays + " day(s)";
            }
            for (AccessRuleView r : rules) {
                if (why != null) {
                    break;
                }
                org.corridor.allocation.domain.TransportMode mode = l.mode() == null
                        ? null
                        : org.corridor.allocation.domain.TransportMode.valueOf(l.mode());
                if (r.appliesTo() != AppliesTo.TEAMS && r.originCountryCode().equals(l.originCountryCode())
                        && r.destinationCountryCode().equals(destination) && LineLegality.stops(r.modes(), mode)
                        && LineLegality.overlaps(r.validFrom(), r.validUntil(), departs, arrives)) {
                    why = r.kind() + " rule " + r.id() + " from " + r.originCountryCode() + " to "
                            + r.destinationCountryCode() + " for " + l.mode() + " during its journey: " + r.reason();
                }
            }
            out.add(new Verdict(l, why));
        }
        return out;
    }
}
