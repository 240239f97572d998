package org.corridor.allocation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.corridor.allocation.rest.dto.WhoWhatWhereDto;
import org.corridor.allocation.rest.dto.WhoWhatWherePageDto;
import org.corridor.allocation.service.exchange.WhoWhatWhere;
import org.corridor.allocation.service.exchange.WhoWhatWhereRow;
import org.corridor.common.csv.HxlCsv;
import org.corridor.common.paging.PageParams;
import org.corridor.common.paging.PageResponse;
import org.corridor.common.problem.Problem;
import org.corridor.common.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The 3W of an incident, as JSON pages for dashboards and as HXL-tagged CSV for coordination and HDX. */
@Path("/api/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Incidents", description = "Disasters, their affected sites, material needs and team needs")
public class WhoWhatWhereResource {

    private final WhoWhatWhere whoWhatWhere;

    public WhoWhatWhereResource(WhoWhatWhere whoWhatWhere) {
        this.whoWhatWhere = whoWhatWhere;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, HxlCsv.MEDIA_TYPE})
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Path("{id}/who-what-where")
    @Operation(operationId = "getWhoWhatWhere", summary = "Who does what where (3W) of an incident",
            description = "Per organisation, item, site and state, the units approved plans commit to the incident: "
                    + "the organisation is the donor of the lots the plan lines draw from (the depot's name when a lot "
                    + "names no donor), as inventory-service knows it; states are APPROVED (planned), DISPATCHED, "
                    + "DELIVERED and LOST. Ordered by organisation, site, item and state. With format=csv (or Accept: "
                    + "text/csv) every row (page and size do not apply) as HXL-tagged CSV.")
    @APIResponse(responseCode = "200", description = "One page of rows (JSON), or every row (CSV)",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WhoWhatWherePageDto.class)),
                    @Content(mediaType = HxlCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                            description = "HXL-tagged CSV, UTF-8, RFC 4180: one row per organisation, item, site "
                                    + "and state",
                            example = CsvTables.WHO_WHAT_WHERE_EXAMPLE))})
    @APIResponse(responseCode = "404", description = "Unknown incident",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "inventory-service, which knows the lots' organisations, is "
            + "unavailable",
            content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    public Response whoWhatWhere(
            @Parameter(description = "Incident id",
                    example = "0b6f1f8e-3c1a-4d0e-8a43-5c6c0d3c9e11") @PathParam("id") UUID id,
            @BeanParam @Valid PageParams page,
            @QueryParam("format") @Parameter(description = CsvTables.FORMAT, example = "csv", schema = @Schema(
                    type = SchemaType.STRING, enumeration = {"json", "csv"})) String format,
            @Context HttpHeaders headers) {
        boolean csv = HxlCsv.requested(format, headers);
        List<WhoWhatWhereRow> rows = whoWhatWhere.rows(id);
        if (csv) {
            return HxlCsv.stream("who-what-where-" + id + ".csv", CsvTables.WHO_WHAT_WHERE, sink -> rows.forEach(sink));
        }
        return HxlCsv.json(Response.ok(PageResponse.ofList(rows, page).map(WhoWhatWhereDto::from)).build());
    }
}
