package org.corridor.allocation.service.attention;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.corridor.allocation.client.inventory.InventoryClient;
import org.corridor.allocation.client.shipment.ShipmentClient;
import org.corridor.allocation.config.AllocationConfig;
import org.corridor.allocation.domain.AccessRule;
import org.corridor.allocation.domain.LineState;
import org.corridor.allocation.domain.Need;
import org.corridor.allocation.domain.PlanLine;
import org.corridor.allocation.domain.PlanTeamAssignment;
import org.corridor.allocation.domain.TeamNeed;
import org.corridor.allocation.service.approval.LineLegality;
import org.corridor.allocation.service.coverage.NeedCoverage;
import org.corridor.common.time.DbClock;

/**
 * The attention list of an incident: what changed since its last approved plan and why, so an officer knows whether to
 * re-plan. Read from the database (coverage, lines, rules, plans) and from the other services (shipment statuses,
 * available stock and teams, team assignments), which may be down: then it says less, names what it could not check in
 * {@code notChecked}, and still answers. {@code replanAdvised} is true when at least one item can be acted on by a
 * re-plan: uncovered units (lost, rejected, cancelled, new or otherwise uncovered) of an item with usable stock, a
 * forbidden line, an unfilled team need with an AVAILABLE team of its type, a stood-down team, new usable stock for
 * uncovered units. An outdated SOLVING/SOLVED plan is reported but does not count by itself: what made it outdated is
 * listed as its own items.
 */
@ApplicationScoped
public class AttentionService {

    static final String INVENTORY_DOWN = "inventory-service did not answer: usable stock (NEW_STOCK, and whether stock "
            + "could cover uncovered units), lots adjusted away under approved lines, AVAILABLE teams and stood-down "
            + "teams (TEAM_STOOD_DOWN) were not checked";
    static final String SHIPMENTS_DOWN = "shipment-service did not answer: lost lines are reported as lost or "
            + "cancelled after dispatch, without saying which";

    private final AttentionFacts facts;
    private final AttentionReads reads;
    private final int expiryMarginDays;

    public AttentionService(AttentionFacts facts, AttentionReads reads, AllocationConfig config) {
        this.facts = facts;
        this.reads = reads;
        this.expiryMarginDays = config.solver().expiryMarginDays();
    }

    /** 404 when the incident does not exist; never fails because another service is down. */
    public Attention of(UUID incidentId) {
        IncidentFacts f = facts.load(incidentId);
        Set<String> notChecked = new LinkedHashSet<>();
        Optional<InventoryNow> inventory = reads.inventory();
        if (inventory.isEmpty()) {
            notChecked.add(INVENTORY_DOWN);
        }
        UsableStock stock = inventory.map(s -> new UsableStock(s.lots(), f.incidentType(),
                LocalDate.ofInstant(DbClock.now(), ZoneOffset.UTC), expiryMarginDays)).orElse(null);
        List<AttentionItem> items = new ArrayList<>();
        Map<UUID, Long> explained = new HashMap<>();
        lineItems(f, stock, items, explained, notChecked);
        forbiddenLines(f, inventory.orElse(null), items);
        needItems(f, stock, explained, items);
        teamNeedItems(f, inventory.orElse(null), items);
        if (inventory.isPresent()) {
            stoodDown(f, items, notChecked);
        }
        newStock(f, stock, items);
        outdatedPlans(f, inventory.orElse(null), stock, items);
        boolean advised = items.stream().anyMatch(AttentionItem::replanHelps);
        return new Attention(incidentId, f.lastApprovedPlanId(), f.lastApprovedAt(), advised, List.copyOf(items),
                List.copyOf(notChecked));
    }

    /** SHIPMENT_LOST, REJECTED_AT_DELIVERY, SHIPMENT_CANCELLED: units of committing plans gone again. */
    private void lineItems(IncidentFacts f, UsableStock stock, List<AttentionItem> items, Map<UUID, Long> explained,
            Set<String> notChecked) {
        Map<UUID, Map<UUID, ShipmentClient.Shipment>> shipments = new HashMap<>();
        for (UUID planId : f.committedLines().stream().filter(l -> l.state == LineState.LOST).map(l -> l.planId)
                .collect(Collectors.toCollection(LinkedHashSet::new))) {
            Optional<List<ShipmentClient.Shipment>> read = reads.shipmentsOf(planId);
            if (read.isEmpty()) {
                notChecked.add(SHIPMENTS_DOWN);
            } else {
                Map<UUID, ShipmentClient.Shipment> byId = new HashMap<>();
                read.get().forEach(s -> byId.put(s.id(), s));
                shipments.put(planId, byId);
            }
        }
        Map<UUID, Need> needs = needsById(f);
        List<AttentionItem> lost = new ArrayList<>();
        List<AttentionItem> rejected = new ArrayList<>();
        List<AttentionItem> cancelled = new ArrayList<>();
        for (PlanLine l : f.committedLines()) {
            Need need = needs.get(l.needId);
            String what = l.quantity + " × " + l.itemCode + " for need " + l.needId + " at site "
                    + siteName(f, l.siteId);
            if (l.state == LineState.LOST) {
                String how = lostHow(shipments.get(l.planId), l.shipmentId);
                lost.add(lineItem(AttentionKind.SHIPMENT_LOST, "Shipment " + l.shipmentId + " " + how + " (plan "
                        + l.planId + "): " + what + " are uncovered again." + cover(f, stock, need), f, stock, need, l,
                        l.quantity));
                explained.merge(l.needId, (long) l.quantity, Long::sum);
            } else if (l.state == LineState.DELIVERED && l.rejected > 0) {
                rejected.add(lineItem(AttentionKind.REJECTED_AT_DELIVERY, l.rejected + " of " + l.quantity + " × "
                        + l.itemCode + " delivered by shipment " + l.shipmentId + " to site " + siteName(f, l.siteId)
                        + " for need " + l.needId + " were rejected at delivery and are uncovered again."
                        + cover(f, stock, need), f, stock, need, l, l.rejected));
                explained.merge(l.needId, (long) l.rejected, Long::sum);
            } else if (l.state == LineState.CANCELLED) {
                cancelled.add(lineItem(AttentionKind.SHIPMENT_CANCELLED, "Shipment " + l.shipmentId
                        + " was cancelled before dispatch (plan " + l.planId + "): " + what
                        + " never left and are uncovered again." + cover(f, stock, need), f, stock, need, l,
                        l.quantity));
                explained.merge(l.needId, (long) l.quantity, Long::sum);
            }
        }
        items.addAll(lost);
        items.addAll(rejected);
        items.addAll(cancelled);
    }

    private static String lostHow(Map<UUID, ShipmentClient.Shipment> shipments, UUID shipmentId) {
        if (shipments == null) {
            return "was lost or cancelled after dispatch (shipment-service did not answer to say which)";
        }
        ShipmentClient.Shipment s = shipments.get(shipmentId);
        if (s == null) {
            return "was lost or cancelled after dispatch (shipment-service no longer lists it)";
        }
        return "CANCELLED".equals(s.status()) ? "was cancelled after it had been dispatched" : "was reported LOST";
    }

    private AttentionItem lineItem(AttentionKind kind, String reason, IncidentFacts f, UsableStock stock, Need need,
            PlanLine l, long units) {
        return AttentionItem.of(kind, reason, coverable(f, stock, need)).need(l.siteId, l.needId, l.itemCode)
                .quantity(units).line(l.planId, l.shipmentId, l.lotId);
    }

    /**
     * LINE_FORBIDDEN: approved lines not dispatched yet that may no longer travel as planned: an access rule in force
     * over their travel, a lot expiring before arrival plus the margin (inventory's expiry now, else the plan's
     * snapshot), or a lot adjusted away (inventory no longer lists it, or has fewer units on hand than the incident's
     * approved lines hold on it).
     */
    private void forbiddenLines(IncidentFacts f, InventoryNow inventory, List<AttentionItem> items) {
        Map<UUID, InventoryClient.StockLot> lots = inventory == null ? Map.of() : inventory.lotsById();
        Map<UUID, Long> held = new HashMap<>();
        f.committedLines().stream().filter(l -> l.state == LineState.APPROVED)
                .forEach(l -> held.merge(l.lotId, (long) l.quantity, Long::sum));
        for (PlanLine l : f.committedLines()) {
            if (l.state != LineState.APPROVED) {
                continue;
            }
            IncidentFacts.SiteRef site = f.site(l.siteId);
            String destination = site == null ? null : site.countryCode();
            String line = "Approved line of plan " + l.planId + ", " + l.quantity + " × " + l.itemCode + " from lot "
                    + l.lotId + " (" + l.originCountryCode + ") to site " + siteName(f, l.siteId) + " (" + destination
                    + "), travelling " + l.departsAt + " to " + l.arrivesAt + ", not dispatched yet";
            Optional<String> why = Optional.empty();
            UUID ruleId = null;
            Optional<AccessRule> rule = LineLegality.forbiddingRule(f.rules(), l.originCountryCode, destination,
                    l.mode, l.departsAt, l.arrivesAt);
            InventoryClient.StockLot lot = lots.get(l.lotId);
            LocalDate expires = lot != null
                    ? lot.expiresOn()
                    : f.lotExpiry().getOrDefault(l.planId, Map.of()).get(l.lotId);
            if (rule.isPresent()) {
                AccessRule r = rule.get();
                ruleId = r.id;
                why = Optional.of(", is now forbidden for " + l.mode + " by " + r.kind + " rule " + r.id + " "
                        + r.originCountryCode + " → " + r.destinationCountryCode + " in force from " + r.validFrom
                        + (r.validUntil == null ? "" : " until " + r.validUntil) + ": " + r.reason);
            } else if (LineLegality.expiresBeforeArrival(expires, l.arrivesAt, expiryMarginDays)) {
                why = Optional.of(": its lot expires on " + expires + ", less than the " + expiryMarginDays
                        + "-day expiry margin after it arrives");
            } else if (inventory != null && lot == null) {
                why = Optional.of(": inventory no longer lists its lot");
            } else if (lot != null && lot.onHand() < held.get(l.lotId)) {
                why = Optional.of(": its lot has only " + lot.onHand() + " unit(s) on hand, fewer than the "
                        + held.get(l.lotId) + " the incident's approved lines hold on it (adjusted away)");
            }
            if (why.isPresent()) {
                items.add(AttentionItem.of(AttentionKind.LINE_FORBIDDEN, line + why.get() + ". A re-plan can replace "
                        + "it.", true).need(l.siteId, l.needId, l.itemCode).quantity(l.quantity)
                        .line(l.planId, l.shipmentId, l.lotId).rule(ruleId));
            }
        }
    }

    /** NEW_NEED and NEED_UNCOVERED: uncovered units the line kinds do not explain. */
    private void needItems(IncidentFacts f, UsableStock stock, Map<UUID, Long> explained,
            List<AttentionItem> items) {
        Set<UUID> everCommitted = new HashSet<>();
        f.committedLines().forEach(l -> everCommitted.add(l.needId));
        List<AttentionItem> fresh = new ArrayList<>();
        List<AttentionItem> other = new ArrayList<>();
        for (Need n : f.needs()) {
            long uncovered = f.coverage().get(n.id).uncovered();
            if (uncovered == 0) {
                continue;
            }
            String what = "Need " + n.id + " for " + n.quantity + " × " + n.itemCode + " (" + n.priority
                    + ") at site " + siteName(f, n.siteId);
            boolean createdAfter = f.lastApprovedAt() == null || n.createdAt.isAfter(f.lastApprovedAt());
            if (createdAfter || !everCommitted.contains(n.id)) {
                String when = f.lastApprovedAt() == null
                        ? "no plan of this incident has been approved yet"
                        : createdAfter
                                ? "it was created after the last approval"
                                : "no approved plan has ever covered it";
                fresh.add(AttentionItem.of(AttentionKind.NEW_NEED, what + ": " + uncovered + " unit(s) uncovered; "
                        + when + "." + cover(f, stock, n), coverable(f, stock, n)).need(n.siteId, n.id, n.itemCode)
                        .quantity(uncovered));
                continue;
            }
            long rest = uncovered - Math.min(uncovered, explained.getOrDefault(n.id, 0L));
            if (rest > 0) {
                other.add(AttentionItem.of(AttentionKind.NEED_UNCOVERED, what + ": " + rest + " unit(s) uncovered "
                        + "that no lost, rejected or cancelled shipment explains (the approved plan left them unmet)."
                        + cover(f, stock, n), coverable(f, stock, n)).need(n.siteId, n.id, n.itemCode).quantity(rest));
            }
        }
        items.addAll(fresh);
        items.addAll(other);
    }

    /** TEAM_NEED_UNFILLED: a re-plan helps when inventory has an AVAILABLE team of the type. */
    private static void teamNeedItems(IncidentFacts f, InventoryNow inventory, List<AttentionItem> items) {
        for (TeamNeed t : f.teamNeeds()) {
            long uncovered = f.teamCoverage().get(t.id).uncovered();
            if (uncovered == 0) {
                continue;
            }
            long available = inventory == null
                    ? 0
                    : inventory.teams().stream()
                            .filter(x -> "AVAILABLE".equals(x.status()) && t.teamType.name().equals(x.type())).count();
            String teams = inventory == null
                    ? " Whether a team is available was not checked."
                    : available == 0
                            ? " No AVAILABLE " + t.teamType + " team in inventory now."
                            : " " + available + " AVAILABLE " + t.teamType + " team(s) in inventory: a re-plan can "
                                    + "assign them.";
            items.add(AttentionItem.of(AttentionKind.TEAM_NEED_UNFILLED, "Team need " + t.id + " for " + t.count + " × "
                    + t.teamType + " at site " + siteName(f, t.siteId) + ": " + uncovered + " not filled by an "
                    + "approved plan." + teams, available > 0).teamNeed(t.siteId, t.id).quantity(uncovered));
        }
    }

    /**
     * TEAM_STOOD_DOWN: assignments of APPROVED plans that inventory no longer holds under the reference they were made
     * with ({@code plan-<id>} of the plan that assigned them; a re-plan keeps its base's).
     */
    private void stoodDown(IncidentFacts f, List<AttentionItem> items, Set<String> notChecked) {
        Map<String, List<PlanTeamAssignment>> byReference = new LinkedHashMap<>();
        f.approvedAssignments().forEach(a -> byReference
                .computeIfAbsent(a.reference != null ? a.reference : "plan-" + a.planId, k -> new ArrayList<>())
                .add(a));
        Map<UUID, TeamNeed> teamNeeds = new HashMap<>();
        f.teamNeeds().forEach(t -> teamNeeds.put(t.id, t));
        for (Map.Entry<String, List<PlanTeamAssignment>> e : byReference.entrySet()) {
            Optional<Set<UUID>> assigned = reads.teamsAssignedTo(e.getKey());
            if (assigned.isEmpty()) {
                notChecked.add(INVENTORY_DOWN);
                continue;
            }
            for (PlanTeamAssignment a : e.getValue()) {
                if (assigned.get().contains(a.teamId)) {
                    continue;
                }
                TeamNeed t = teamNeeds.get(a.teamNeedId);
                String now = reads.team(a.teamId).map(AttentionService::teamStatus)
                        .orElse("inventory does not say where it is now");
                items.add(AttentionItem.of(AttentionKind.TEAM_STOOD_DOWN, "Team " + a.teamId + ", assigned by plan "
                        + a.planId + " to team need " + a.teamNeedId + " (" + t.teamType + ") at site "
                        + siteName(f, t.siteId) + ", is no longer assigned to that plan in inventory: " + now
                        + ". A re-plan can send another team.", true).teamNeed(t.siteId, t.id).plan(a.planId)
                        .team(a.teamId));
            }
        }
    }

    private static String teamStatus(InventoryClient.Team team) {
        if ("AVAILABLE".equals(team.status())) {
            return "it is AVAILABLE (stood down)";
        }
        return "it is " + team.status()
                + (team.assignmentReference() == null ? "" : " under " + team.assignmentReference());
    }

    /** NEW_STOCK: per item with uncovered units, usable lots received since the last approval. */
    private void newStock(IncidentFacts f, UsableStock stock, List<AttentionItem> items) {
        if (stock == null) {
            return;
        }
        Instant since = f.lastApprovedAt();
        for (Map.Entry<String, ItemGap> e : gaps(f).entrySet()) {
            List<InventoryClient.StockLot> lots = stock.of(e.getKey(), e.getValue().countries()).stream()
                    .filter(l -> since == null || l.receivedAt() == null || l.receivedAt().isAfter(since)).toList();
            if (lots.isEmpty()) {
                continue;
            }
            long units = lots.stream().mapToLong(InventoryClient.StockLot::available).sum();
            String when = since == null
                    ? "available now (no plan of this incident has been approved yet)"
                    : "received since the last approval (" + since + ")";
            items.add(AttentionItem.of(AttentionKind.NEW_STOCK, lots.size() + " usable lot(s) of " + e.getKey()
                    + " with " + units + " unit(s) available, " + when + ", while " + e.getValue().units()
                    + " unit(s) of it are uncovered here. A re-plan can use them.", true)
                    .stock(e.getKey(), units, lots.size()));
        }
    }

    /** Per item, the uncovered units of the incident and the countries of the sites that miss them. */
    private record ItemGap(long units, Set<String> countries) {
    }

    private static Map<String, ItemGap> gaps(IncidentFacts f) {
        Map<String, ItemGap> out = new TreeMap<>();
        for (Need n : f.needs()) {
            long uncovered = f.coverage().get(n.id).uncovered();
            if (uncovered > 0) {
                ItemGap g = out.getOrDefault(n.itemCode, new ItemGap(0, new LinkedHashSet<>()));
                g.countries().add(country(f, n.siteId));
                out.put(n.itemCode, new ItemGap(g.units() + uncovered, g.countries()));
            }
        }
        return out;
    }

    /** PLAN_OUTDATED: SOLVING / SOLVED plans whose snapshot is older than a change that matters to them. */
    private static void outdatedPlans(IncidentFacts f, InventoryNow inventory, UsableStock stock,
            List<AttentionItem> items) {
        Set<String> countries = f.sites().values().stream().map(IncidentFacts.SiteRef::countryCode)
                .collect(Collectors.toSet());
        Map<String, ItemGap> gaps = gaps(f);
        for (IncidentFacts.OpenPlan p : f.openPlans()) {
            List<String> changes = new ArrayList<>();
            Set<UUID> plannedSites = new HashSet<>();
            for (Need n : f.needs()) {
                if (p.needs().containsKey(n.id)) {
                    plannedSites.add(n.siteId);
                }
            }
            for (TeamNeed t : f.teamNeeds()) {
                if (p.teamNeeds().containsKey(t.id)) {
                    plannedSites.add(t.siteId);
                }
            }
            List<Need> newNeeds = f.needs().stream().filter(n -> n.createdAt.isAfter(p.createdAt())).toList();
            List<TeamNeed> newTeamNeeds = f.teamNeeds().stream().filter(t -> t.createdAt.isAfter(p.createdAt()))
                    .toList();
            if (!newNeeds.isEmpty()) {
                changes.add(newNeeds.size() + " new need(s) (" + newNeeds.stream().map(n -> n.id.toString())
                        .collect(Collectors.joining(", ")) + ")");
            }
            if (!newTeamNeeds.isEmpty()) {
                changes.add(newTeamNeeds.size() + " new team need(s) (" + newTeamNeeds.stream()
                        .map(t -> t.id.toString()).collect(Collectors.joining(", ")) + ")");
            }
            if (p.snapshot()) {
                Set<String> newSites = new LinkedHashSet<>();
                newNeeds.stream().filter(n -> !plannedSites.contains(n.siteId))
                        .forEach(n -> newSites.add(siteName(f, n.siteId)));
                newTeamNeeds.stream().filter(t -> !plannedSites.contains(t.siteId))
                        .forEach(t -> newSites.add(siteName(f, t.siteId)));
                if (!newSites.isEmpty()) {
                    changes.add("needs at site(s) the plan does not know: " + String.join(", ", newSites));
                }
                changes.addAll(coverageChanges(f, p));
            }
            List<AccessRule> rules = f.rules().stream().filter(r -> r.createdAt.isAfter(p.createdAt())
                    && countries.contains(r.destinationCountryCode)).toList();
            if (!rules.isEmpty()) {
                changes.add(rules.size() + " new access rule(s) (" + rules.stream()
                        .map(r -> r.kind + " " + r.originCountryCode + " → " + r.destinationCountryCode + " " + r.id)
                        .collect(Collectors.joining(", ")) + ")");
            }
            if (stock != null) {
                long lots = gaps.entrySet().stream().flatMap(g -> stock.of(g.getKey(), g.getValue().countries())
                        .stream()).filter(l -> l.receivedAt() != null && l.receivedAt().isAfter(p.createdAt())).count();
                if (lots > 0) {
                    changes.add(lots + " usable lot(s) received for uncovered items");
                }
            }
            if (!changes.isEmpty()) {
                items.add(AttentionItem.of(AttentionKind.PLAN_OUTDATED, "Plan " + p.id() + " (" + p.status()
                        + ") was made from the state of " + p.createdAt() + "; since then: "
                        + String.join("; ", changes)
                        + ". Re-plan before approving.", false).plan(p.id()));
            }
        }
    }

    /** Needs whose uncovered units changed since the plan's snapshot: uncovered again, or covered by another plan. */
    private static List<String> coverageChanges(IncidentFacts f, IncidentFacts.OpenPlan p) {
        long again = 0;
        long since = 0;
        for (Need n : f.needs()) {
            if (n.createdAt.isAfter(p.createdAt())) {
                continue;
            }
            long now = f.coverage().get(n.id).uncovered();
            long then = p.needs().getOrDefault(n.id, 0);
            if (now > then) {
                again += now - then;
            } else if (now < then) {
                since += then - now;
            }
        }
        List<String> out = new ArrayList<>();
        if (again > 0) {
            out.add(again + " unit(s) uncovered again (lost, rejected or cancelled shipments)");
        }
        if (since > 0) {
            out.add(since + " unit(s) it plans are now covered by another approved plan (approval would refuse it)");
        }
        return out;
    }

    /** True when the need still has uncovered units and the incident could use stock of its item for its site. */
    private static boolean coverable(IncidentFacts f, UsableStock stock, Need need) {
        if (stock == null || need == null) {
            return false;
        }
        NeedCoverage c = f.coverage().get(need.id);
        return c != null && c.uncovered() > 0 && stock.units(need.itemCode, country(f, need.siteId)) > 0;
    }

    /** What the need's uncovered units could be covered with, in words. */
    private static String cover(IncidentFacts f, UsableStock stock, Need need) {
        if (need == null) {
            return "";
        }
        long uncovered = f.coverage().get(need.id).uncovered();
        if (uncovered == 0) {
            return " The need is covered again since.";
        }
        if (stock == null) {
            return "";
        }
        long units = stock.units(need.itemCode, country(f, need.siteId));
        return units > 0
                ? " " + units + " usable unit(s) of " + need.itemCode + " are available: a re-plan can "
                        + "cover them."
                : " No usable stock of " + need.itemCode + " is available now.";
    }

    private static Map<UUID, Need> needsById(IncidentFacts f) {
        Map<UUID, Need> out = new HashMap<>();
        f.needs().forEach(n -> out.put(n.id, n));
        return out;
    }

    private static String siteName(IncidentFacts f, UUID siteId) {
        IncidentFacts.SiteRef s = f.site(siteId);
        return s == null ? String.valueOf(siteId) : s.name();
    }

    private static String country(IncidentFacts f, UUID siteId) {
        IncidentFacts.SiteRef s = f.site(siteId);
        return s == null ? null : s.countryCode();
    }
}
