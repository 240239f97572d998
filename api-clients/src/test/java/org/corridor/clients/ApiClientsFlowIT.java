package org.corridor.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.corridor.clients.allocation.api.IncidentsApi;
import org.corridor.clients.allocation.api.PlansApi;
import org.corridor.clients.allocation.model.ApprovedShipment;
import org.corridor.clients.allocation.model.Incident;
import org.corridor.clients.allocation.model.IncidentType;
import org.corridor.clients.allocation.model.Need;
import org.corridor.clients.allocation.model.NewIncident;
import org.corridor.clients.allocation.model.NewNeed;
import org.corridor.clients.allocation.model.NewPlan;
import org.corridor.clients.allocation.model.NewSite;
import org.corridor.clients.allocation.model.Plan;
import org.corridor.clients.allocation.model.PlanApproval;
import org.corridor.clients.allocation.model.PlanLine;
import org.corridor.clients.allocation.model.PlanStatus;
import org.corridor.clients.allocation.model.Priority;
import org.corridor.clients.allocation.model.Termination;
import org.corridor.clients.inventory.api.DepotsApi;
import org.corridor.clients.inventory.api.OrganisationsApi;
import org.corridor.clients.inventory.api.StockApi;
import org.corridor.clients.inventory.model.Depot;
import org.corridor.clients.inventory.model.DepotKind;
import org.corridor.clients.inventory.model.DepotRequest;
import org.corridor.clients.inventory.model.Organisation;
import org.corridor.clients.inventory.model.OrganisationRequest;
import org.corridor.clients.inventory.model.OrganisationType;
import org.corridor.clients.inventory.model.ReceiptRequest;
import org.corridor.clients.inventory.model.StockLot;
import org.corridor.clients.shipment.api.ShipmentsApi;
import org.corridor.clients.shipment.model.EventType;
import org.corridor.clients.shipment.model.ProofOfDelivery;
import org.corridor.clients.shipment.model.ProofOfDeliveryLineRequest;
import org.corridor.clients.shipment.model.ProofOfDeliveryRequest;
import org.corridor.clients.shipment.model.Shipment;
import org.corridor.clients.shipment.model.ShipmentEvent;
import org.corridor.clients.shipment.model.ShipmentEventRequest;
import org.corridor.clients.shipment.model.ShipmentLine;
import org.corridor.clients.shipment.model.ShipmentPage;
import org.corridor.clients.shipment.model.ShipmentStatus;
import org.corridor.local.CorridorSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI documents serve real clients: Java clients generated from the documents the services wrote at build time
 * drive one crisis from a donor's stock to a proof of delivery against the three packaged services (real processes on
 * an embedded PostgreSQL). Every call goes through a generated client; only the bearer token is added by hand. A
 * document that names a wrong type, misses a field or a response, or promises another media type than the service sends
 * fails here (see {@link GeneratedClients} for the strict reading).
 */
class ApiClientsFlowIT {

    private static final String TENTS = "SHL-TENT-FAMILY";
    private static final int RECEIVED = 120;
    private static final int NEEDED = 100;

    private static CorridorSystem system;
    private static GeneratedClients clients;

    @BeforeAll
    static void start() {
        system = CorridorSystem.start(CorridorSystem.Options.forTests(Path.of("target/it-logs")));
        clients = new GeneratedClients(system);
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void fromDonorStockToProofOfDelivery() throws Exception {
        String admin = system.tokens().forRoles("ADMIN");
        String officer = system.tokens().forRoles("LOGISTICS_OFFICER");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);

        // admin: the donor and its depot (reference data)
        var organisations = new OrganisationsApi(clients.inventory(admin));
        var orgAnswer = organisations.createOrganisationWithHttpInfo(new OrganisationRequest()
                .name("Client IT AFAD").type(OrganisationType.GOVERNMENT).countryCode("TUR"), key());
        assertEquals(201, orgAnswer.getStatusCode());
        Organisation org = orgAnswer.getData();
        assertEquals("Client IT AFAD", org.getName());
        assertEquals(OrganisationType.GOVERNMENT, org.getType());
        assertEquals(org.getId(), organisations.getOrganisation(org.getId()).getId());

        var depotAnswer = new DepotsApi(clients.inventory(admin)).createDepotWithHttpInfo(new DepotRequest()
                .code("CLIENT-ADA").name("Client IT Adana").countryCode("TUR").latitude(37.0).longitude(35.321)
                .organisationId(org.getId()).kind(DepotKind.NATIONAL_RESERVE), key());
        assertEquals(201, depotAnswer.getStatusCode());
        Depot depot = depotAnswer.getData();
        assertEquals("CLIENT-ADA", depot.getCode());
        assertEquals(org.getId(), depot.getOrganisationId());

        // donor: registers its tents in its depot
        String donor = system.tokens().donor(org.getId());
        var receipt = new DepotsApi(clients.inventory(donor)).receiveStockWithHttpInfo(depot.getId(),
                new ReceiptRequest().itemCode(TENTS).quantity((long) RECEIVED).lotCode("CLIENT-ADA-TENT")
                        .donorOrganisationId(org.getId()),
                key());
        assertEquals(201, receipt.getStatusCode());
        StockLot lot = receipt.getData();
        assertEquals(depot.getId(), lot.getDepotId());
        assertEquals(RECEIVED, lot.getOnHand());
        assertEquals(0, lot.getReserved());
        assertEquals(RECEIVED, lot.getAvailable());

        // officer: an incident with one site, and its need for tents
        var incidents = new IncidentsApi(clients.allocation(officer));
        var incidentAnswer = incidents.createIncidentWithHttpInfo(new NewIncident().name("Client IT earthquake")
                .type(IncidentType.EARTHQUAKE).countryCode("TUR").startedAt(now.minusHours(6))
                .sites(List.of(new NewSite().name("Client IT Hatay").latitude(36.2021).longitude(36.16)
                        .affectedPopulation(1_686_043))),
                key());
        assertEquals(201, incidentAnswer.getStatusCode());
        Incident incident = incidentAnswer.getData();
        assertEquals(1, incident.getSites().size());
        UUID site = incident.getSites().get(0).getId();
        assertNotNull(site);

        var needAnswer = incidents.createNeedWithHttpInfo(incident.getId(), new NewNeed().siteId(site)
                .itemCode(TENTS).quantity(NEEDED).priority(Priority.CRITICAL).deliverBy(now.plusHours(72)), key());
        assertEquals(201, needAnswer.getStatusCode());
        Need need = needAnswer.getData();
        assertEquals(NEEDED, need.getQuantity());
        assertEquals(List.of(need.getId()),
                incidents.listNeeds(incident.getId(), null, 0, null, null, null, 50).getItems().stream()
                        .map(Need::getId).toList());

        // officer: plan, wait for SOLVED
        var plans = new PlansApi(clients.allocation(officer));
        var planAnswer = plans.createPlanWithHttpInfo(new NewPlan().incidentIds(List.of(incident.getId()))
                .termination(new Termination().spentLimit("PT10S").unimprovedSpentLimit("PT2S")), key());
        assertEquals(202, planAnswer.getStatusCode());
        Plan plan = awaitSolved(plans, planAnswer.getData().getId());
        assertEquals(PlanStatus.SOLVED, plan.getStatus(), () -> "plan " + plan);
        assertTrue(plan.getFeasible(), "feasible: " + plan.getScore());
        int planned = plan.getLines().stream().mapToInt(PlanLine::getQuantity).sum();
        assertEquals(NEEDED, planned, "the need is met in full from the one lot: " + plan.getLines());
        assertTrue(plan.getLines().stream().allMatch(l -> lot.getLotId().equals(l.getLotId())));

        // officer: approve; the stock is reserved and the shipments exist
        PlanApproval approval = approve(plans, plan.getId());
        assertEquals(PlanStatus.APPROVED, approval.getStatus());
        assertNotNull(approval.getReservationId());
        assertFalse(approval.getShipments().isEmpty());
        StockLot reserved = new StockApi(clients.inventory(officer)).getStockLot(lot.getLotId());
        assertEquals(RECEIVED, reserved.getOnHand());
        assertEquals(NEEDED, reserved.getReserved());

        // tracking: the plan's shipments are listed, PLANNED
        var shipments = new ShipmentsApi(clients.shipment(officer));
        ShipmentPage page = shipments.listShipments(null, null, null, 0, plan.getId(), null, null, null, 100, null);
        assertEquals(approval.getShipments().size(), page.getTotal());
        page.getItems().forEach(s -> assertEquals(s.getLines().size(), s.getLineCount(), "lineCount of " + s.getId()));
        assertEquals(approval.getShipments().stream().map(ApprovedShipment::getId).sorted().toList(),
                page.getItems().stream().map(Shipment::getId).sorted().toList());
        assertTrue(page.getItems().stream().allMatch(s -> s.getStatus() == ShipmentStatus.PLANNED));

        // one shipment dispatched, in transit, arrived: the stock leaves the depot at dispatch
        Shipment first = page.getItems().get(0);
        assertTrue(first.getAllowedEvents().contains(EventType.DISPATCHED), "allowed: " + first.getAllowedEvents());
        int quantity = first.getLines().stream().mapToInt(ShipmentLine::getQuantity).sum();
        for (EventType type : List.of(EventType.DISPATCHED, EventType.IN_TRANSIT, EventType.ARRIVED)) {
            var event = shipments.postShipmentEventWithHttpInfo(first.getId(),
                    new ShipmentEventRequest().type(type).at(OffsetDateTime.now(ZoneOffset.UTC)).note("client IT"),
                    key());
            assertEquals(201, event.getStatusCode(), type.getValue());
            ShipmentEvent recorded = event.getData();
            assertEquals(type, recorded.getType());
            assertEquals(ShipmentStatus.fromValue(type.getValue()), recorded.getToStatus());
        }
        StockLot afterDispatch = new StockApi(clients.inventory(officer)).getStockLot(lot.getLotId());
        assertEquals(RECEIVED - quantity, afterDispatch.getOnHand());
        assertEquals(NEEDED - quantity, afterDispatch.getReserved());

        // consignee: proof of delivery, everything accepted
        List<ProofOfDeliveryLineRequest> lines = first.getLines().stream()
                .map(l -> new ProofOfDeliveryLineRequest().itemCode(l.getItemCode()).lotId(l.getLotId())
                        .accepted(l.getQuantity()).rejected(0))
                .toList();
        var podAnswer = shipments.recordProofOfDeliveryWithHttpInfo(first.getId(), new ProofOfDeliveryRequest()
                .receivedBy("Client IT site officer").receivedAt(OffsetDateTime.now(ZoneOffset.UTC)).lines(lines),
                key());
        assertEquals(201, podAnswer.getStatusCode());
        ProofOfDelivery pod = podAnswer.getData();
        assertEquals(quantity, pod.getTotalAccepted());
        assertEquals(0, pod.getTotalRejected());
        assertEquals("Client IT site officer", shipments.getProofOfDelivery(first.getId()).getReceivedBy());
        Shipment delivered = new ShipmentsApi(clients.shipment(system.tokens().forRoles("DASHBOARD")))
                .getShipment(first.getId());
        assertEquals(ShipmentStatus.DELIVERED, delivered.getStatus());
        assertEquals(quantity, delivered.getLines().stream().mapToInt(ShipmentLine::getAccepted).sum());
        // the proof of delivery appended the DELIVERED event
        assertEquals(List.of(EventType.DISPATCHED, EventType.IN_TRANSIT, EventType.ARRIVED, EventType.DELIVERED),
                shipments.listShipmentEvents(first.getId(), 0, 50).getItems().stream().map(ShipmentEvent::getType)
                        .toList());
    }

    /** Errors come back as the document's Problem: read with the generated model, strictly. */
    @Test
    void errorsAreTheDocumentedProblem() throws Exception {
        String officer = system.tokens().forRoles("LOGISTICS_OFFICER");
        var plans = new PlansApi(clients.allocation(officer));
        var notFound = assertThrows(org.corridor.clients.allocation.ApiException.class,
                () -> plans.getPlan(UUID.randomUUID()));
        assertEquals(404, notFound.getCode());
        var problem = GeneratedClients.strict(org.corridor.clients.allocation.ApiClient.createDefaultObjectMapper())
                .readValue(notFound.getResponseBody(), org.corridor.clients.allocation.model.Problem.class);
        assertEquals(404, problem.getStatus());
        assertFalse(problem.getDetail().isBlank());

        var stock = new StockApi(clients.inventory(officer));
        var badRequest = assertThrows(org.corridor.clients.inventory.ApiException.class,
                () -> stock.listStock(null, null, null, null, null, null, 0, null, null, 501));
        assertEquals(400, badRequest.getCode());
        ObjectMapper mapper = GeneratedClients
                .strict(org.corridor.clients.inventory.ApiClient.createDefaultObjectMapper());
        var invalid = mapper.readValue(badRequest.getResponseBody(),
                org.corridor.clients.inventory.model.Problem.class);
        assertEquals(400, invalid.getStatus());
        assertTrue(invalid.getDetail().contains("size"), invalid.getDetail());
    }

    /**
     * The clients were generated from the documents the build stored ({@code <service>/target/openapi/openapi.json});
     * those are the documents the running services serve.
     */
    @Test
    void generatedFromTheServedDocuments() throws Exception {
        ObjectMapper json = new ObjectMapper();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (String service : CorridorSystem.SERVICES) {
            HttpResponse<String> served = http.send(HttpRequest
                    .newBuilder(URI.create(system.baseUrl(service) + "/q/openapi?format=json"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, served.statusCode(), service);
            Path stored = CorridorSystem.repoRoot().resolve(service + "-service/target/openapi/openapi.json");
            Files.createDirectories(Path.of("target/served-openapi"));
            Files.writeString(Path.of("target/served-openapi/" + service + ".json"), served.body());
            // servers included: every service names its local address, so the build adds no guesses of its own
            ObjectNode storedDoc = (ObjectNode) json.readTree(stored.toFile());
            ObjectNode servedDoc = (ObjectNode) json.readTree(served.body());
            List<String> differences = new ArrayList<>();
            JsonDiff.differences("", storedDoc, servedDoc, differences);
            assertEquals(List.of(), differences,
                    service + ": the served document is the one the clients were generated from");
        }
    }

    private static Plan awaitSolved(PlansApi plans, UUID id) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        Plan plan = plans.getPlan(id);
        while (plan.getStatus() == PlanStatus.SOLVING && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            plan = plans.getPlan(id);
        }
        return plan;
    }

    /** An approval still under way answers 202 (APPROVING): the same call, same key, joins it until it ends. */
    private static PlanApproval approve(PlansApi plans, UUID planId) throws Exception {
        String key = "client-it-approve-" + planId;
        for (int i = 0; i < 20; i++) {
            var answer = plans.approvePlanWithHttpInfo(planId, key);
            if (answer.getStatusCode() == 200) {
                return answer.getData();
            }
            assertEquals(202, answer.getStatusCode());
            assertEquals(PlanStatus.APPROVING, answer.getData().getStatus());
        }
        throw new AssertionError("approval of " + planId + " still under way after 20 tries");
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
