package org.corridor.shipment.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.corridor.common.csv.HxlCsv;
import org.corridor.common.etag.ChangeMarkers;
import org.corridor.common.security.Roles;
import org.corridor.shipment.rest.dto.DeliverySummaryDto;
import org.corridor.shipment.service.DeliverySummaryService;
import org.corridor.shipment.service.RequestedNeeds;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/incidents")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Delivery summaries",
        description = "What each site of an incident asked for, and what was shipped and delivered")
public class DeliverySummaryResource {

    private final DeliverySummaryService summaries;
    private final ChangeMarkers markers;

    public DeliverySummaryResource(DeliverySummaryService summaries, ChangeMarkers markers) {
        this.summaries = summaries;
        this.markers = markers;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, HxlCsv.MEDIA_TYPE})
    @RolesAllowed({Roles.LOGISTICS_OFFICER, Roles.DASHBOARD, Roles.ADMIN, Roles.SERVICE})
    @Path("{id}/delivery-summary")
    @Operation(operationId = "getDeliverySummary", summary = "Delivery summary of an incident",
            description = "Per site and item: requested (allocation-service's needs), allocated, dispatched, in "
                    + "transit, delivered, rejected, lost and recalled. The requested quantities are a copy of "
                    + "allocation-service's needs refreshed in the background every few seconds, so a summary does not "
                    + "wait for allocation-service. If allocation-service cannot be reached, the last copy is given "
                    + "with requestedAsOf and a warning; if it was never read, requested is null, requestedAvailable "
                    + "false and a warning says why. The shipment numbers are always given. Answers If-None-Match "
                    + "with 304 after reading one row. With format=csv (or Accept: text/csv) the rows as HXL-tagged "
                    + "CSV (requested is empty when unknown).")
    @APIResponse(responseCode = "200", description = "The summary, with an ETag",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeliverySummaryDto.class)),
                    @Content(mediaType = HxlCsv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                            description = "HXL-tagged CSV, UTF-8, RFC 4180: one row per site and item",
                            example = CsvTables.SUMMARY_EXAMPLE))})
    @APIResponse(responseCode = "304", description = "Not modified: the If-None-Match tag still matches")
    public Response summary(
            @Parameter(description = "Incident id",
                    example = "c1d2e3f4-5a6b-4c7d-8e9f-0a1b2c3d4e5f") @PathParam("id") UUID id,
            @QueryParam("format") @Parameter(description = CsvTables.FORMAT, example = "csv", schema = @Schema(
                    type = SchemaType.STRING, enumeration = {"json", "csv"})) String format,
            @Context HttpHeaders headers,
            @Context Request request) {
        boolean csv = HxlCsv.requested(format, headers);
        RequestedNeeds.Requested requested = summaries.requested(id);
        // the answer depends on this incident's shipments (the shipments marker), on the copy of its needs and on the
        // representation: a 304 reads the marker row and nothing else
        List<Object> variant = List.of("delivery-summary", id, requested.fingerprint(), csv ? "csv" : "json");
        return markers.conditional(request, ShipmentResource.SHIPMENTS_MARKER, variant, () -> {
            DeliverySummaryService.Summary summary = summaries.summarise(id, requested);
            return csv
                    ? HxlCsv.stream("delivery-summary-" + id + ".csv", CsvTables.DELIVERY_SUMMARY,
                            sink -> summary.rows().forEach(r -> sink.accept(new CsvTables.SummaryRow(id, r))))
                    : Response.ok(DeliverySummaryDto.from(summary), MediaType.APPLICATION_JSON).build();
        });
    }
}
