package org.corridor.k8s;

import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which Service ingress-nginx sends a request path to. With {@code use-regex} every path of the host becomes a
 * case-insensitive regular expression anchored at the start of the URI, and longer paths are tried first; Exact paths
 * must match whole.
 */
final class IngressRoutes {

    private IngressRoutes() {
    }

    static Optional<String> serviceFor(List<Ingress> ingresses, String requestPath) {
        return ingresses.stream()
                .flatMap(i -> i.getSpec().getRules().stream())
                .flatMap(r -> r.getHttp().getPaths().stream())
                .filter(p -> matches(p, requestPath))
                .max(Comparator.comparingInt(p -> p.getPath().length()))
                .map(p -> p.getBackend().getService().getName());
    }

    private static boolean matches(HTTPIngressPath p, String requestPath) {
        return switch (p.getPathType()) {
            case "Exact" -> p.getPath().equals(requestPath);
            case "Prefix" -> requestPath.equals(p.getPath())
                    || requestPath.startsWith(p.getPath().endsWith("/") ? p.getPath() : p.getPath() + "/");
            default -> Pattern.compile("^" + p.getPath(), Pattern.CASE_INSENSITIVE).matcher(requestPath).lookingAt();
        };
    }
}
