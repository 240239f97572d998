package org.corridor.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks themselves: a broken manifest must fail each of them, with a message naming the flaw. */
class ManifestRulesTest {

    private static final Path BAD = ManifestTools.MODULE.resolve("src/test/resources/bad");

    private static List<HasMetadata> broken() {
        return Manifests.parse(ManifestTools.render(BAD, "bad"));
    }

    private static void assertViolation(List<String> violations, String expected) {
        assertTrue(violations.contains(expected), "expected the violation \"" + expected + "\" among " + violations);
    }

    @Test
    void theRuleCheckerCatchesEveryFlawOfABrokenManifest() {
        List<String> v = ManifestRules.check(broken(), ManifestRules.Profile.of("prod"));
        String c = "Deployment inventory-service container inventory-service";
        assertViolation(v, c + " has no liveness probe");
        assertViolation(v, c + " has no readiness probe");
        assertViolation(v, c + " has no startup probe");
        assertViolation(v, c + " has no cpu limit");
        assertViolation(v, c + " has no memory limit");
        assertViolation(v, c + " does not set runAsNonRoot: true");
        assertViolation(v, c + " does not set readOnlyRootFilesystem: true");
        assertViolation(v, c + " does not set allowPrivilegeEscalation: false");
        assertViolation(v, c + " does not drop ALL capabilities");
        assertViolation(v, c + " has no RuntimeDefault seccomp profile");
        assertViolation(v, c + " image x:latest uses the tag latest");
        assertViolation(v,
                "Deployment inventory-service container sidecar image registry.example.org/tools/sidecar has no tag");
        assertViolation(v, "Deployment inventory-service container sidecar has no memory request");
        assertViolation(v, "Deployment inventory-service has no PodDisruptionBudget selecting its pods");
        assertViolation(v, "Deployment inventory-service runs 1 replica(s), this environment needs at least 2");
        assertViolation(v, "no HorizontalPodAutoscaler for Deployment allocation-service");
        assertViolation(v, "no HorizontalPodAutoscaler for Deployment inventory-service");
        assertViolation(v, "no CloudNativePG Cluster (postgresql.cnpg.io/v1)");
        assertViolation(v, "no CloudNativePG Database for shipment");
        assertViolation(v,
                "Secret inventory-db carries data: secret values are never committed, create the Secret in the cluster");
        assertViolation(v,
                "no default-deny ingress NetworkPolicy (podSelector {}, policyTypes [Ingress], no ingress rules)");
        assertViolation(v, "Deployment inventory-service gets no INVENTORY_DB_URL");
        assertViolation(v, "no Deployment allocation-service");

        List<String> dev = ManifestRules.check(broken(), ManifestRules.Profile.of("dev"));
        assertViolation(dev, "no PostgreSQL StatefulSet");
    }

    @Test
    void aMisspelledFieldIsCaughtThoughTheSchemasLetItPass() {
        List<String> unknown = new ArrayList<>();
        broken().forEach(r -> unknown.addAll(Manifests.unknownFields(r)));
        assertEquals(List.of("Deployment inventory-service.spec.template.spec.containers.readinessProbes"), unknown);
    }

    @Test
    void theSchemaValidatorRejectsInvalidDocumentsAndUnknownKinds() throws IOException {
        Path file = ManifestTools.RENDERED.resolve("invalid.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: no-selector
                spec:
                  template:
                    spec:
                      containers:
                        - name: c
                          image: x:1
                          resources:
                            limits:
                              memory: plenty
                ---
                apiVersion: example.org/v1
                kind: Widget
                metadata:
                  name: w
                ---
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata:
                  name: pg
                spec:
                  instances: three
                """);
        ManifestTools.Validation validation = ManifestTools.validate(file);
        assertEquals(3, validation.documents());
        assertEquals(3, validation.errors().size(), validation.errors().toString());
        String all = String.join("\n", validation.errors());
        assertTrue(all.contains("Deployment no-selector") && all.contains("/spec must have required property")
                && all.contains("selector"), all);
        assertTrue(all.contains("limits/memory"), all);
        assertTrue(all.contains("unknown kind example.org/v1/Widget"), all);
        assertTrue(all.contains("Cluster pg") && all.contains("/spec/instances"), all);
    }
}
