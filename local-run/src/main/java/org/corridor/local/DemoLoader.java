package org.corridor.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Loads a crisis from the data files of a folder such as {@code demo/kahramanmaras-2023} through Corridor's public HTTP
 * API only (it doubles as an example client), requests a plan and prints a short summary of it. Times in the files are
 * relative to the moment of loading.
 */
public final class DemoLoader {

    /** What was created, by the files' keys and names. */
    public record Loaded(List<UUID> incidentIds, Map<String, UUID> organisations, Map<String, UUID> depots,
            Map<String, UUID> sites, Map<String, UUID> lotsByCode, Map<String, UUID> teams) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String inventory;
    private final String allocation;
    private final PrintStream out;
    private final String bearer;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    /**
     * @param token a bearer token with the ADMIN and LOGISTICS_OFFICER roles (reference data, stock, incidents, plans
     *     and approval)
     */
    public DemoLoader(String inventoryUrl, String allocationUrl, String token, PrintStream out) {
        this.inventory = inventoryUrl + "/api/v1";
        this.allocation = allocationUrl + "/api/v1";
        this.bearer = "Bearer " + token;
        this.out = out;
    }

    /** True when an incident of this name already exists (the demo was loaded by an earlier run). */
    public boolean alreadyLoaded(Path dir) throws IOException {
        JsonNode incidents = read(dir, "incidents.json");
        String first = incidents.get(0).get("name").asText();
        JsonNode page = call("GET", allocation + "/incidents?size=500", null, 200);
        for (JsonNode i : page.get("items")) {
            if (first.equals(i.get("name").asText())) {
                return true;
            }
        }
        return false;
    }

    public Loaded load(Path dir) throws IOException {
        Map<String, UUID> orgs = new LinkedHashMap<>();
        Map<String, UUID> orgsByName = new HashMap<>();
        for (JsonNode o : read(dir, "organisations.json")) {
            UUID id = create(inventory + "/organisations", obj()
                    .put("name", o.get("name").asText()).put("type", o.get("type").asText())
                    .put("countryCode", o.get("countryCode").asText()));
            orgs.put(o.get("key").asText(), id);
            orgsByName.put(o.get("name").asText(), id);
        }
        out.printf("  %d organisations%n", orgs.size());
        Map<String, UUID> depots = new LinkedHashMap<>();
        for (JsonNode d : read(dir, "depots.json")) {
            ObjectNode body = ((ObjectNode) d.deepCopy());
            body.remove("organisation");
            body.put("organisationId", orgs.get(d.get("organisation").asText()).toString());
            depots.put(d.get("code").asText(), create(inventory + "/depots", body));
        }
        out.printf("  %d depots%n", depots.size());
        Map<String, UUID> lots = new LinkedHashMap<>();
        for (JsonNode s : read(dir, "stock.json")) {
            ObjectNode body = obj().put("itemCode", s.get("itemCode").asText())
                    .put("quantity", s.get("quantity").asInt()).put("lotCode", s.get("lotCode").asText())
                    .put("donorOrganisationId", orgs.get(s.get("donor").asText()).toString());
            if (s.has("expiresInDays")) {
                LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
                body.put("expiresOn", today.plusDays(s.get("expiresInDays").asLong()).toString());
            }
            if (s.has("earmark")) {
                body.set("earmark", s.get("earmark"));
            }
            UUID depot = depots.get(s.get("depot").asText());
            lots.put(s.get("lotCode").asText(), create(inventory + "/depots/" + depot + "/receipts", body));
        }
        out.printf("  %d lots received%n", lots.size());
        Map<String, UUID> teams = new LinkedHashMap<>();
        for (JsonNode t : read(dir, "teams.json")) {
            String orgName = t.get("organisationName").asText();
            UUID org = orgsByName.get(orgName);
            if (org == null) {
                org = create(inventory + "/organisations", obj().put("name", orgName).put("type", "GOVERNMENT")
                        .put("countryCode", t.get("countryCode").asText()));
                orgsByName.put(orgName, org);
            }
            ObjectNode body = ((ObjectNode) t.deepCopy());
            body.remove("organisationName");
            body.put("organisationId", org.toString());
            teams.put(t.get("name").asText(), create(inventory + "/teams", body));
        }
        out.printf("  %d teams%n", teams.size());
        List<UUID> incidents = new ArrayList<>();
        Map<String, UUID> sites = new LinkedHashMap<>();
        for (JsonNode i : read(dir, "incidents.json")) {
            ObjectNode body = obj().put("name", i.get("name").asText()).put("type", i.get("type").asText())
                    .put("countryCode", i.get("countryCode").asText())
                    .put("startedAt", now.minus(i.get("startedHoursAgo").asLong(), ChronoUnit.HOURS).toString());
            if (i.has("glide")) {
                body.put("glide", i.get("glide").asText());
            }
            body.set("sites", i.get("sites"));
            JsonNode incident = call("POST", allocation + "/incidents", body, 201);
            UUID id = UUID.fromString(incident.get("id").asText());
            incidents.add(id);
            for (JsonNode site : incident.get("sites")) {
                sites.put(site.get("name").asText(), UUID.fromString(site.get("id").asText()));
            }
            for (JsonNode n : i.get("needs")) {
                create(allocation + "/incidents/" + id + "/needs", obj()
                        .put("siteId", sites.get(n.get("site").asText()).toString())
                        .put("itemCode", n.get("itemCode").asText()).put("quantity", n.get("quantity").asInt())
                        .put("priority", n.get("priority").asText())
                        .put("deliverBy", now.plus(n.get("deliverWithinHours").asLong(), ChronoUnit.HOURS).toString()));
            }
            for (JsonNode n : i.get("teamNeeds")) {
                create(allocation + "/incidents/" + id + "/team-needs", obj()
                        .put("siteId", sites.get(n.get("site").asText()).toString())
                        .put("teamType", n.get("teamType").asText()).put("count", n.get("count").asInt())
                        .put("neededBy", now.plus(n.get("neededWithinHours").asLong(), ChronoUnit.HOURS).toString()));
            }
            out.printf("  incident %s: %d sites, %d needs, %d team needs%n", i.get("name").asText(),
                    i.get("sites").size(), i.get("needs").size(), i.get("teamNeeds").size());
        }
        int rules = 0;
        for (JsonNode r : read(dir, "access-rules.json")) {
            ObjectNode body = obj().put("originCountryCode", r.get("originCountryCode").asText())
                    .put("destinationCountryCode", r.get("destinationCountryCode").asText())
                    .put("kind", r.get("kind").asText()).put("appliesTo", r.get("appliesTo").asText())
                    .put("reason", r.get("reason").asText())
                    .put("validFrom", now.minus(r.get("validFromDaysAgo").asLong(), ChronoUnit.DAYS).toString());
            if (r.has("modes")) {
                body.set("modes", r.get("modes"));
            }
            if (r.has("validUntilHoursFromNow")) {
                body.put("validUntil", now.plus(r.get("validUntilHoursFromNow").asLong(), ChronoUnit.HOURS).toString());
            }
            create(allocation + "/access-rules", body);
            rules++;
        }
        out.printf("  %d access rules%n", rules);
        return new Loaded(incidents, orgs, depots, sites, lots, teams);
    }

    /** Requests a plan for the incidents, waits until it is no longer SOLVING, and returns it. */
    public JsonNode plan(List<UUID> incidentIds, Duration spentLimit, Duration timeout) throws IOException {
        ObjectNode body = obj();
        ArrayNode ids = body.putArray("incidentIds");
        incidentIds.forEach(i -> ids.add(i.toString()));
        body.putObject("termination").put("spentLimit", spentLimit.toString());
        JsonNode plan = call("POST", allocation + "/plans", body, 202);
        String id = plan.get("id").asText();
        Instant deadline = Instant.now().plus(timeout);
        while ("SOLVING".equals(plan.get("status").asText()) && Instant.now().isBefore(deadline)) {
            Processes.sleep(1000);
            plan = call("GET", allocation + "/plans/" + id, null, 200);
        }
        return plan;
    }

    /**
     * Approves a SOLVED plan: reserves its stock, assigns its teams and creates its shipments. An approval still under
     * way after the service's wait answers 202: the same request is sent again (it joins the approval) until it ends.
     */
    public JsonNode approve(String planId) throws IOException {
        for (int i = 0; i < 20; i++) {
            JsonNode answer = approveOnce(planId);
            if (answer != null) {
                return answer;
            }
        }
        throw new IOException("approval of plan " + planId + " still under way after 20 tries");
    }

    private JsonNode approveOnce(String planId) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(allocation + "/plans/" + planId + "/approval"))
                .timeout(Duration.ofSeconds(180)).header("Accept", "application/json").header("Authorization", bearer)
                .header("Idempotency-Key", "demo-approve-" + planId)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 202) {
                return null;
            }
            if (r.statusCode() != 200) {
                throw new IOException("approval of plan " + planId + " answered " + r.statusCode() + ": " + r.body());
            }
            return JSON.readTree(r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** What an approval created, in a line or two. */
    public void printApproval(JsonNode approval) {
        Map<String, Integer> byMode = new TreeMap<>();
        approval.withArray("shipments").forEach(s -> byMode.merge(s.get("mode").asText(), 1, Integer::sum));
        out.printf("Approved: reservation %s, %d teams assigned, %d shipments %s%n",
                approval.path("reservationId").asText(),
                approval.withArray("teamAssignments").size(), approval.withArray("shipments").size(), byMode);
    }

    /** A few lines a person can read: what each site gets, what is unmet and why, which teams go. */
    public void printSummary(JsonNode plan, List<UUID> incidentIds) throws IOException {
        out.printf("Plan %s: %s, score %s%n", plan.get("id").asText(), plan.get("status").asText(),
                plan.path("score").asText());
        Map<String, String> siteNames = new HashMap<>();
        Map<String, JsonNode> needs = new HashMap<>();
        for (UUID incident : incidentIds) {
            JsonNode inc = call("GET", allocation + "/incidents/" + incident, null, 200);
            inc.get("sites").forEach(s -> siteNames.put(s.get("id").asText(), s.get("name").asText()));
            call("GET", allocation + "/incidents/" + incident + "/needs?size=500", null, 200).get("items")
                    .forEach(n -> needs.put(n.get("id").asText(), n));
        }
        Map<String, int[]> perSite = new TreeMap<>();
        Map<String, Integer> metPerNeed = new HashMap<>();
        for (JsonNode l : plan.withArray("lines")) {
            metPerNeed.merge(l.get("needId").asText(), l.get("quantity").asInt(), Integer::sum);
        }
        needs.forEach((id, n) -> {
            int[] c = perSite.computeIfAbsent(siteNames.getOrDefault(n.get("siteId").asText(), "?"), k -> new int[2]);
            c[0] += n.get("quantity").asInt();
            c[1] += Math.min(metPerNeed.getOrDefault(id, 0), n.get("quantity").asInt());
        });
        out.println("Needs met per site (units allocated / requested):");
        perSite.forEach((site, c) -> out.printf("  %-32s %8d / %-8d (%3.0f %%)%n", site, c[1], c[0],
                c[0] == 0 ? 100.0 : 100.0 * c[1] / c[0]));
        out.printf("Teams assigned: %d%n", plan.withArray("teamAssignments").size());
        JsonNode unmet = plan.withArray("unmet");
        out.printf("Unmet: %d%n", unmet.size());
        int shown = 0;
        for (JsonNode u : unmet) {
            if (shown++ == 12) {
                out.printf("  ... and %d more (GET /api/v1/plans/%s/analysis)%n", unmet.size() - 12,
                        plan.get("id").asText());
                break;
            }
            out.println("  - " + u.path("reason").asText());
        }
    }

    private UUID create(String url, JsonNode body) throws IOException {
        return UUID.fromString(call("POST", url, body, 201).get(url.endsWith("/receipts") ? "lotId" : "id").asText());
    }

    private JsonNode call(String method, String url, JsonNode body, int expected) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json").header("Authorization", bearer);
        if (body != null) {
            b.header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                throw new IOException(method + " " + url + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static JsonNode read(Path dir, String file) throws IOException {
        return JSON.readTree(dir.resolve(file).toFile());
    }

    private static ObjectNode obj() {
        return JSON.createObjectNode();
    }
}
