package org.corridor.local;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which service owns a path under {@code /api/v1}: the same table as the Kubernetes Ingress
 * ({@code k8s/base/ingress.yaml}), so that the console, served from one origin, calls the API locally exactly as it
 * does in a cluster. Kept in one place so that a test can compare it with the Ingress.
 */
public final class ApiRoutes {

    /** One rule: a path prefix (or, for the delivery summary, a pattern) and the service behind it. */
    public record Route(String path, Pattern pattern, String service) {
        boolean matches(String p) {
            if (pattern != null) {
                return pattern.matcher(p).lookingAt();
            }
            return p.equals(path) || p.startsWith(path + "/") || p.startsWith(path + "?");
        }
    }

    /** In the Ingress's order of precedence: the delivery summary pattern before the incidents prefix. */
    public static final List<Route> ROUTES = List.of(
            prefix("/api/v1/countries", "inventory"),
            prefix("/api/v1/organisations", "inventory"),
            prefix("/api/v1/depots", "inventory"),
            prefix("/api/v1/items", "inventory"),
            prefix("/api/v1/stock", "inventory"),
            prefix("/api/v1/reservations", "inventory"),
            prefix("/api/v1/receipt-imports", "inventory"),
            prefix("/api/v1/teams", "inventory"),
            new Route("/api/v1/incidents/[^/]+/delivery-summary",
                    Pattern.compile("/api/v1/incidents/[^/]+/delivery-summary(?:$|[/?])"), "shipment"),
            prefix("/api/v1/shipments", "shipment"),
            prefix("/api/v1/incidents", "allocation"),
            prefix("/api/v1/access-rules", "allocation"),
            prefix("/api/v1/route-overrides", "allocation"),
            prefix("/api/v1/transport-model", "allocation"),
            prefix("/api/v1/constraints", "allocation"),
            prefix("/api/v1/plans", "allocation"));

    private ApiRoutes() {
    }

    private static Route prefix(String path, String service) {
        return new Route(path, null, service);
    }

    /** The service that serves {@code path} (without query), or empty when no rule matches (a 404). */
    public static Optional<String> serviceFor(String path) {
        return ROUTES.stream().filter(r -> r.matches(path)).map(Route::service).findFirst();
    }
}
