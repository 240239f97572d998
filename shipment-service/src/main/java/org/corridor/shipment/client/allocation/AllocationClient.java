package org.corridor.shipment.client.allocation;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * allocation-service's needs of an incident: a page of {id, siteId, itemCode, quantity, priority, deliverBy}. (The path
 * is on the method: a class-level {@code @Path} marks a resource, which lives in rest/.)
 */
@RegisterRestClient(configKey = "allocation")
@Produces(MediaType.APPLICATION_JSON)
public interface AllocationClient {

    @GET
    @Path("/api/v1/incidents/{id}/needs")
    JsonNode needs(@PathParam("id") UUID incidentId, @QueryParam("page") int page, @QueryParam("size") int size);

    /** The same page, conditionally: 304 without a body while {@code ifNoneMatch} (may be null) still matches. */
    @GET
    @Path("/api/v1/incidents/{id}/needs")
    Response needsIfNoneMatch(@PathParam("id") UUID incidentId, @QueryParam("page") int page,
            @QueryParam("size") int size, @HeaderParam("If-None-Match") String ifNoneMatch);
}
