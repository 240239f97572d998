package org.corridor.allocation.service.approval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corridor.allocation.client.inventory.InventoryClient;
import org.corridor.allocation.domain.ApprovalStep;
import org.corridor.allocation.domain.Incident;
import org.corridor.allocation.domain.LineState;
import org.corridor.allocation.domain.PlanLine;
import org.corridor.allocation.domain.PlanTeamAssignment;
import org.corridor.allocation.domain.Site;
import org.corridor.allocation.domain.TransportMode;
import org.junit.jupiter.api.Test;

/**
 * The steps of a re-plan's approval, from the lines of the re-plan and of its base: an unchanged shipment is kept, a
 * changed one is cancelled with its stock handed over to the one new reservation, removed teams released, added teams
 * assigned, in that order.
 */
@QuarkusTest
class DeltaStepsTest {

    @Inject
    DeltaSteps delta;
    @Inject
    ObjectMapper mapper;

    static final UUID PLAN = UUID.randomUUID();
    static final UUID BASE = UUID.randomUUID();
    static final UUID DEPOT_A = UUID.randomUUID();
    static final UUID DEPOT_B = UUID.randomUUID();
    static final UUID SITE = UUID.randomUUID();
    static final UUID NEED_1 = UUID.randomUUID();
    static final UUID NEED_2 = UUID.randomUUID();
    static final UUID LOT_A = UUID.randomUUID();
    static final UUID LOT_B = UUID.randomUUID();
    static final UUID BASE_RESERVATION = UUID.randomUUID();
    static final UUID SHIPMENT_A = UUID.randomUUID();
    static final UUID SHIPMENT_B = UUID.randomUUID();

    @Test
    void keepsTheUnchangedShipmentAndHandsTheChangedOnesStockToTheNewReservation() throws Exception {
        // base: depot A ships 100 of lot A for need 1; depot B ships 50 of lot B for need 2
        List<PlanLine> base = List.of(line(BASE, DEPOT_A, NEED_1, LOT_A, 100, SHIPMENT_A, BASE_RESERVATION),
                line(BASE, DEPOT_B, NEED_2, LOT_B, 50, SHIPMENT_B, BASE_RESERVATION));
        // re-plan: the same from depot A; 70 from lot B now, and 30 more of lot A for need 2 from depot A... by AIR
        PlanLine keptA = line(PLAN, DEPOT_A, NEED_1, LOT_A, 100, null, null);
        PlanLine changedB = line(PLAN, DEPOT_B, NEED_2, LOT_B, 70, null, null);
        PlanLine addedAir = line(PLAN, DEPOT_A, NEED_2, LOT_A, 30, null, null);
        addedAir.mode = TransportMode.AIR;
        UUID keptTeam = UUID.randomUUID();
        UUID droppedTeam = UUID.randomUUID();
        UUID addedTeam = UUID.randomUUID();
        UUID teamNeed = UUID.randomUUID();

        DeltaSteps.Delta d = delta.steps(PLAN, 1, List.of(keptA, changedB, addedAir),
                List.of(team(PLAN, teamNeed, keptTeam, null), team(PLAN, teamNeed, addedTeam, null)), base,
                List.of(team(BASE, teamNeed, keptTeam, "plan-" + BASE), team(BASE, teamNeed, droppedTeam, null)),
                Map.of("TENT", new InventoryClient.Item("TENT", "Tent", "SHELTER", "piece", 50, 0.2, null)),
                Map.of(SITE, site()));

        assertArrayEquals(new UUID[]{SHIPMENT_A, BASE_RESERVATION}, d.keptShipment().get(keptA.id));
        assertNull(d.keptShipment().get(changedB.id));
        assertEquals("plan-" + BASE, d.teamReference().get(keptTeam));
        assertEquals("plan-" + PLAN, d.teamReference().get(addedTeam));

        List<ApprovalStep.Kind> kinds = d.specs().stream().map(ApprovalSteps.Spec::kind).toList();
        assertEquals(List.of(ApprovalStep.Kind.TEAM, ApprovalStep.Kind.CANCEL, ApprovalStep.Kind.RESERVATION,
                ApprovalStep.Kind.SHIPMENT, ApprovalStep.Kind.SHIPMENT, ApprovalStep.Kind.TEAM_RELEASE), kinds);
        assertEquals(addedTeam.toString(), d.specs().get(0).target());
        assertEquals("plan-" + PLAN + "-a1-team-" + addedTeam, d.specs().get(0).idempotencyKey());

        JsonNode cancel = mapper.readTree(d.specs().get(1).payload());
        assertEquals(SHIPMENT_B.toString(), cancel.get("shipmentId").asText());
        assertEquals(BASE_RESERVATION.toString(), cancel.get("reservationId").asText());
        assertEquals(50, cancel.at("/lines/0/quantity").asInt());

        // the new reservation holds 70 of lot B and 30 of lot A, and releases lot B's 50 from the base's in one go
        JsonNode reservation = mapper.readTree(d.specs().get(2).payload());
        assertEquals("plan-" + PLAN, reservation.get("reference").asText());
        Map<String, Integer> held = Map.of(reservation.at("/lines/0/lotId").asText(),
                reservation.at("/lines/0/quantity").asInt(), reservation.at("/lines/1/lotId").asText(),
                reservation.at("/lines/1/quantity").asInt());
        assertEquals(Map.of(LOT_B.toString(), 70, LOT_A.toString(), 30), held);
        assertEquals(BASE_RESERVATION.toString(), reservation.at("/releasing/0/reservationId").asText());
        assertEquals(LOT_B.toString(), reservation.at("/releasing/0/lines/0/lotId").asText());
        assertEquals(50, reservation.at("/releasing/0/lines/0/quantity").asInt());
        assertEquals(1, reservation.get("releasing").size());

        assertEquals(droppedTeam.toString(), d.specs().get(5).target());
        assertEquals("plan-" + BASE, mapper.readTree(d.specs().get(5).payload()).get("reference").asText());
    }

    @Test
    void aRePlanThatOnlyDropsLinesReleasesTheirUnitsWithoutANewReservation() throws Exception {
        List<PlanLine> base = List.of(line(BASE, DEPOT_A, NEED_1, LOT_A, 100, SHIPMENT_A, BASE_RESERVATION),
                line(BASE, DEPOT_B, NEED_2, LOT_B, 50, SHIPMENT_B, BASE_RESERVATION));
        PlanLine keptA = line(PLAN, DEPOT_A, NEED_1, LOT_A, 100, null, null);

        DeltaSteps.Delta d = delta.steps(PLAN, 2, List.of(keptA), List.of(), base, List.of(),
                Map.of("TENT", new InventoryClient.Item("TENT", "Tent", "SHELTER", "piece", 50, 0.2, null)),
                Map.of(SITE, site()));

        assertEquals(List.of(ApprovalStep.Kind.CANCEL, ApprovalStep.Kind.RELEASE),
                d.specs().stream().map(ApprovalSteps.Spec::kind).toList());
        assertEquals(BASE_RESERVATION.toString(), d.specs().get(1).target());
        JsonNode release = mapper.readTree(d.specs().get(1).payload());
        assertEquals(d.specs().get(1).idempotencyKey(), release.get("reference").asText());
        assertEquals(LOT_B.toString(), release.at("/lines/0/lotId").asText());
        assertEquals(50, release.at("/lines/0/quantity").asInt());
    }

    @Test
    void nothingChangedMeansNoStep() {
        List<PlanLine> base = List.of(line(BASE, DEPOT_A, NEED_1, LOT_A, 100, SHIPMENT_A, BASE_RESERVATION));
        DeltaSteps.Delta d = delta.steps(PLAN, 1, List.of(line(PLAN, DEPOT_A, NEED_1, LOT_A, 100, null, null)),
                List.of(), base, List.of(), Map.of(), Map.of(SITE, site()));
        assertEquals(List.of(), d.specs());
        assertEquals(1, d.keptShipment().size());
    }

    private static PlanLine line(UUID planId, UUID depot, UUID need, UUID lot, int q, UUID shipment,
            UUID reservation) {
        PlanLine l = new PlanLine();
        l.id = UUID.randomUUID();
        l.planId = planId;
        l.needId = need;
        l.siteId = SITE;
        l.itemCode = "TENT";
        l.lotId = lot;
        l.depotId = depot;
        l.originCountryCode = "TUR";
        l.quantity = q;
        l.mode = TransportMode.ROAD;
        l.departsAt = Instant.parse("2023-02-06T06:00:00Z");
        l.arrivesAt = Instant.parse("2023-02-06T18:00:00Z");
        l.state = LineState.APPROVED;
        l.shipmentId = shipment;
        l.reservationId = reservation;
        return l;
    }

    private static PlanTeamAssignment team(UUID planId, UUID teamNeed, UUID teamId, String reference) {
        PlanTeamAssignment a = new PlanTeamAssignment();
        a.id = UUID.randomUUID();
        a.planId = planId;
        a.teamNeedId = teamNeed;
        a.teamId = teamId;
        a.reference = reference;
        return a;
    }

    private static Site site() {
        Incident i = new Incident();
        i.id = UUID.randomUUID();
        i.countryCode = "TUR";
        Site s = new Site();
        s.id = SITE;
        s.incident = i;
        s.name = "Antakya";
        s.countryCode = "TUR";
        return s;
    }
}
