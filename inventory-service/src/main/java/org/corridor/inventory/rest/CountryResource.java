package org.corridor.inventory.rest;

import io.quarkus.panache.common.Sort;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.corridor.common.paging.PageParams;
import org.corridor.common.paging.PageResponse;
import org.corridor.common.problem.ProblemException;
import org.corridor.inventory.domain.Country;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/countries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Countries", description = "ISO 3166-1 reference list")
public class CountryResource {

    @Schema(name = "Country", description = "A country with its centroid")
    public record CountryDto(
            @Schema(description = "ISO 3166-1 alpha-3 code", example = "TUR") String code,
            @Schema(description = "Name", example = "Türkiye") String name,
            @Schema(description = "Region", example = "Asia") String region,
            @Schema(description = "Centroid latitude", example = "38.96") double latitude,
            @Schema(description = "Centroid longitude", example = "35.24") double longitude) {
        static CountryDto of(Country c) {
            return new CountryDto(c.code, c.name, c.region, c.latitude, c.longitude);
        }
    }

    @GET
    @Operation(operationId = "listCountries", summary = "List countries", description = "The ISO 3166-1 countries with region and centroid, ordered by code.")
    public PageResponse<CountryDto> list(@BeanParam @Valid PageParams page) {
        return PageResponse.of(Country.findAll(Sort.by("code")), page, CountryDto::of);
    }

    @GET
    @Path("{iso3}")
    @Operation(operationId = "getCountry", summary = "Get one country", description = "One country by its ISO 3166-1 alpha-3 code (case-insensitive).")
    public CountryDto get(@PathParam("iso3") String iso3) {
        Country c = Country.findById(iso3.toUpperCase());
        if (c == null) {
            throw ProblemException.notFound("Country", iso3);
        }
        return CountryDto.of(c);
    }
}
