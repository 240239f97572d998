package org.corridor.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Rendered YAML as fabric8 model objects, and the fields those models did not know. */
final class Manifests {

    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Manifests() {
    }

    /**
     * Every document of a multi-document YAML as a typed fabric8 object; kinds fabric8 has no class for (the
     * CloudNativePG ones) become {@link GenericKubernetesResource}.
     */
    static List<HasMetadata> parse(String yaml) {
        List<HasMetadata> out = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = new YAMLMapper().readerFor(JsonNode.class).readValues(yaml)) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc == null || doc.isNull() || doc.isMissingNode() || doc.isEmpty()) {
                    continue;
                }
                out.add(SERIALIZATION.convertValue(doc, KubernetesResource.class) instanceof HasMetadata h
                        ? h
                        : SERIALIZATION.convertValue(doc, GenericKubernetesResource.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** A Kubernetes kind fabric8 knows a model class for (not a CRD, not a typo). */
    static boolean isBuiltIn(HasMetadata r) {
        return !(r instanceof GenericKubernetesResource);
    }

    /**
     * Fields the model did not know, as paths (e.g. {@code spec.template.spec.containers.readinessProbes}): the
     * Kubernetes API server would drop or reject them, and the schema validator lets them pass. Only for built-in
     * kinds.
     */
    static List<String> unknownFields(HasMetadata resource) {
        List<String> out = new ArrayList<>();
        if (isBuiltIn(resource)) {
            walk(resource, resource.getKind() + " " + resource.getMetadata().getName(), out, new IdentityHashMap<>());
        }
        return out;
    }

    private static void walk(Object o, String path, List<String> out, Map<Object, Boolean> seen) {
        if (o == null || seen.put(o, Boolean.TRUE) != null) {
            return;
        }
        if (o instanceof Collection<?> c) {
            for (Object e : c) {
                walk(e, path, out, seen);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            for (Object e : m.values()) {
                walk(e, path, out, seen);
            }
            return;
        }
        if (!(o instanceof KubernetesResource)) {
            return;
        }
        for (Method m : o.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || !m.getName().startsWith("get") || m.getName().equals("getClass")) {
                continue;
            }
            Object value;
            try {
                value = m.invoke(o);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (m.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    for (Object key : extra.keySet()) {
                        out.add(path + "." + key);
                    }
                }
                continue;
            }
            if (value instanceof KubernetesResource || value instanceof Collection<?>
                    || (value instanceof Map<?, ?> && !SKIP_MAPS.contains(m.getName()))) {
                walk(value, path + "." + decapitalize(m.getName().substring(3)), out, seen);
            }
        }
    }

    /** Free-form maps (labels, ConfigMap data, ...) hold no model objects. */
    private static final Set<String> SKIP_MAPS = Set.of("getLabels", "getAnnotations", "getData", "getBinaryData",
            "getStringData", "getMatchLabels", "getNodeSelector");

    private static String decapitalize(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
