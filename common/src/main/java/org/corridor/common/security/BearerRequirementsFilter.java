package org.corridor.common.security;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * SmallRye OpenAPI lists an operation's {@code @RolesAllowed} roles as the "scopes" of its bearer security requirement,
 * which OpenAPI 3.0 allows only for OAuth2 and OpenID Connect schemes (Spectral: oas3-operation-security-defined). This
 * filter empties those scope lists for HTTP (bearer) and API key schemes and names the roles in the operation's
 * description instead, so the document stays valid and still says who may call what.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class BearerRequirementsFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getComponents() == null
                || openAPI.getComponents().getSecuritySchemes() == null) {
            return;
        }
        Map<String, SecurityScheme> schemes = openAPI.getComponents().getSecuritySchemes();
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation op : path.getOperations().values()) {
                if (op.getSecurity() == null) {
                    continue;
                }
                for (SecurityRequirement requirement : op.getSecurity()) {
                    if (requirement.getSchemes() == null) {
                        continue;
                    }
                    for (String name : new ArrayList<>(requirement.getSchemes().keySet())) {
                        SecurityScheme scheme = schemes.get(name);
                        List<String> roles = requirement.getScheme(name);
                        if (scheme == null || !withoutScopes(scheme) || roles == null || roles.isEmpty()) {
                            continue;
                        }
                        requirement.addScheme(name, new ArrayList<>());
                        String description = op.getDescription() == null ? "" : op.getDescription().trim();
                        if (!description.contains("Roles: ")) {
                            op.setDescription((description.isEmpty() ? "" : description + " ")
                                    + "Roles: " + String.join(", ", roles) + ".");
                        }
                    }
                }
            }
        }
    }

    private static boolean withoutScopes(SecurityScheme scheme) {
        return scheme.getType() == SecurityScheme.Type.HTTP || scheme.getType() == SecurityScheme.Type.APIKEY;
    }
}
