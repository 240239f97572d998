package org.corridor.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The project's rules for rendered manifests. {@link #check} returns every violation as a sentence naming the object;
 * an empty list means the overlay complies. The rules:
 * <ol>
 * <li>every container has liveness, readiness and startup probes;</li>
 * <li>every container (init containers too) requests and limits CPU and memory, requests no more than its limits;</li>
 * <li>every container runs as non-root (runAsNonRoot true, no runAsUser 0), with a read-only root filesystem, no
 * privilege escalation, all capabilities dropped and the RuntimeDefault seccomp profile;</li>
 * <li>every image names a tag other than {@code latest} (or a digest), CloudNativePG's imageName too;</li>
 * <li>every Deployment has a PodDisruptionBudget selecting its pods;</li>
 * <li>allocation-service and inventory-service have HorizontalPodAutoscalers, and every HPA targets a Deployment that
 * exists;</li>
 * <li>replicas (a Deployment's own, or its HPA's minimum) as the environment requires;</li>
 * <li>the database is what the environment requires: a CloudNativePG Cluster of at least 3 instances with a Database
 * per service, or a PostgreSQL StatefulSet;</li>
 * <li>no Secret object carries data (secret values are never committed);</li>
 * <li>a default-deny ingress NetworkPolicy exists;</li>
 * <li>every service gets its database URL, user and password, every REST client URL names a Service and port that
 * exist, every ConfigMap it reads exists;</li>
 * <li>every Ingress backend names a Service and port that exist.</li>
 * </ol>
 */
final class ManifestRules {

    /** What an environment requires beyond the common rules. */
    enum Database {
        CLOUDNATIVE_PG, STATEFULSET
    }

    record Profile(Database database, int minReplicas, Integer exactReplicas) {
        static Profile of(String overlay) {
            return switch (overlay) {
                case "dev" -> new Profile(Database.STATEFULSET, 1, 1);
                case "prod" -> new Profile(Database.CLOUDNATIVE_PG, 2, null);
                default -> throw new IllegalArgumentException(
                        "no rule profile for overlay " + overlay + ": add one to ManifestRules.Profile");
            };
        }
    }

    /** The Corridor services: name -> the other services it calls (by REST client name). */
    static final Map<String, List<String>> SERVICES = Map.of(
            "inventory-service", List.of(),
            "allocation-service", List.of("inventory", "shipment"),
            "shipment-service", List.of("inventory", "allocation"));

    static final List<String> AUTOSCALED = List.of("allocation-service", "inventory-service");

    static final int RULES = 12;

    private ManifestRules() {
    }

    static List<String> check(List<HasMetadata> resources, Profile profile) {
        List<String> v = new ArrayList<>();
        for (HasMetadata r : resources) {
            podSpec(r).ifPresent(spec -> checkPod(describe(r), spec, v));
            if (r instanceof GenericKubernetesResource g && isCnpgCluster(g)) {
                Object imageName = spec(g).get("imageName");
                if (imageName != null) {
                    checkImage(describe(r), String.valueOf(imageName), v);
                }
            }
            if (r instanceof Secret s && ((s.getData() != null && !s.getData().isEmpty())
                    || (s.getStringData() != null && !s.getStringData().isEmpty()))) {
                v.add(describe(r)
                        + " carries data: secret values are never committed, create the Secret in the cluster");
            }
        }
        List<Deployment> deployments = of(resources, Deployment.class);
        List<PodDisruptionBudget> pdbs = of(resources, PodDisruptionBudget.class);
        List<HorizontalPodAutoscaler> hpas = of(resources, HorizontalPodAutoscaler.class);
        for (Deployment d : deployments) {
            Map<String, String> podLabels = labels(d.getSpec().getTemplate());
            boolean covered = pdbs.stream().anyMatch(p -> p.getSpec().getSelector() != null
                    && Selectors.matches(p.getSpec().getSelector(), podLabels));
            if (!covered) {
                v.add(describe(d) + " has no PodDisruptionBudget selecting its pods");
            }
            Optional<HorizontalPodAutoscaler> hpa = hpas.stream().filter(h -> targets(h, d)).findFirst();
            int minReplicas = hpa.map(h -> Objects.requireNonNullElse(h.getSpec().getMinReplicas(), 1))
                    .orElse(Objects.requireNonNullElse(d.getSpec().getReplicas(), 1));
            if (minReplicas < profile.minReplicas()) {
                v.add(describe(d) + " runs " + minReplicas + " replica(s), this environment needs at least "
                        + profile.minReplicas());
            }
            if (profile.exactReplicas() != null && minReplicas != profile.exactReplicas()) {
                v.add(describe(d) + " runs " + minReplicas + " replica(s), this environment runs exactly "
                        + profile.exactReplicas());
            }
        }
        for (String name : AUTOSCALED) {
            if (hpas.stream().noneMatch(h -> "Deployment".equals(h.getSpec().getScaleTargetRef().getKind())
                    && name.equals(h.getSpec().getScaleTargetRef().getName()))) {
                v.add("no HorizontalPodAutoscaler for Deployment " + name);
            }
        }
        for (HorizontalPodAutoscaler h : hpas) {
            if (deployments.stream().noneMatch(d -> targets(h, d))) {
                v.add(describe(h) + " targets " + h.getSpec().getScaleTargetRef().getKind() + " "
                        + h.getSpec().getScaleTargetRef().getName() + ", which does not exist");
            }
        }
        checkDatabase(resources, profile, v);
        List<NetworkPolicy> policies = of(resources, NetworkPolicy.class);
        boolean defaultDeny = policies.stream().anyMatch(p -> Selectors.isEmpty(p.getSpec().getPodSelector())
                && p.getSpec().getPolicyTypes() != null && p.getSpec().getPolicyTypes().contains("Ingress")
                && (p.getSpec().getIngress() == null || p.getSpec().getIngress().isEmpty()));
        if (!defaultDeny) {
            v.add("no default-deny ingress NetworkPolicy (podSelector {}, policyTypes [Ingress], no ingress rules)");
        }
        checkWiring(resources, v);
        checkIngress(resources, v);
        return v;
    }

    // ---- pods

    static Optional<PodSpec> podSpec(HasMetadata r) {
        PodTemplateSpec t = null;
        if (r instanceof Deployment d) {
            t = d.getSpec().getTemplate();
        } else if (r instanceof StatefulSet s) {
            t = s.getSpec().getTemplate();
        } else if (r instanceof DaemonSet s) {
            t = s.getSpec().getTemplate();
        } else if (r instanceof Job j) {
            t = j.getSpec().getTemplate();
        } else if (r instanceof CronJob c) {
            t = c.getSpec().getJobTemplate().getSpec().getTemplate();
        } else if (r instanceof Pod p) {
            return Optional.ofNullable(p.getSpec());
        }
        return Optional.ofNullable(t).map(PodTemplateSpec::getSpec);
    }

    private static void checkPod(String owner, PodSpec spec, List<String> v) {
        PodSecurityContext pod = spec.getSecurityContext();
        List<Container> all = new ArrayList<>(spec.getContainers());
        if (spec.getInitContainers() != null) {
            all.addAll(spec.getInitContainers());
        }
        for (Container c : all) {
            boolean init = spec.getInitContainers() != null && spec.getInitContainers().contains(c);
            String where = owner + " container " + c.getName();
            if (!init) {
                if (c.getLivenessProbe() == null) {
                    v.add(where + " has no liveness probe");
                }
                if (c.getReadinessProbe() == null) {
                    v.add(where + " has no readiness probe");
                }
                if (c.getStartupProbe() == null) {
                    v.add(where + " has no startup probe");
                }
            }
            checkResources(where, c.getResources(), v);
            SecurityContext sc = c.getSecurityContext();
            Boolean nonRoot = sc != null && sc.getRunAsNonRoot() != null
                    ? sc.getRunAsNonRoot()
                    : pod == null ? null : pod.getRunAsNonRoot();
            if (!Boolean.TRUE.equals(nonRoot)) {
                v.add(where + " does not set runAsNonRoot: true");
            }
            Long user = sc != null && sc.getRunAsUser() != null
                    ? sc.getRunAsUser()
                    : pod == null ? null : pod.getRunAsUser();
            if (user != null && user == 0L) {
                v.add(where + " runs as user 0");
            }
            if (sc == null || !Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
                v.add(where + " does not set readOnlyRootFilesystem: true");
            }
            if (sc == null || !Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
                v.add(where + " does not set allowPrivilegeEscalation: false");
            }
            if (sc == null || sc.getCapabilities() == null || sc.getCapabilities().getDrop() == null
                    || !sc.getCapabilities().getDrop().contains("ALL")) {
                v.add(where + " does not drop ALL capabilities");
            }
            String seccomp = sc != null && sc.getSeccompProfile() != null
                    ? sc.getSeccompProfile().getType()
                    : pod != null && pod.getSeccompProfile() != null ? pod.getSeccompProfile().getType() : null;
            if (!"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp)) {
                v.add(where + " has no RuntimeDefault seccomp profile");
            }
            checkImage(where, c.getImage(), v);
        }
    }

    private static void checkResources(String where, ResourceRequirements r, List<String> v) {
        Map<String, Quantity> requests = r == null || r.getRequests() == null ? Map.of() : r.getRequests();
        Map<String, Quantity> limits = r == null || r.getLimits() == null ? Map.of() : r.getLimits();
        for (String resource : List.of("cpu", "memory")) {
            Quantity request = requests.get(resource);
            Quantity limit = limits.get(resource);
            if (request == null) {
                v.add(where + " has no " + resource + " request");
            }
            if (limit == null) {
                v.add(where + " has no " + resource + " limit");
            }
            if (request != null && limit != null
                    && request.getNumericalAmount().compareTo(limit.getNumericalAmount()) > 0) {
                v.add(where + " requests more " + resource + " (" + request + ") than its limit (" + limit + ")");
            }
        }
    }

    static void checkImage(String where, String image, List<String> v) {
        if (image == null || image.isBlank()) {
            v.add(where + " has no image");
            return;
        }
        if (image.contains("@sha256:")) {
            return;
        }
        String last = image.substring(image.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        if (colon < 0) {
            v.add(where + " image " + image + " has no tag");
        } else if (last.substring(colon + 1).equals("latest")) {
            v.add(where + " image " + image + " uses the tag latest");
        }
    }

    // ---- database

    private static void checkDatabase(List<HasMetadata> resources, Profile profile, List<String> v) {
        if (profile.database() == Database.CLOUDNATIVE_PG) {
            List<GenericKubernetesResource> clusters = resources.stream()
                    .filter(r -> r instanceof GenericKubernetesResource g && isCnpgCluster(g))
                    .map(GenericKubernetesResource.class::cast).toList();
            if (clusters.isEmpty()) {
                v.add("no CloudNativePG Cluster (postgresql.cnpg.io/v1)");
            }
            for (GenericKubernetesResource c : clusters) {
                Object instances = spec(c).get("instances");
                if (!(instances instanceof Number n) || n.intValue() < 3) {
                    v.add(describe(c) + " has " + instances + " instance(s); high availability needs at least 3");
                }
            }
            for (String db : List.of("inventory", "allocation", "shipment")) {
                boolean declared = resources.stream().anyMatch(r -> r instanceof GenericKubernetesResource g
                        && "postgresql.cnpg.io/v1".equals(g.getApiVersion()) && "Database".equals(g.getKind())
                        && db.equals(spec(g).get("name")));
                if (!declared) {
                    v.add("no CloudNativePG Database for " + db);
                }
            }
        } else {
            boolean statefulPostgres = of(resources, StatefulSet.class).stream()
                    .anyMatch(s -> s.getSpec().getTemplate().getSpec().getContainers().stream()
                            .anyMatch(c -> c.getImage() != null && c.getImage().contains("postgres")));
            if (!statefulPostgres) {
                v.add("no PostgreSQL StatefulSet");
            }
        }
    }

    static boolean isCnpgCluster(GenericKubernetesResource g) {
        return "postgresql.cnpg.io/v1".equals(g.getApiVersion()) && "Cluster".equals(g.getKind());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> spec(GenericKubernetesResource g) {
        Object spec = g.getAdditionalProperties().get("spec");
        return spec instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    // ---- wiring

    /**
     * The environment a container sees: its env values plus the data of the ConfigMaps it reads (null for secret refs).
     */
    static Map<String, String> environment(Container c, List<HasMetadata> resources, String owner, List<String> v) {
        Map<String, String> env = new LinkedHashMap<>();
        if (c.getEnvFrom() != null) {
            for (EnvFromSource from : c.getEnvFrom()) {
                if (from.getConfigMapRef() != null) {
                    String name = from.getConfigMapRef().getName();
                    Optional<ConfigMap> cm = of(resources, ConfigMap.class).stream()
                            .filter(m -> m.getMetadata().getName().equals(name)).findFirst();
                    if (cm.isEmpty()) {
                        v.add(owner + " reads ConfigMap " + name + ", which does not exist");
                    } else if (cm.get().getData() != null) {
                        env.putAll(cm.get().getData());
                    }
                }
            }
        }
        if (c.getEnv() != null) {
            for (EnvVar e : c.getEnv()) {
                env.put(e.getName(), e.getValue());
            }
        }
        return env;
    }

    private static void checkWiring(List<HasMetadata> resources, List<String> v) {
        List<Service> services = of(resources, Service.class);
        for (Map.Entry<String, List<String>> s : SERVICES.entrySet()) {
            Optional<Deployment> d = of(resources, Deployment.class).stream()
                    .filter(x -> x.getMetadata().getName().equals(s.getKey())).findFirst();
            if (d.isEmpty()) {
                v.add("no Deployment " + s.getKey());
                continue;
            }
            Container c = d.get().getSpec().getTemplate().getSpec().getContainers().get(0);
            Map<String, String> env = environment(c, resources, describe(d.get()), v);
            String prefix = s.getKey().substring(0, s.getKey().indexOf('-')).toUpperCase();
            for (String suffix : List.of("_DB_URL", "_DB_USER", "_DB_PASSWORD")) {
                if (!env.containsKey(prefix + suffix)) {
                    v.add(describe(d.get()) + " gets no " + prefix + suffix);
                }
            }
            for (String callee : s.getValue()) {
                String key = "QUARKUS_REST_CLIENT_" + callee.toUpperCase() + "_URL";
                String url = env.get(key);
                if (url == null) {
                    v.add(describe(d.get()) + " gets no " + key);
                    continue;
                }
                URI uri = URI.create(url);
                int port = uri.getPort() < 0 ? 80 : uri.getPort();
                boolean exists = services.stream().anyMatch(svc -> svc.getMetadata().getName().equals(uri.getHost())
                        && svc.getSpec().getPorts().stream().anyMatch(p -> p.getPort() == port));
                if (!exists) {
                    v.add(describe(d.get()) + " calls " + url + " (" + key + "), but no Service " + uri.getHost()
                            + " has port " + port);
                }
            }
        }
    }

    private static void checkIngress(List<HasMetadata> resources, List<String> v) {
        List<Service> services = of(resources, Service.class);
        for (var ingress : of(resources, io.fabric8.kubernetes.api.model.networking.v1.Ingress.class)) {
            for (var rule : ingress.getSpec().getRules()) {
                for (var path : rule.getHttp().getPaths()) {
                    var backend = path.getBackend().getService();
                    Optional<Service> svc = services.stream()
                            .filter(s -> s.getMetadata().getName().equals(backend.getName())).findFirst();
                    boolean portExists = svc.isPresent() && svc.get().getSpec().getPorts().stream()
                            .anyMatch(p -> backend.getPort().getName() != null
                                    ? backend.getPort().getName().equals(p.getName())
                                    : Objects.equals(backend.getPort().getNumber(), p.getPort()));
                    if (!portExists) {
                        v.add(describe(ingress) + " routes " + path.getPath() + " to Service " + backend.getName()
                                + " port "
                                + (backend.getPort().getName() != null
                                        ? backend.getPort().getName()
                                        : backend.getPort().getNumber())
                                + ", which does not exist");
                    }
                }
            }
        }
    }

    // ---- helpers

    static boolean targets(HorizontalPodAutoscaler h, Deployment d) {
        var ref = h.getSpec().getScaleTargetRef();
        return "Deployment".equals(ref.getKind()) && d.getMetadata().getName().equals(ref.getName());
    }

    static Map<String, String> labels(PodTemplateSpec t) {
        return t.getMetadata() == null || t.getMetadata().getLabels() == null ? Map.of() : t.getMetadata().getLabels();
    }

    static <T> List<T> of(List<HasMetadata> resources, Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    static String describe(HasMetadata r) {
        return r.getKind() + " " + r.getMetadata().getName();
    }
}
