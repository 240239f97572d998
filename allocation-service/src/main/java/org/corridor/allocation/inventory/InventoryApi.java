package org.corridor.allocation.inventory;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** inventory-service's API as allocation reads it (base URL {@code quarkus.rest-client.inventory.url}). */
@RegisterRestClient(configKey = "inventory")
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface InventoryApi {

    @GET
    @Path("/countries/{iso3}")
    Country country(@PathParam("iso3") String iso3);

    @GET
    @Path("/items/{code}")
    Item item(@PathParam("code") String code);

    @GET
    @Path("/items")
    Page<Item> items(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/stock")
    Page<StockLot> stock(@QueryParam("availableOnly") boolean availableOnly, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @GET
    @Path("/teams")
    Page<Team> teams(@QueryParam("status") String status, @QueryParam("page") int page, @QueryParam("size") int size);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Page<T>(List<T> items, int page, int size, long total) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Country(String code, String name, String region, double latitude, double longitude) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Item(String code, String name, String category, String unit, double unitWeightKg, double unitVolumeM3,
            Integer shelfLifeDays) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Earmark(List<String> countryCodes, List<String> incidentTypes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StockLot(UUID lotId, UUID depotId, String depotCode, String depotName, String countryCode, double latitude,
            double longitude, String itemCode, String lotCode, LocalDate expiresOn, UUID donorOrganisationId,
            String donorName, Earmark earmark, int onHand, int reserved, int available) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Team(UUID id, String name, String countryCode, UUID organisationId, String type, int members,
            double baseLatitude, double baseLongitude, int mobilisationHours, Integer selfSufficiencyDays,
            String status, String assignmentReference) {
    }
}
