package org.corridor.inventory.service;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.corridor.common.security.Roles;
import org.corridor.inventory.testing.Fixtures;
import org.corridor.inventory.testing.Secured;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Object-level rules: two donors A and B hold lots in the same depot. A sees, adjusts and reverses only its own; B's
 * lots and ledger entries answer 404 exactly as unknown ids do; A cannot register a receipt in B's name (403); A's
 * stock list, ledger and summaries contain only A's lots. Every refused attempt leaves every stock level (and
 * everything else stored) as it was.
 */
@QuarkusTest
class DonorIsolationTest {

    private static final Logger LOG = Logger.getLogger(DonorIsolationTest.class);

    @Inject
    AgroalDataSource dataSource;

    private String orgA;
    private String orgB;
    private String depot;
    private String lotA;
    private String lotB;
    private String entryB;
    private String tokenA;
    private String tokenB;

    @BeforeEach
    void twoDonorsInOneDepot() {
        orgA = Secured.organisation();
        orgB = Secured.organisation();
        depot = Secured.depot(Secured.organisation());
        lotA = Secured.lot(depot, orgA, 100);
        lotB = Secured.lot(depot, orgB, 300);
        entryB = Secured.receiptEntry(lotB);
        tokenA = Secured.tokens().donor(UUID.fromString(orgA));
        tokenB = Secured.tokens().donor(UUID.fromString(orgB));
    }

    private Response adjust(String token, String lot, long delta, String key) {
        var spec = Secured.as(token).contentType(ContentType.JSON);
        if (key != null) {
            spec.header("Idempotency-Key", key);
        }
        return spec.body(Map.of("lotId", lot, "delta", delta, "reason", delta < 0 ? "LOST" : "FOUND", "note", "count"))
                .post("/api/v1/stock/adjustments");
    }

    private Response reverse(String token, String entry) {
        return Secured.as(token).contentType(ContentType.JSON).body(Map.of("ledgerEntryId", entry, "note", "mistake"))
                .post("/api/v1/stock/reversals");
    }

    /** What each object-level refusal answered, printed after the class for the coordinator's matrix. */
    private static final Map<String, Integer> TESTED = new LinkedHashMap<>();

    private static void refused(Response r, int status, String what) {
        Secured.assertProblem(r, status, what);
        TESTED.put(what, r.statusCode());
    }

    @AfterAll
    static void printTested() {
        StringBuilder b = new StringBuilder("\ninventory-service: donor object rules (" + TESTED.size()
                + " refused attempts; every refused write checked to change nothing stored)\n\n| attempt | status |\n|---|---|");
        TESTED.forEach((what, status) -> b.append("\n| ").append(what).append(" | ").append(status).append(" |"));
        LOG.info(b.append('\n'));
    }

    /** The problem for an unknown id and for a hidden one must be the same once the id is taken out. */
    private static String withoutId(Response r, String id) {
        return r.asString().replace(id, "<id>");
    }

    @Test
    void anotherDonorsLotAndEntriesAre404LikeUnknownOnes() {
        String unknownLot = UUID.randomUUID().toString();
        String unknownEntry = UUID.randomUUID().toString();

        Secured.as(tokenA).get("/api/v1/stock/lots/{id}", lotA).then().statusCode(200)
                .body("donorOrganisationId", equalTo(orgA)).body("onHand", equalTo(100));
        Response hidden = Secured.as(tokenA).get("/api/v1/stock/lots/{id}", lotB);
        Response unknown = Secured.as(tokenA).get("/api/v1/stock/lots/{id}", unknownLot);
        refused(hidden, 404, "A reads B's lot");
        assertEquals(withoutId(unknown, unknownLot), withoutId(hidden, lotB),
                "B's lot looks exactly like an unknown one");

        Response hiddenEntry = Secured.as(tokenA).get("/api/v1/stock/ledger/{id}", entryB);
        Response unknownEntryAnswer = Secured.as(tokenA).get("/api/v1/stock/ledger/{id}", unknownEntry);
        refused(hiddenEntry, 404, "A reads B's ledger entry");
        assertEquals(withoutId(unknownEntryAnswer, unknownEntry), withoutId(hiddenEntry, entryB));

        // B itself, an officer and a dashboard see B's lot
        Secured.as(tokenB).get("/api/v1/stock/lots/{id}", lotB).then().statusCode(200).body("onHand", equalTo(300));
        Secured.as(Secured.tokens().forRoles(Roles.DASHBOARD)).get("/api/v1/stock/lots/{id}", lotB).then()
                .statusCode(200);
        Secured.as(Secured.tokens().forRoles(Roles.LOGISTICS_OFFICER)).get("/api/v1/stock/ledger/{id}", entryB)
                .then().statusCode(200).body("lotId", equalTo(lotB));
    }

    @Test
    void aDonorCannotMoveAnotherDonorsStock() {
        String before = Secured.fingerprint(dataSource);
        String balanceB = Secured.balance(lotB);

        Response adjustB = adjust(tokenA, lotB, -300, null);
        refused(adjustB, 404, "A adjusts B's lot");
        Response adjustUnknown = adjust(tokenA, UUID.randomUUID().toString(), -300, null);
        refused(adjustUnknown, 404, "A adjusts an unknown lot");
        assertEquals(adjustUnknown.path("title").toString(), adjustB.path("title").toString());
        refused(adjust(tokenA, lotB, 50, null), 404, "A adds to B's lot");
        refused(reverse(tokenA, entryB), 404, "A reverses B's receipt");
        refused(reverse(tokenA, UUID.randomUUID().toString()), 404, "A reverses an unknown entry");
        assertEquals(before, Secured.fingerprint(dataSource), "refused adjustments and reversals changed something");
        // nor through a reservation (DONOR may not reserve at all), nor by consuming one
        Response reserve = Secured.as(tokenA).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("reference", "steal", "lines", List.of(Fixtures.line(lotB, 300))))
                .post("/api/v1/reservations");
        refused(reserve, 403, "A reserves B's stock");
        assertEquals(before, Secured.fingerprint(dataSource), "the refused reservation changed something");
        String reservationB = Secured.reservation(lotB, 10);
        String afterReserving = Secured.fingerprint(dataSource);
        refused(Secured.as(tokenA).post("/api/v1/reservations/{id}/consume", reservationB), 403,
                "A consumes B's reservation");
        refused(Secured.as(tokenA).post("/api/v1/reservations/{id}/release", reservationB), 403,
                "A releases B's reservation");
        assertEquals(afterReserving, Secured.fingerprint(dataSource), "refused consume/release changed something");
        Secured.admin().post("/api/v1/reservations/{id}/release", reservationB).then().statusCode(200);

        assertEquals(balanceB, Secured.balance(lotB), "B's stock is unchanged");
        assertEquals("300/0", Secured.balance(lotB));
        Secured.admin().get("/api/v1/stock/ledger?lotId=" + lotB).then().statusCode(200)
                .body("items.type", equalTo(List.of("RECEIPT", "RESERVATION", "RELEASE")));

        // A moves its own stock: an adjustment, and its reversal
        String own = adjust(tokenA, lotA, -10, null).then().statusCode(201).body("onHandAfter", equalTo(90)).extract()
                .path("id");
        assertEquals("90/0", Secured.balance(lotA));
        reverse(tokenA, own).then().statusCode(201).body("onHandAfter", equalTo(100));
        assertEquals("100/0", Secured.balance(lotA));
    }

    @Test
    void aStoredAnswerOfAnotherDonorIsNeverReplayed() {
        String key = "count-" + UUID.randomUUID();
        adjust(tokenB, lotB, -5, key).then().statusCode(201).body("lotId", equalTo(lotB));
        String before = Secured.fingerprint(dataSource);
        // A sends B's exact request with B's key: refused before the key is looked up, not replayed
        refused(adjust(tokenA, lotB, -5, key), 404, "A replays B's key");
        // and with its own lot, the same key is simply a new key in A's own scope
        assertEquals(before, Secured.fingerprint(dataSource));
        adjust(tokenA, lotA, -5, key).then().statusCode(201).body("lotId", equalTo(lotA));
        assertEquals("295/0", Secured.balance(lotB));
        assertEquals("95/0", Secured.balance(lotA));
    }

    @Test
    void aDonorRegistersReceiptsOnlyAsItself() {
        String before = Secured.fingerprint(dataSource);
        Response forB = Secured.as(tokenA).contentType(ContentType.JSON)
                .body(Fixtures.receipt("SHL-TENT-FAMILY", 1000, orgB)).post("/api/v1/depots/{id}/receipts", depot);
        refused(forB, 403, "A registers a receipt for B");
        assertEquals(before, Secured.fingerprint(dataSource), "the refused receipt changed something");
        Secured.admin().get("/api/v1/stock?depotId=" + depot).then().statusCode(200).body("total", equalTo(2));

        Secured.as(tokenA).contentType(ContentType.JSON).body(Fixtures.receipt("SHL-TENT-FAMILY", 40, orgA))
                .post("/api/v1/depots/{id}/receipts", depot).then().statusCode(201)
                .body("donorOrganisationId", equalTo(orgA)).body("onHand", equalTo(40));
    }

    @Test
    void aDonorsListsLedgerAndSummariesHoldOnlyItsOwnLots() {
        Secured.as(tokenA).get("/api/v1/stock?size=500").then().statusCode(200)
                .body("items.donorOrganisationId", everyItem(equalTo(orgA)))
                .body("items.lotId", hasItem(lotA)).body("items.lotId", not(hasItem(lotB))).body("total", equalTo(1));
        Secured.as(tokenA).get("/api/v1/stock?depotId=" + depot).then().statusCode(200).body("total", equalTo(1));
        Secured.admin().get("/api/v1/stock?depotId=" + depot).then().statusCode(200).body("total", equalTo(2));

        // the shared depot's totals: A's lot only for A, both for an officer
        Response a = Secured.as(tokenA).get("/api/v1/stock/summary?groupBy=depot");
        a.then().statusCode(200);
        List<Map<String, Object>> groups = a.path("groups");
        assertEquals(1, groups.size(), "A's summary has only the depot holding its lot: " + groups);
        assertEquals(depot, groups.get(0).get("key"));
        assertEquals(100, groups.get(0).get("onHand"));
        assertEquals(1, groups.get(0).get("lots"));
        Response officer = Secured.as(Secured.tokens().forRoles(Roles.LOGISTICS_OFFICER))
                .get("/api/v1/stock/summary?groupBy=depot");
        List<Map<String, Object>> all = officer.path("groups");
        Map<String, Object> shared = all.stream().filter(g -> depot.equals(g.get("key"))).findFirst().orElseThrow();
        assertEquals(400, shared.get("onHand"));
        assertEquals(2, shared.get("lots"));
        Secured.as(tokenA).get("/api/v1/stock/summary?groupBy=item&itemCode=SHL-TENT-FAMILY").then().statusCode(200)
                .body("groups[0].onHand", equalTo(100));

        // the ledger: A's entries only, even when asking for B's lot by id
        Secured.as(tokenA).get("/api/v1/stock/ledger?size=500").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].lotId", equalTo(lotA));
        Secured.as(tokenA).get("/api/v1/stock/ledger?lotId=" + lotB).then().statusCode(200).body("total", equalTo(0));
        Secured.as(tokenB).get("/api/v1/stock/ledger?lotId=" + lotB).then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void aDonorTokenWithoutOrganisationIsRefused() {
        String noOrg = Secured.tokens().issue("donor-without-org", List.of(Roles.DONOR), null, Duration.ofMinutes(10));
        String before = Secured.fingerprint(dataSource);
        refused(Secured.as(noOrg).get("/api/v1/stock"), 403, "donor without org lists stock");
        refused(Secured.as(noOrg).get("/api/v1/stock/lots/{id}", lotA), 403, "donor without org reads a lot");
        refused(adjust(noOrg, lotA, -1, null), 403, "donor without org adjusts");
        refused(Secured.as(noOrg).contentType(ContentType.JSON).body(Fixtures.receipt("SHL-TENT-FAMILY", 5, orgA))
                .post("/api/v1/depots/{id}/receipts", depot), 403, "donor without org receives");
        assertEquals(before, Secured.fingerprint(dataSource));
        // reference data needs no organisation
        Secured.as(noOrg).get("/api/v1/items/SHL-TENT-FAMILY").then().statusCode(200);
    }

    @Test
    void aDonorThatIsAlsoADashboardReadsAllButChangesOnlyItsOwn() {
        String both = Secured.tokens().issue("donor-dashboard", List.of(Roles.DONOR, Roles.DASHBOARD),
                UUID.fromString(orgA),
                Duration.ofMinutes(10));
        Secured.as(both).get("/api/v1/stock/lots/{id}", lotB).then().statusCode(200);
        String before = Secured.fingerprint(dataSource);
        refused(adjust(both, lotB, -1, null), 403, "donor+dashboard adjusts B's lot");
        refused(reverse(both, entryB), 403, "donor+dashboard reverses B's receipt");
        refused(Secured.as(both).contentType(ContentType.JSON).body(Fixtures.receipt("SHL-TENT-FAMILY", 5, orgB))
                .post("/api/v1/depots/{id}/receipts", depot), 403, "donor+dashboard receives for B");
        assertEquals(before, Secured.fingerprint(dataSource));
        assertEquals("300/0", Secured.balance(lotB));
        adjust(both, lotA, 1, null).then().statusCode(201);
    }

    @Test
    void dashboardNeverWrites() {
        String dashboard = Secured.tokens().forRoles(Roles.DASHBOARD);
        String before = Secured.fingerprint(dataSource);
        refused(adjust(dashboard, lotB, -1, null), 403, "dashboard adjusts");
        refused(reverse(dashboard, entryB), 403, "dashboard reverses");
        refused(Secured.as(dashboard).contentType(ContentType.JSON).body(Fixtures.receipt("SHL-TENT-FAMILY", 5, orgB))
                .post("/api/v1/depots/{id}/receipts", depot), 403, "dashboard receives");
        assertEquals(before, Secured.fingerprint(dataSource));
        Secured.as(dashboard).get("/api/v1/stock?depotId=" + depot).then().statusCode(200).body("total", equalTo(2));
    }
}
