package org.corridor.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every overlay under k8s/overlays, rendered with kustomize as a cluster would get it, then: valid against the
 * Kubernetes and CloudNativePG schemas, no field the API does not know, the project's rules ({@link ManifestRules}),
 * the NetworkPolicies letting through exactly the callers that need a service, and the Ingress sending every public API
 * path of the code to the service that serves it.
 */
class OverlaysTest {

    private static final Map<String, String> RENDERED = new ConcurrentHashMap<>();

    static List<String> overlays() {
        return ManifestTools.overlays();
    }

    private static String rendered(String overlay) {
        return RENDERED.computeIfAbsent(overlay, ManifestTools::renderOverlay);
    }

    private static List<HasMetadata> resources(String overlay) {
        return Manifests.parse(rendered(overlay));
    }

    @Test
    void thereAreDevAndProdOverlays() {
        assertTrue(overlays().containsAll(List.of("dev", "prod")), "overlays found: " + overlays());
    }

    @Test
    void theBaseRendersToo() {
        // the base alone is not deployable (no database, no tags) but must stay a valid kustomization
        List<HasMetadata> base = Manifests.parse(ManifestTools.render(ManifestTools.MODULE.resolve("base"), "base"));
        // the three services and the operations console
        assertEquals(List.of("allocation-service", "console", "inventory-service", "shipment-service"),
                ManifestRules.of(base, Deployment.class).stream().map(d -> d.getMetadata().getName()).sorted()
                        .toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyDocumentIsValidAgainstTheSchemas(String overlay) {
        String yaml = rendered(overlay);
        ManifestTools.Validation validation = ManifestTools.validate(ManifestTools.RENDERED.resolve(overlay + ".yaml"));
        assertEquals(List.of(), validation.errors(), overlay + ": schema errors");
        int documents = Manifests.parse(yaml).size();
        assertEquals(documents, validation.documents(),
                overlay + ": the validator saw another number of documents than Java parsed");
        assertEquals(documents, validation.kinds().values().stream().mapToInt(Integer::intValue).sum(),
                overlay + ": documents not validated: " + validation);
        System.out.printf("%s: %d documents rendered and validated: %s%n", overlay, documents, validation.kinds());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void noFieldIsUnknownToKubernetes(String overlay) {
        List<String> unknown = new ArrayList<>();
        for (HasMetadata r : resources(overlay)) {
            if (Manifests.isBuiltIn(r)) {
                unknown.addAll(Manifests.unknownFields(r));
            } else {
                assertTrue(r.getApiVersion().startsWith("postgresql.cnpg.io/"), overlay
                        + ": a kind neither Kubernetes nor CloudNativePG: " + r.getApiVersion() + " " + r.getKind());
            }
        }
        assertEquals(List.of(), unknown, overlay + ": fields the Kubernetes API does not have");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyProjectRuleHolds(String overlay) {
        List<HasMetadata> resources = resources(overlay);
        assertEquals(List.of(), ManifestRules.check(resources, ManifestRules.Profile.of(overlay)),
                overlay + ": rule violations");
        long containers = resources.stream().flatMap(r -> ManifestRules.podSpec(r).stream())
                .mapToLong(s -> s.getContainers().size()).sum();
        System.out.printf("%s: %d project rules hold for %d objects, %d containers%n", overlay, ManifestRules.RULES,
                resources.size(), containers);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void noSecretIsCommittedAndEveryPodLivesInTheOverlaysNamespace(String overlay) {
        List<HasMetadata> resources = resources(overlay);
        assertEquals(List.of(), ManifestRules.of(resources, Secret.class),
                overlay + ": Secrets are created in the cluster, never rendered");
        List<Namespace> namespaces = ManifestRules.of(resources, Namespace.class);
        assertEquals(1, namespaces.size(), overlay + ": one Namespace");
        String ns = namespaces.get(0).getMetadata().getName();
        assertEquals("restricted",
                namespaces.get(0).getMetadata().getLabels().get("pod-security.kubernetes.io/enforce"));
        for (HasMetadata r : resources) {
            if (!(r instanceof Namespace)) {
                assertEquals(ns, r.getMetadata().getNamespace(),
                        overlay + ": " + ManifestRules.describe(r) + " outside " + ns);
            }
        }
    }

    @Test
    void devRunsOneStatefulPostgresAndProdACloudNativePgClusterOfThree() {
        List<HasMetadata> dev = resources("dev");
        assertEquals(1, ManifestRules.of(dev, StatefulSet.class).size());
        assertEquals(1, ManifestRules.of(dev, StatefulSet.class).get(0).getSpec().getReplicas());
        assertTrue(dev.stream().noneMatch(r -> r instanceof GenericKubernetesResource), "dev needs no operator");

        List<HasMetadata> prod = resources("prod");
        assertEquals(List.of(), ManifestRules.of(prod, StatefulSet.class));
        GenericKubernetesResource cluster = prod.stream()
                .filter(r -> r instanceof GenericKubernetesResource g && ManifestRules.isCnpgCluster(g))
                .map(GenericKubernetesResource.class::cast).findFirst().orElseThrow();
        assertEquals(3, ((Number) ManifestRules.spec(cluster).get("instances")).intValue());
        // every service's database URL points at the primary's Service of that cluster
        for (String service : ManifestRules.SERVICES.keySet()) {
            Deployment d = ManifestRules.of(prod, Deployment.class).stream()
                    .filter(x -> x.getMetadata().getName().equals(service)).findFirst().orElseThrow();
            Map<String, String> env = ManifestRules.environment(
                    d.getSpec().getTemplate().getSpec().getContainers().get(0), prod, service, new ArrayList<>());
            String db = service.substring(0, service.indexOf('-'));
            assertEquals("jdbc:postgresql://" + cluster.getMetadata().getName() + "-rw:5432/" + db + "?sslmode=require",
                    env.get(db.toUpperCase() + "_DB_URL"));
        }
        Ingress ingress = ManifestRules.of(prod, Ingress.class).get(0);
        assertFalse(ingress.getSpec().getTls().isEmpty(), "prod serves the API over TLS");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theJwtKeysAreMountedWhereTheServicesLookForThem(String overlay) {
        List<HasMetadata> resources = resources(overlay);
        Map<String, String> secretOf = Map.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "corridor-jwt-public",
                "SMALLRYE_JWT_SIGN_KEY_LOCATION", "corridor-jwt-signing");
        for (Deployment d : ManifestRules.of(resources, Deployment.class)) {
            if (!ManifestRules.SERVICES.containsKey(d.getMetadata().getName())) {
                continue; // the console serves files: it holds no key and verifies no token
            }
            var pod = d.getSpec().getTemplate().getSpec();
            var container = pod.getContainers().get(0);
            Map<String, String> env = ManifestRules.environment(container, resources, d.getMetadata().getName(),
                    new ArrayList<>());
            assertTrue(env.containsKey("MP_JWT_VERIFY_PUBLICKEY_LOCATION"),
                    overlay + ": " + d.getMetadata().getName() + " verifies tokens");
            assertTrue(env.containsKey("CORRIDOR_SECURITY_ISSUER"),
                    overlay + ": " + d.getMetadata().getName() + " checks the issuer");
            // the callers sign their calls; inventory calls nobody and gets no private key
            boolean caller = !ManifestRules.SERVICES.get(d.getMetadata().getName()).isEmpty();
            assertEquals(caller, env.containsKey("SMALLRYE_JWT_SIGN_KEY_LOCATION"),
                    overlay + ": " + d.getMetadata().getName() + " signing key");
            for (Map.Entry<String, String> key : secretOf.entrySet()) {
                String file = env.get(key.getKey());
                if (file == null) {
                    continue;
                }
                Path location = Path.of(file);
                var mount = container.getVolumeMounts().stream()
                        .filter(m -> location.getParent().equals(Path.of(m.getMountPath()))).findFirst()
                        .orElseThrow(() -> new AssertionError(
                                overlay + ": nothing mounted at " + location.getParent() + " for " + key.getKey()));
                var volume = pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst()
                        .orElseThrow();
                assertEquals(key.getValue(), volume.getSecret().getSecretName(), overlay + ": " + key.getKey());
                assertTrue(mount.getReadOnly(), overlay + ": key mounts are read-only");
            }
        }
    }

    // ---- network policies

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void onlyTheCallersThatNeedAServiceReachIt(String overlay) {
        List<HasMetadata> resources = resources(overlay);
        String ns = ManifestRules.of(resources, Namespace.class).get(0).getMetadata().getName();
        Reachability net = new Reachability(ManifestRules.of(resources, NetworkPolicy.class), ns);
        Map<String, Reachability.Pod> pods = new LinkedHashMap<>();
        for (Deployment d : ManifestRules.of(resources, Deployment.class)) {
            pods.put(d.getMetadata().getName(),
                    Reachability.Pod.in(ns, ManifestRules.labels(d.getSpec().getTemplate())));
        }
        pods.put("database", databasePod(resources, ns));
        pods.put("ingress-controller",
                Reachability.Pod.in("ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx")));
        pods.put("stranger", Reachability.Pod.in(ns, Map.of("app", "debug")));
        pods.put("other-namespace",
                Reachability.Pod.in("elsewhere", Map.of("app.kubernetes.io/name", "allocation-service")));
        Reachability.Pod dns = Reachability.Pod.in("kube-system", Map.of("k8s-app", "kube-dns"));
        Map<String, Integer> port = Map.of("inventory-service", 8081, "allocation-service", 8082, "shipment-service",
                8083, "database", 5432, "console", 8080);

        Map<String, List<String>> allowed = Map.of(
                "inventory-service", List.of("allocation-service", "shipment-service", "ingress-controller"),
                "allocation-service", List.of("shipment-service", "ingress-controller"),
                "shipment-service", List.of("allocation-service", "ingress-controller"),
                "database", List.of("inventory-service", "allocation-service", "shipment-service"),
                "console", List.of("ingress-controller"));
        int checked = 0;
        for (Map.Entry<String, List<String>> target : allowed.entrySet()) {
            for (String caller : pods.keySet()) {
                if (caller.equals(target.getKey())) {
                    continue;
                }
                boolean expected = target.getValue().contains(caller);
                boolean actual = net.allowed(pods.get(caller), pods.get(target.getKey()), "TCP",
                        port.get(target.getKey()));
                assertEquals(expected, actual,
                        overlay + ": " + caller + " -> " + target.getKey() + ":" + port.get(target.getKey()));
                checked++;
            }
        }
        for (String service : ManifestRules.SERVICES.keySet()) {
            assertTrue(net.allowed(pods.get(service), dns, "UDP", 53), overlay + ": " + service + " resolves names");
            assertFalse(net.allowed(pods.get(service), pods.get("database"), "TCP", 22),
                    overlay + ": " + service + " reaches the database only on 5432");
            checked += 2;
        }
        System.out.printf("%s: %d caller/target pairs checked against the NetworkPolicies%n", overlay, checked);
    }

    private static Reachability.Pod databasePod(List<HasMetadata> resources, String ns) {
        List<StatefulSet> sets = ManifestRules.of(resources, StatefulSet.class);
        if (!sets.isEmpty()) {
            return Reachability.Pod.in(ns, ManifestRules.labels(sets.get(0).getSpec().getTemplate()));
        }
        GenericKubernetesResource cluster = resources.stream()
                .filter(r -> r instanceof GenericKubernetesResource g && ManifestRules.isCnpgCluster(g))
                .map(GenericKubernetesResource.class::cast).findFirst().orElseThrow();
        // CloudNativePG labels its pods with the cluster name plus the inherited labels
        Map<String, String> labels = new HashMap<>();
        Object inherited = ManifestRules.spec(cluster).get("inheritedMetadata");
        if (inherited instanceof Map<?, ?> m && m.get("labels") instanceof Map<?, ?> l) {
            l.forEach((k, v) -> labels.put(String.valueOf(k), String.valueOf(v)));
        }
        labels.put("cnpg.io/cluster", cluster.getMetadata().getName());
        return Reachability.Pod.in(ns, labels);
    }

    // ---- ingress

    /** Each service's public paths, read from its JAX-RS resources under src/main/java/.../rest/. */
    static Map<String, List<String>> publicPathsInTheCode() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Pattern path = Pattern.compile("@Path\\(\"([^\"]*)\"\\)");
        for (String service : ManifestRules.SERVICES.keySet()) {
            Path root = ManifestTools.MODULE.resolveSibling(service).resolve("src/main/java");
            List<String> paths = new ArrayList<>();
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files
                        .filter(p -> p.toString().endsWith("Resource.java") && p.getParent().endsWith("rest"))
                        .toList()) {
                    String src = Files.readString(f);
                    int classAt = src.indexOf(" class ");
                    Matcher m = path.matcher(src);
                    String base = null;
                    List<String> methods = new ArrayList<>();
                    while (m.find()) {
                        if (m.start() < classAt) {
                            base = m.group(1);
                        } else {
                            methods.add(m.group(1));
                        }
                    }
                    if (base == null || !base.startsWith("/api/v1")) {
                        continue;
                    }
                    // the class path itself is served when some resource method has no @Path of its own
                    long httpMethods = Pattern.compile("@(GET|POST|PUT|DELETE|PATCH)\\b")
                            .matcher(src.substring(classAt)).results().count();
                    if (httpMethods > methods.size()) {
                        paths.add(base);
                    }
                    for (String sub : methods) {
                        paths.add((base + "/" + sub).replaceAll("/+", "/"));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.put(service, paths.stream().map(p -> p.replaceAll("\\{[^}]+}", "0b0e4c52-3f4b-4c7e-9a53-1f1c2e3d4a5b"))
                    .distinct().sorted().toList());
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theIngressSendsEveryPublicPathToTheServiceThatServesIt(String overlay) {
        List<Ingress> ingresses = ManifestRules.of(resources(overlay), Ingress.class);
        int checked = 0;
        for (Map.Entry<String, List<String>> service : publicPathsInTheCode().entrySet()) {
            assertFalse(service.getValue().isEmpty(), "no paths found for " + service.getKey());
            for (String p : service.getValue()) {
                assertEquals(service.getKey(), IngressRoutes.serviceFor(ingresses, p).orElse("nothing"),
                        overlay + ": " + p);
                checked++;
            }
        }
        // the shared prefix: the delivery summary is shipment's, everything else under an incident allocation's
        assertEquals("shipment-service",
                IngressRoutes.serviceFor(ingresses, "/api/v1/incidents/42/delivery-summary").orElseThrow());
        assertEquals("allocation-service",
                IngressRoutes.serviceFor(ingresses, "/api/v1/incidents/42/needs").orElseThrow());
        assertEquals("allocation-service", IngressRoutes.serviceFor(ingresses, "/api/v1/incidents").orElseThrow());
        // the operations console: its page, its hashed assets and its config.json, nothing else
        for (String page : List.of("/", "/assets/index-1a2b3c.js", "/config.json")) {
            assertEquals("console", IngressRoutes.serviceFor(ingresses, page).orElse("nothing"), overlay + ": " + page);
        }
        // health, metrics and OpenAPI stay inside the cluster
        for (String internal : List.of("/q/health", "/q/metrics", "/q/openapi", "/api/v2/items")) {
            assertEquals("nothing", IngressRoutes.serviceFor(ingresses, internal).orElse("nothing"),
                    overlay + ": " + internal);
        }
        System.out.printf("%s: %d public paths of the code routed to their service%n", overlay, checked);
    }

    // ---- the console's sign-in

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theConsoleSignsInWithTheIssuerTheServicesExpect(String overlay) throws IOException {
        List<HasMetadata> resources = resources(overlay);
        ConfigMap console = ManifestRules.of(resources, ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().startsWith("console-config")).findFirst().orElseThrow();
        JsonNode config = new ObjectMapper().readTree(console.getData().get("config.json"));
        String connect = console.getData().get("identity-provider.conf");
        String nginx = console.getData().get("nginx.conf");
        assertTrue(nginx.contains("connect-src 'self' $identity_provider;"),
                overlay + ": the CSP admits the identity provider");
        // nginx inherits add_header only into a block that has none of its own: one inside a location would strip
        // the CSP and the other security headers from what that location serves (the page itself, once)
        String directives = nginx.replaceAll("(?m)#.*$", "");
        for (String location : directives.split("\n\s*location ")) {
            if (!location.contains("http {")) {
                assertFalse(location.contains("add_header"),
                        overlay + ": a location sets add_header and so drops the server's headers: " + location);
            }
        }
        if (!"oidc".equals(config.path("signIn").asText())) {
            assertEquals("token", config.path("signIn").asText(), overlay + ": config.json " + config);
            assertTrue(connect.contains("set $identity_provider \"\";"), overlay + ": no provider admitted");
            return;
        }
        URI issuer = URI.create(config.path("issuer").asText());
        assertEquals("https", issuer.getScheme(), overlay + ": the issuer is reached over TLS");
        assertFalse(config.path("clientId").asText().isBlank(), overlay + ": config.json names the client id");
        assertTrue(connect.contains("set $identity_provider \"https://" + issuer.getAuthority() + "\";"),
                overlay + ": the CSP admits the issuer's origin: " + connect);
        for (Deployment d : ManifestRules.of(resources, Deployment.class)) {
            if (ManifestRules.SERVICES.containsKey(d.getMetadata().getName())) {
                Map<String, String> env = ManifestRules.environment(d.getSpec().getTemplate().getSpec().getContainers()
                        .get(0), resources, d.getMetadata().getName(), new ArrayList<>());
                assertEquals(issuer.toString(), env.get("CORRIDOR_SECURITY_ISSUER"),
                        overlay + ": " + d.getMetadata().getName() + " expects the console's issuer");
            }
        }
    }
}
