package org.corridor.allocation.service.attention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corridor.allocation.domain.AccessRule;
import org.corridor.allocation.domain.Need;
import org.corridor.allocation.domain.PlanLine;
import org.corridor.allocation.domain.PlanStatus;
import org.corridor.allocation.domain.PlanTeamAssignment;
import org.corridor.allocation.domain.TeamNeed;
import org.corridor.allocation.service.coverage.NeedCoverage;
import org.corridor.allocation.service.coverage.TeamNeedCoverage;

/**
 * What this service's database says about one incident, read in one transaction: its sites, needs and team needs with
 * their coverage, the lines and team assignments of the plans that commit units to them, its last approved plan, its
 * plans still SOLVING or SOLVED (with what each was made for), the access rules and the lot expiry of plans with lines
 * still to dispatch. The entities are detached copies; nothing here is written.
 */
record IncidentFacts(UUID incidentId, String incidentType, Map<UUID, SiteRef> sites, List<Need> needs,
        List<TeamNeed> teamNeeds, Map<UUID, NeedCoverage> coverage, Map<UUID, TeamNeedCoverage> teamCoverage,
        List<PlanLine> committedLines, List<PlanTeamAssignment> approvedAssignments, UUID lastApprovedPlanId,
        Instant lastApprovedAt, List<OpenPlan> openPlans, List<AccessRule> rules,
        Map<UUID, Map<UUID, LocalDate>> lotExpiry) {

    /** A site: its name and the country access rules and earmarks are judged against. */
    record SiteRef(UUID id, String name, String countryCode) {
    }

    /**
     * A SOLVING or SOLVED plan of the incident: when its snapshot was taken and, when its solver input is stored, the
     * units it was asked to plan per need and the teams per team need ({@code snapshot} false: no stored input).
     */
    record OpenPlan(UUID id, PlanStatus status, Instant createdAt, boolean snapshot, Map<UUID, Integer> needs,
            Map<UUID, Integer> teamNeeds) {
    }

    SiteRef site(UUID id) {
        return sites.get(id);
    }
}
