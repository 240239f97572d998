package org.corridor.shipment.client;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** allocation-service's needs of an incident: a page of {id, siteId, itemCode, quantity, priority, deliverBy}. */
@RegisterRestClient(configKey = "allocation")
@Path("/api/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
public interface AllocationClient {

    @GET
    @Path("{id}/needs")
    JsonNode needs(@PathParam("id") UUID incidentId, @QueryParam("page") int page, @QueryParam("size") int size);
}
