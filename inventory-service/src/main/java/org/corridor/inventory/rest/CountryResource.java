package org.corridor.inventory.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.corridor.common.paging.PageParams;
import org.corridor.common.paging.PageResponse;
import org.corridor.common.security.Roles;
import org.corridor.inventory.rest.dto.CountryDto;
import org.corridor.inventory.service.CatalogueService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/countries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Countries", description = "ISO 3166-1 reference list")
public class CountryResource {

    private final CatalogueService catalogue;

    public CountryResource(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @RolesAllowed({Roles.DONOR, Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "listCountries", summary = "List countries",
            description = "The 249 ISO 3166-1 countries and territories with region and centroid, ordered by code, "
                    + "optionally of one region.")
    public PageResponse<CountryDto> list(
            @QueryParam("region") @Parameter(description = "Only countries of this region (case-insensitive)",
                    example = "Africa") String region,
            @BeanParam @Valid PageParams page) {
        return catalogue.countries(region, page.page, page.size).map(CountryDto::from);
    }

    @GET
    @Path("{iso3}")
    @RolesAllowed({Roles.DONOR, Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getCountry", summary = "Get one country",
            description = "One country by its ISO 3166-1 alpha-3 code (case-insensitive).")
    public CountryDto get(
            @PathParam("iso3") @Parameter(description = "ISO 3166-1 alpha-3 code", example = "TUR") String iso3) {
        return CountryDto.from(catalogue.country(iso3));
    }
}
