package org.corridor.allocation.service.approval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.corridor.common.client.UpstreamException;
import org.corridor.common.client.UpstreamUnavailableException;
import org.corridor.common.problem.ProblemException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Why an approval failed, in words for the problem's detail, and the problem it is answered with: 409 when inventory
 * refused (stock, team) or a service refused a request, 503 when a service was unreachable, answered 5xx or timed out.
 */
final class ApprovalFailures {

    private static final Logger LOG = Logger.getLogger(ApprovalService.class);
    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

    private ApprovalFailures() {
    }

    static String describe(Throwable e) {
        if (e instanceof StockRefused s) {
            return s.getMessage();
        }
        if (e instanceof TeamRefused t) {
            return t.getMessage();
        }
        if (e instanceof UpstreamUnavailableException u) {
            return u.service() + " is unavailable ("
                    + (u.status() == 0 ? "unreachable or timed out" : "answered " + u.status()) + ")";
        }
        if (e instanceof UpstreamException u) {
            return u.service() + " refused (" + u.status() + (u.detail() == null ? "" : ": " + u.detail()) + ")";
        }
        if (e instanceof ProblemException p) {
            return p.getMessage();
        }
        if (e instanceof TimeoutException) {
            return "a service did not answer in time";
        }
        return "an unexpected error occurred";
    }

    static ProblemException problem(RuntimeException e, String detail) {
        if (e instanceof StockRefused s) {
            return ProblemException.conflict("Stock no longer available", detail, Map.of("shortLines", s.shortLines));
        }
        if (e instanceof TeamRefused) {
            return ProblemException.conflict("Team no longer available", detail);
        }
        if (e instanceof UpstreamUnavailableException u) {
            return ProblemException.unavailable(title(u.service()) + " unavailable", detail);
        }
        if (e instanceof UpstreamException u) {
            return ProblemException.conflict("Approval refused by " + u.service(), detail);
        }
        if (e instanceof ProblemException p) {
            return new ProblemException(p.status(), p.slug(), p.title(), detail, p.extensions());
        }
        if (e instanceof TimeoutException) {
            return ProblemException.unavailable("Service unavailable", detail);
        }
        LOG.error("unexpected failure during approval", e);
        return new ProblemException(500, "internal-error", "Approval failed", detail);
    }

    /** The failure's problem (JSON) with what the undo did appended to its detail. */
    static String withUndo(String problemJson, String undone) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode p = (com.fasterxml.jackson.databind.node.ObjectNode) MAPPER
                    .readTree(problemJson);
            String detail = p.path("detail").asText("Approval failed.");
            p.put("detail", detail + (detail.endsWith(".") ? " " : ". ") + undone);
            return MAPPER.writeValueAsString(p);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("a recorded approval failure is unreadable", e);
        }
    }

    /** {@code inventory-service} → {@code Inventory service}. */
    private static String title(String service) {
        String s = service.replace("-service", "");
        return Character.toUpperCase(s.charAt(0)) + s.substring(1) + " service";
    }

    private static List<JsonNode> shortLines(UpstreamException e) {
        JsonNode p = e.problem();
        JsonNode lines = p == null ? null : p.path("extensions").path("shortLines");
        List<JsonNode> out = new ArrayList<>();
        if (lines != null && lines.isArray()) {
            lines.forEach(out::add);
        }
        return out;
    }

    /** inventory refused the reservation (409): names each short lot. */
    static final class StockRefused extends RuntimeException {
        final transient List<JsonNode> shortLines;

        StockRefused(UpstreamException cause, Map<String, String> itemOfLot) {
            this(cause, shortLines(cause), itemOfLot);
        }

        private StockRefused(UpstreamException cause, List<JsonNode> shortLines, Map<String, String> itemOfLot) {
            super(message(cause, shortLines, itemOfLot), cause);
            this.shortLines = shortLines;
        }

        private static String message(UpstreamException cause, List<JsonNode> shortLines,
                Map<String, String> itemOfLot) {
            if (shortLines.isEmpty()) {
                return "inventory-service refused the reservation: " + cause.detail() + ".";
            }
            return "inventory-service refused the reservation, stock was taken meanwhile: " + shortLines.stream()
                    .map(s -> "lot " + s.path("lotId").asText() + " ("
                            + itemOfLot.getOrDefault(s.path("lotId").asText(), "?") + ") requested "
                            + s.path("requested").asText() + ", available " + s.path("available").asText())
                    .collect(Collectors.joining("; ")) + ".";
        }
    }

    /** inventory refused a team assignment (no longer AVAILABLE, or gone). */
    static final class TeamRefused extends RuntimeException {
        TeamRefused(UUID teamId, UpstreamException cause) {
            super("inventory-service refused to assign team " + teamId
                    + (cause.detail() == null ? "" : ": " + cause.detail()) + ".", cause);
        }
    }
}
