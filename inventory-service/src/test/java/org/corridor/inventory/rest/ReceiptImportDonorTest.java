package org.corridor.inventory.rest;

import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.UUID;
import org.corridor.inventory.testing.Secured;
import org.junit.jupiter.api.Test;

/** A DONOR token imports receipts only as its own organisation, as with a single receipt. */
@QuarkusTest
class ReceiptImportDonorTest {

    @Test
    void aDonorImportsOnlyAsItselfAndEveryOtherRowIsNamed() {
        String orgA = Secured.organisation();
        String orgB = Secured.organisation();
        String depotId = Secured.depot(Secured.organisation());
        String depot = Secured.admin().get("/api/v1/depots/{id}", depotId).then().statusCode(200).extract()
                .path("code");
        String tokenA = Secured.tokens().donor(UUID.fromString(orgA));
        String expiry = LocalDate.now().plusYears(1).toString();
        String lot = "IMP-" + UUID.randomUUID().toString().substring(0, 8);
        String csv = ReceiptImportTest.HEADER
                + depot + ",SHL-TENT-FAMILY,10," + lot + "-1," + expiry + "," + orgA + ",,,\n"
                + depot + ",SHL-TENT-FAMILY,10," + lot + "-2," + expiry + "," + orgB + ",,,\n";
        Secured.as(tokenA).contentType("text/csv").body(csv).post("/api/v1/receipt-imports").then().statusCode(422)
                .body("errors.row", equalTo(java.util.List.of(3)))
                .body("errors.column", equalTo(java.util.List.of("donorOrganisationId")));
        Secured.as(tokenA).get("/api/v1/stock?depotId={d}", depotId).then().statusCode(200).body("total",
                equalTo(0));
        String own = csv.substring(0, csv.lastIndexOf(depot + ",SHL-TENT-FAMILY,10," + lot + "-2"));
        String id = Secured.as(tokenA).contentType("text/csv").body(own).post("/api/v1/receipt-imports").then()
                .statusCode(201).body("lots[0].donorOrganisationId", equalTo(orgA)).extract().path("id");
        Secured.as(tokenA).get("/api/v1/receipt-imports/{id}", id).then().statusCode(200);
        Secured.as(Secured.tokens().donor(UUID.fromString(orgB))).get("/api/v1/receipt-imports/{id}", id).then()
                .statusCode(404);
    }
}
