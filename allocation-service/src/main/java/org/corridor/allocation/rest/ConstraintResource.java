package org.corridor.allocation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.corridor.allocation.config.SolverSettings;
import org.corridor.allocation.solver.AllocationWeights;
import org.corridor.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/constraints")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans", description = "The OptaPlanner allocation of materials and teams to the needs of incidents")
public class ConstraintResource {

    private final SolverSettings settings;

    public ConstraintResource(SolverSettings settings) {
        this.settings = settings;
    }

    @Schema(name = "Constraint", description = "A constraint of the allocation solver and its weight")
    public record ConstraintDto(
            @Schema(description = "Name, the key to use in a plan request's weights", example = "Transport cost") String name,
            @Schema(description = "Score level: HARD, MEDIUM or SOFT", example = "SOFT") String level,
            @Schema(description = "Weight used when a request gives none (configuration or built-in default)", example = "1") long weight,
            @Schema(description = "What one unit of penalty means", example = "per unit of account: whole vehicles per (depot, site, mode) x km x cost per vehicle-km") String description) {
    }

    @GET
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "listConstraints", summary = "List the solver's constraints",
            description = "Every constraint with its level, the weight in force by default, and what it penalises; the names are the keys of a plan request's weights.")
    @APIResponse(responseCode = "200", description = "The constraints, in the order of the constraint provider")
    public List<ConstraintDto> list() {
        Map<String, Long> configured = settings.weights();
        return AllocationWeights.definitions().values().stream()
                .map(d -> new ConstraintDto(d.name(), d.level().name(),
                        configured.getOrDefault(d.name(), d.defaultWeight()), d.description()))
                .toList();
    }
}
