package org.corridor.allocation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.corridor.allocation.rest.dto.ConstraintDto;
import org.corridor.allocation.service.ConstraintCatalogue;
import org.corridor.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/constraints")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans", description = "The OptaPlanner allocation of materials and teams to the needs of incidents")
public class ConstraintResource {

    private final ConstraintCatalogue constraints;

    public ConstraintResource(ConstraintCatalogue constraints) {
        this.constraints = constraints;
    }

    @GET
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "listConstraints", summary = "List the solver's constraints",
            description = "Every constraint with its level, the weight in force by default, and what it penalises; "
                    + "the names are the keys of a plan request's weights.")
    @APIResponse(responseCode = "200", description = "The constraints, in the order of the constraint provider")
    public List<ConstraintDto> list() {
        return constraints.list().stream().map(ConstraintDto::from).toList();
    }
}
