package org.corridor.inventory.rest;

import static io.restassured.RestAssured.given;
import static org.corridor.inventory.testing.Fixtures.adjust;
import static org.corridor.inventory.testing.Fixtures.ledgerOf;
import static org.corridor.inventory.testing.Fixtures.reverse;
import static org.corridor.inventory.testing.LedgerInvariant.assertLotAgreesWithItsLedger;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.corridor.common.security.Roles;
import org.corridor.inventory.testing.Fixtures;
import org.corridor.inventory.testing.LedgerInvariant;
import org.junit.jupiter.api.Test;

/** Receipts, adjustments, reversals, the ledger, and the stock views. */
@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class StockResourceTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void receiptCreatesALotWithItsDepotDonorAndEarmark() {
        String donor = Fixtures.organisation("DONOR_AGENCY", "BEL");
        String depot = Fixtures.depot("ARE", donor);
        Map<String, Object> body = Fixtures.receipt("WASH-HYGIENE-KIT", 500, donor);
        body.put("earmark", Map.of("countryCodes", List.of("TUR", "SYR"), "incidentTypes", List.of("EARTHQUAKE")));
        body.put("note", "ECHO grant");
        Response r = Fixtures.receive(depot, body).then().statusCode(201)
                .body("depotId", equalTo(depot)).body("countryCode", equalTo("ARE"))
                .body("itemCode", equalTo("WASH-HYGIENE-KIT")).body("lotCode", equalTo(body.get("lotCode")))
                .body("expiresOn", equalTo(body.get("expiresOn"))).body("donorOrganisationId", equalTo(donor))
                .body("donorName", notNullValue()).body("latitude", equalTo(40.63f))
                .body("earmark.countryCodes", equalTo(List.of("SYR", "TUR")))
                .body("earmark.incidentTypes", equalTo(List.of("EARTHQUAKE")))
                .body("onHand", equalTo(500)).body("reserved", equalTo(0)).body("available", equalTo(500))
                .extract().response();
        String lotId = r.path("lotId");
        assertEquals(true, r.header("Location").endsWith("/api/v1/stock/lots/" + lotId));
        given().get("/api/v1/stock/lots/{id}", lotId).then().statusCode(200).body("onHand", equalTo(500))
                .body("earmark.incidentTypes", equalTo(List.of("EARTHQUAKE")));
        List<Map<String, Object>> entries = ledgerOf(lotId);
        assertEquals(1, entries.size());
        assertEquals("RECEIPT", entries.get(0).get("type"));
        assertEquals(500, entries.get(0).get("onHandDelta"));
        assertEquals("ECHO grant", entries.get(0).get("note"));
        given().get("/api/v1/stock/ledger/{id}", entries.get(0).get("id")).then().statusCode(200).body("type",
                equalTo("RECEIPT"));
    }

    @Test
    void lotWithoutEarmarkHasNullEarmarkAndDurableItemsNeedNoExpiry() {
        String org = Fixtures.organisation();
        String depot = Fixtures.depot("PAN", org);
        Map<String, Object> body = Fixtures.receipt("NFI-BLANKET", 1000, org);
        body.remove("expiresOn");
        Fixtures.receive(depot, body).then().statusCode(201).body("earmark", nullValue()).body("expiresOn", nullValue())
                // the contract's nullable fields are present as null, not left out
                .body("$", hasKey("earmark")).body("$", hasKey("expiresOn"));
    }

    @Test
    void receiptRefusals() {
        String org = Fixtures.organisation();
        String depot = Fixtures.depot("GHA", org);
        Map<String, Object> perishable = Fixtures.receipt("FOOD-HEB-CARTON", 10, org);
        perishable.remove("expiresOn");
        Fixtures.receive(depot, perishable).then().statusCode(422).contentType("application/problem+json")
                .body("title", equalTo("Expiry date required"));
        Map<String, Object> expired = Fixtures.receipt("FOOD-HEB-CARTON", 10, org);
        expired.put("expiresOn", LocalDate.now().minusDays(2).toString());
        Fixtures.receive(depot, expired).then().statusCode(422).body("title", equalTo("Lot already expired"));
        Fixtures.receive(depot, Fixtures.receipt("NO-SUCH-ITEM", 10, org)).then().statusCode(422)
                .body("title", equalTo("Unknown item"));
        Fixtures.receive(depot, Fixtures.receipt("NFI-BLANKET", 10, "00000000-0000-0000-0000-000000000009"))
                .then().statusCode(422).body("title", equalTo("Unknown organisation"));
        Map<String, Object> badEarmark = Fixtures.receipt("NFI-BLANKET", 10, org);
        badEarmark.put("earmark", Map.of("countryCodes", List.of("ZZZ")));
        Fixtures.receive(depot, badEarmark).then().statusCode(422).body("title", equalTo("Unknown country"));
        Map<String, Object> emptyEarmark = Fixtures.receipt("NFI-BLANKET", 10, org);
        emptyEarmark.put("earmark", Map.of("countryCodes", List.of()));
        Fixtures.receive(depot, emptyEarmark).then().statusCode(400).contentType("application/problem+json");
        Fixtures.receive("00000000-0000-0000-0000-000000000000", Fixtures.receipt("NFI-BLANKET", 10, org))
                .then().statusCode(404).contentType("application/problem+json");
        Map<String, Object> once = Fixtures.receipt("NFI-BLANKET", 10, org);
        Fixtures.receive(depot, once).then().statusCode(201);
        Fixtures.receive(depot, once).then().statusCode(409).body("title", equalTo("Lot already received"));
    }

    @Test
    void adjustmentsFollowTheirReasonAndNeverGoBelowReservedOrZero() {
        String lot = Fixtures.lot(100);
        adjust(lot, -5, "DAMAGED").then().statusCode(201).header("Location", containsString("/api/v1/stock/ledger/"))
                .body("type", equalTo("ADJUSTMENT")).body("reason", equalTo("DAMAGED"))
                .body("onHandDelta", equalTo(-5)).body("onHandAfter", equalTo(95));
        adjust(lot, 3, "FOUND").then().statusCode(201).body("onHandAfter", equalTo(98));
        adjust(lot, -1, "COUNT_CORRECTION").then().statusCode(201).body("onHandAfter", equalTo(97));
        // a reason that does not fit the sign
        adjust(lot, 5, "LOST").then().statusCode(422).contentType("application/problem+json");
        adjust(lot, -5, "FOUND").then().statusCode(422);
        // below zero
        adjust(lot, -98, "LOST").then().statusCode(409).body("title", equalTo("Not enough stock on hand"));
        // below reserved
        Fixtures.reserve(Fixtures.unique("k"), "plan-adj", List.of(Fixtures.line(lot, 90))).then().statusCode(201);
        adjust(lot, -8, "EXPIRED").then().statusCode(409).body("title", equalTo("Stock is reserved"));
        adjust(lot, -7, "EXPIRED").then().statusCode(201).body("onHandAfter", equalTo(90)).body("reservedAfter",
                equalTo(90));
        adjust("00000000-0000-0000-0000-000000000000", -1, "LOST").then().statusCode(422).body("title",
                equalTo("Unknown lot"));
        Fixtures.lotBalance(lot).then().body("onHand", equalTo(90)).body("reserved", equalTo(90)).body("available",
                equalTo(0));
        assertLotAgreesWithItsLedger(lot);
    }

    @Test
    void reversalsNegateTheOriginalOnceAndOnlyForReceiptsAndAdjustments() {
        String lot = Fixtures.lot(50);
        String receiptEntry = (String) ledgerOf(lot).get(0).get("id");
        String damage = adjust(lot, -10, "DAMAGED").then().statusCode(201).extract().path("id");
        // reverse the adjustment: +10
        Response reversed = reverse(damage).then().statusCode(201)
                .body("type", equalTo("REVERSAL")).body("reversesEntryId", equalTo(damage))
                .body("onHandDelta", equalTo(10)).body("onHandAfter", equalTo(50)).body("note", equalTo("mistake"))
                .extract().response();
        String reversal = reversed.path("id");
        assertEquals(true, reversed.header("Location").endsWith("/api/v1/stock/ledger/" + reversal));
        // twice, or a reversal of a reversal
        reverse(damage).then().statusCode(409).body("title", equalTo("Entry already reversed"));
        reverse(reversal).then().statusCode(409).body("title", equalTo("A reversal cannot be reversed"));
        // reservation entries are undone by release, not reversal
        Fixtures.reserve(Fixtures.unique("k"), "plan-rev", List.of(Fixtures.line(lot, 20))).then().statusCode(201);
        String reservationEntry = ledgerOf(lot).stream().filter(e -> e.get("type").equals("RESERVATION"))
                .map(e -> (String) e.get("id")).findFirst().orElseThrow();
        reverse(reservationEntry).then().statusCode(409).body("title", equalTo("Entry type is not reversible"));
        // reversing the receipt would leave 0 on hand with 20 reserved
        reverse(receiptEntry).then().statusCode(409).body("title", equalTo("Reversal would break the balance"));
        reverse("00000000-0000-0000-0000-000000000000").then().statusCode(422);
        Fixtures.lotBalance(lot).then().body("onHand", equalTo(50)).body("reserved", equalTo(20));
        assertLotAgreesWithItsLedger(lot);
    }

    @Test
    void reversingAReceiptEmptiesTheLot() {
        String lot = Fixtures.lot(30);
        String receiptEntry = (String) ledgerOf(lot).get(0).get("id");
        reverse(receiptEntry).then().statusCode(201).body("onHandDelta", equalTo(-30)).body("onHandAfter", equalTo(0));
        Fixtures.lotBalance(lot).then().body("onHand", equalTo(0)).body("available", equalTo(0));
        assertLotAgreesWithItsLedger(lot);
    }

    @Test
    void issuesCannotBeReversed() {
        String lot = Fixtures.lot(10);
        String id = Fixtures.reserve(Fixtures.unique("k"), "plan-issue", List.of(Fixtures.line(lot, 4)))
                .then().statusCode(201).extract().path("id");
        given().post("/api/v1/reservations/{id}/consume", id).then().statusCode(200);
        String issue = ledgerOf(lot).stream().filter(e -> e.get("type").equals("ISSUE"))
                .map(e -> (String) e.get("id")).findFirst().orElseThrow();
        reverse(issue).then().statusCode(409).body("title", equalTo("Entry type is not reversible"));
    }

    @Test
    void ledgerIsOldestFirstAndFiltersBySince() {
        String lot = Fixtures.lot(40);
        adjust(lot, -1, "LOST").then().statusCode(201);
        Instant between = Instant.now();
        adjust(lot, -2, "LOST").then().statusCode(201);
        List<Map<String, Object>> all = ledgerOf(lot);
        assertEquals(List.of("RECEIPT", "ADJUSTMENT", "ADJUSTMENT"), all.stream().map(e -> e.get("type")).toList());
        assertEquals(true,
                ((Number) all.get(0).get("sequence")).longValue() < ((Number) all.get(2).get("sequence")).longValue());
        given().get("/api/v1/stock/ledger?lotId=" + lot + "&since=" + between).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].onHandDelta", equalTo(-2));
        given().get("/api/v1/stock/ledger?since=yesterday").then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/api/v1/stock/ledger?lotId=123").then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/stock/ledger?size=2&page=0").then().statusCode(200).body("size", equalTo(2))
                .body("total", greaterThan(2));
        given().get("/api/v1/stock/ledger/{id}", "00000000-0000-0000-0000-000000000000").then().statusCode(404);
        given().get("/api/v1/stock/lots/{id}", "00000000-0000-0000-0000-000000000000").then().statusCode(404);
    }

    @Test
    void stockListFiltersAndAvailableOnly() {
        String org = Fixtures.organisation();
        String depot = Fixtures.depot("MYS", org);
        String tents = Fixtures.receive(depot, Fixtures.receipt("SHL-TENT-FAMILY", 10, org)).then().statusCode(201)
                .extract().path("lotId");
        String tarps = Fixtures.receive(depot, Fixtures.receipt("SHL-TARP-4X5", 5, org)).then().statusCode(201)
                .extract().path("lotId");
        given().get("/api/v1/stock?depotId=" + depot).then().statusCode(200).body("total", equalTo(2))
                .body("items.lotId", hasItem(tents)).body("items.depotCode", everyItem(notNullValue()))
                .body("items.countryCode", everyItem(equalTo("MYS")));
        given().get("/api/v1/stock?depotId=" + depot + "&itemCode=SHL-TARP-4X5").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].lotId", equalTo(tarps));
        given().get("/api/v1/stock?countryCode=MYS&size=500").then().statusCode(200).body("items.lotId",
                hasItem(tents));
        // fully reserved lots are not available
        Fixtures.reserve(Fixtures.unique("k"), "plan-avail", List.of(Fixtures.line(tarps, 5))).then().statusCode(201);
        given().get("/api/v1/stock?availableOnly=true&depotId=" + depot).then().statusCode(200)
                .body("total", equalTo(1)).body("items.lotId", not(hasItem(tarps)))
                .body("items[0].available", equalTo(10));
        given().get("/api/v1/stock?depotId=nope").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void stockAndSummaryAnswerWithETagsAnd304() {
        String org = Fixtures.organisation();
        String depot = Fixtures.depot("ESP", org);
        String lot = Fixtures.receive(depot, Fixtures.receipt("NFI-SOLAR-LAMP", 200, org)).then().statusCode(201)
                .extract().path("lotId");
        String url = "/api/v1/stock?depotId=" + depot;
        String tag = given().get(url).then().statusCode(200).header("ETag", notNullValue()).extract().header("ETag");
        given().header("If-None-Match", tag).get(url).then().statusCode(304);
        String summaryTag = given().get("/api/v1/stock/summary?groupBy=depot").then().statusCode(200)
                .header("ETag", notNullValue()).extract().header("ETag");
        given().header("If-None-Match", summaryTag).get("/api/v1/stock/summary?groupBy=depot").then().statusCode(304);
        adjust(lot, -1, "DAMAGED").then().statusCode(201);
        String newTag = given().header("If-None-Match", tag).get(url).then().statusCode(200).extract().header("ETag");
        assertNotEquals(tag, newTag);
        given().header("If-None-Match", summaryTag).get("/api/v1/stock/summary?groupBy=depot").then().statusCode(200);
    }

    @Test
    void summaryGroupsByCountryItemAndDepot() {
        String org = Fixtures.organisation();
        String depot = Fixtures.depot("NPL", org);
        Fixtures.receive(depot, Fixtures.receipt("WASH-BUCKET-14L", 300, org)).then().statusCode(201);
        String lot = Fixtures.receive(depot, Fixtures.receipt("WASH-BUCKET-14L", 200, org)).then().statusCode(201)
                .extract().path("lotId");
        Fixtures.reserve(Fixtures.unique("k"), "plan-sum", List.of(Fixtures.line(lot, 50))).then().statusCode(201);
        given().get("/api/v1/stock/summary?groupBy=country&countryCode=NPL").then().statusCode(200)
                .body("groupBy", equalTo("country")).body("groups.size()", equalTo(1))
                .body("groups[0].key", equalTo("NPL")).body("groups[0].label", equalTo("Nepal"))
                .body("groups[0].lots", equalTo(2)).body("groups[0].onHand", equalTo(500))
                .body("groups[0].reserved", equalTo(50)).body("groups[0].available", equalTo(450));
        given().get("/api/v1/stock/summary?groupBy=depot&countryCode=NPL").then().statusCode(200)
                .body("groups[0].key", equalTo(depot)).body("groups[0].onHand", equalTo(500));
        given().get("/api/v1/stock/summary?groupBy=item&countryCode=NPL").then().statusCode(200)
                .body("groups[0].key", equalTo("WASH-BUCKET-14L")).body("groups[0].label", containsString("Bucket"));
        given().get("/api/v1/stock/summary").then().statusCode(200).body("groupBy", equalTo("country"));
        given().get("/api/v1/stock/summary?groupBy=planet").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void theLedgerIsAppendOnlyInTheDatabase() throws SQLException {
        Fixtures.lot(5);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            SQLException update = assertThrows(SQLException.class,
                    () -> s.executeUpdate("UPDATE ledger_entry SET on_hand_delta = on_hand_delta + 1"));
            assertEquals(true, update.getMessage().contains("append-only"));
            SQLException delete = assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM ledger_entry"));
            assertEquals(true, delete.getMessage().contains("append-only"));
        }
        LedgerInvariant.assertBalancesEqualLedgerSums(dataSource);
    }
}
