package org.corridor.inventory.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.corridor.common.security.Roles;
import org.corridor.common.testing.JwtTestResource;
import org.corridor.common.testing.OpenApiBadInput;
import org.corridor.common.testing.PostgresTestResource;
import org.corridor.inventory.testing.Secured;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Every operation of inventory-service's OpenAPI document, walked with bad input by common's {@link OpenApiBadInput}
 * (duplicated keys, wrong types, nulls, empty and 10 kB strings, numbers at and beyond the int and long limits, unknown
 * fields; extreme query parameters; over-long Idempotency-Keys): never a 5xx, and a problem on every 4xx. Ids in paths
 * and bodies are real (an organisation, depot, lot, its ledger entry, a team, a reservation), so that the valid body
 * reaches the use case and each bad variant differs from it in one field only.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(JwtTestResource.class)
class OpenApiBadInputTest {

    private static final Logger LOG = Logger.getLogger(OpenApiBadInputTest.class);

    @Test
    void noOperationAnswersBadInputWithAServerErrorOrWithoutAProblem() {
        String org = Secured.organisation();
        String depot = Secured.depot(org);
        String lot = Secured.lot(depot, org, 1_000_000);
        String entry = Secured.receiptEntry(lot);
        String token = Secured.tokens().forRoles(Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE,
                Roles.DASHBOARD);

        OpenApiBadInput.Report report = OpenApiBadInput.withToken(token)
                .pathValue("organisations/{id}", () -> org)
                .pathValue("depots/{id}", () -> depot)
                .pathValue("stock/lots/{id}", () -> lot)
                .pathValue("stock/ledger/{id}", () -> entry)
                .pathValue("teams/{id}", () -> Secured.team(org))
                .pathValue("reservations/{id}", () -> Secured.reservation(lot, 10))
                .fieldValue("organisationId", () -> org)
                .fieldValue("donorOrganisationId", () -> org)
                .fieldValue("lotId", () -> lot)
                .fieldValue("ledgerEntryId", () -> entry)
                .run();

        LOG.infof("inventory-service bad input: %s", report.summary());
        Assertions.assertEquals(report.documentOperations(), report.operations(), "every operation walked");
        report.assertClean();
    }
}
