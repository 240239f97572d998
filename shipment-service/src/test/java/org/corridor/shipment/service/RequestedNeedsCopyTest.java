package org.corridor.shipment.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.corridor.shipment.support.Fixtures.createId;
import static org.corridor.shipment.support.Fixtures.line;
import static org.corridor.shipment.support.Fixtures.shipment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.corridor.common.security.Roles;
import org.corridor.shipment.support.InjectWireMock;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The delivery summary reads its requested quantities from a copy of allocation-service's needs, refreshed with
 * If-None-Match: a summary does not call allocation-service once the copy exists, an unchanged incident costs
 * allocation a 304, a changed one shows its new needs, and allocation-service down leaves the last copy, marked stale.
 */
@QuarkusTest
@TestSecurity(user = "test-officer", roles = {Roles.ADMIN, Roles.LOGISTICS_OFFICER, Roles.SERVICE})
class RequestedNeedsCopyTest {

    private static final String ETAG = "\"needs-v1\"";
    /** The background jobs that query the database or allocation-service: held so that counts are exact. */
    private static final List<String> JOBS = List.of("requested-needs-refresh", "stock-release-retry");

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    RequestedNeeds requestedNeeds;

    @Inject
    SessionFactory sessionFactory;

    @Inject
    Scheduler scheduler;

    UUID incident;
    UUID site;
    String needsPath;
    String url;

    @BeforeEach
    void incidentWithOneShipment() {
        JOBS.forEach(scheduler::pause);
        incident = UUID.randomUUID();
        site = UUID.randomUUID();
        needsPath = "/api/v1/incidents/" + incident + "/needs";
        url = "/api/v1/incidents/" + incident + "/delivery-summary";
        needs(ETAG, 100);
        createId(shipment(incident, site, List.of(line("BLANKET", UUID.randomUUID(), 10, 15))));
    }

    @AfterEach
    void resumeJobs() {
        JOBS.forEach(scheduler::resume);
    }

    /** allocation answers {@code quantity} blankets for the site with {@code etag}, and 304 to that tag only. */
    private void needs(String etag, int quantity) {
        wireMock.getStubMappings().stream().filter(m -> needsPath.equals(m.getRequest().getUrlPath())).toList()
                .forEach(wireMock::removeStub);
        String body = "{\"items\":[{\"id\":\"" + UUID.randomUUID() + "\",\"siteId\":\"" + site
                + "\",\"itemCode\":\"BLANKET\",\"quantity\":" + quantity + ",\"priority\":\"HIGH\","
                + "\"deliverBy\":\"2026-12-01T00:00:00Z\"}],\"page\":0,\"size\":500,\"total\":1}";
        wireMock.stubFor(get(urlPathEqualTo(needsPath)).atPriority(2).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("ETag", etag).withBody(body)));
        wireMock.stubFor(get(urlPathEqualTo(needsPath)).withHeader("If-None-Match", equalTo(etag)).atPriority(1)
                .willReturn(aResponse().withStatus(304).withHeader("ETag", etag)));
    }

    private JsonPath summary() {
        return given().get(url).then().statusCode(200).extract().jsonPath();
    }

    private int asked() {
        return wireMock.findAll(getRequestedFor(urlPathEqualTo(needsPath))).size();
    }

    @Test
    void summariesAfterTheFirstDoNotCallAllocation() {
        assertEquals(100, summary().getInt("lines[0].requested"));
        for (int i = 0; i < 5; i++) {
            assertEquals(100, summary().getInt("lines[0].requested"));
        }
        assertEquals(1, asked(), "only the first summary of the incident read its needs");
        wireMock.verify(getRequestedFor(urlPathEqualTo(needsPath)).withHeader("If-None-Match", absent()));
    }

    @Test
    void anUnchangedIncidentIsRefreshedWithIfNoneMatchAndKeepsItsTag() {
        String tag = given().get(url).then().statusCode(200).extract().header("ETag");
        requestedNeeds.refresh(incident);
        wireMock.verify(1, getRequestedFor(urlPathEqualTo(needsPath)).withHeader("If-None-Match", equalTo(ETAG)));
        given().header("If-None-Match", tag).get(url).then().statusCode(304);
        assertEquals(100, summary().getInt("lines[0].requested"));
    }

    @Test
    void changedNeedsShowAfterTheRefreshWithANewTag() {
        String tag = given().get(url).then().statusCode(200).extract().header("ETag");
        needs("\"needs-v2\"", 250);
        given().header("If-None-Match", tag).get(url).then().statusCode(304);
        requestedNeeds.refresh(incident);
        String newTag = given().header("If-None-Match", tag).get(url).then().statusCode(200)
                .body("lines[0].requested", org.hamcrest.Matchers.equalTo(250)).extract().header("ETag");
        assertNotEquals(tag, newTag);
    }

    @Test
    void allocationDownServesTheLastCopyMarkedStale() {
        JsonPath fresh = summary();
        assertNull(fresh.get("requestedAsOf"));
        String tag = given().get(url).then().extract().header("ETag");
        wireMock.stubFor(get(urlPathEqualTo(needsPath)).atPriority(0)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        requestedNeeds.refresh(incident);

        JsonPath stale = summary();
        assertEquals(true, stale.getBoolean("requestedAvailable"));
        assertEquals(100, stale.getInt("lines[0].requested"), "the last copy is still given");
        assertEquals(10, stale.getInt("lines[0].allocated"));
        String asOf = stale.getString("requestedAsOf");
        assertNotNull(asOf);
        assertTrue(stale.getString("warnings[0]").contains("allocation-service cannot be reached"),
                stale.getString("warnings[0]"));
        assertTrue(stale.getString("warnings[0]").contains(asOf), stale.getString("warnings[0]"));
        // the tag changed once, when the copy turned stale, and then holds while allocation stays down
        String staleTag = given().header("If-None-Match", tag).get(url).then().statusCode(200).extract()
                .header("ETag");
        requestedNeeds.refresh(incident);
        given().header("If-None-Match", staleTag).get(url).then().statusCode(304);

        // allocation back: current again, no marker
        wireMock.removeStub(wireMock.getStubMappings().stream()
                .filter(m -> m.getPriority() != null && m.getPriority() == 0).findFirst().orElseThrow());
        requestedNeeds.refresh(incident);
        JsonPath back = summary();
        assertNull(back.get("requestedAsOf"));
        assertEquals(List.of(), back.getList("warnings"));
    }

    @Test
    void aMatchingTagIs304AfterOneStatement() {
        String tag = given().get(url).then().statusCode(200).extract().header("ETag");
        String csvTag = given().get(url + "?format=csv").then().statusCode(200).extract().header("ETag");
        assertNotEquals(tag, csvTag, "the CSV has its own tag");
        Statistics stats = sessionFactory.getStatistics();
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long before = stats.getPrepareStatementCount();
            given().header("If-None-Match", tag).get(url).then().statusCode(304).header("ETag", tag);
            fewest = Math.min(fewest, stats.getPrepareStatementCount() - before);
        }
        assertEquals(1, fewest, "a 304 reads the change marker only");
        given().header("If-None-Match", csvTag).get(url + "?format=csv").then().statusCode(304);
        assertEquals(1, asked(), "and never asks allocation-service");
    }
}
