package org.corridor.shipment.rest;

import java.util.List;
import java.util.UUID;
import org.corridor.common.csv.HxlColumn;
import org.corridor.shipment.service.DeliverySummaryService;
import org.corridor.shipment.service.ShipmentView;

/**
 * The columns of shipment-service's CSV exports, each with its HXL hashtag (HXL 1.1 dictionary tags refined with
 * attributes; every one is explained in docs/api.md, "Data exchange"). Quantities are units of items, never people, so
 * they are {@code #indicator +num} with an attribute naming the quantity rather than {@code #inneed} or
 * {@code #reached}.
 */
final class CsvTables {

    /** One CSV row of GET /shipments: a shipment line with the fields of its shipment. */
    record ShipmentLineRow(ShipmentView shipment, ShipmentView.Line line) {
    }

    /** One CSV row of the delivery summary: a (site, item) row with its incident. */
    record SummaryRow(UUID incidentId, DeliverySummaryService.Row row) {
    }

    static final String SHIPMENTS_EXAMPLE = "shipmentId,planId,incidentId,originDepotId,originCountryCode,siteId,"
            + "siteName,destinationCountryCode,mode,status,plannedDeparture,estimatedArrival,dispatchedAt,receivedAt,"
            + "itemCode,lotId,quantity,weightKg,accepted,rejected,rejectionReason,updatedAt\r\n"
            + "#meta +id,#activity +id,#crisis +id,#loc +id +origin,#country +code +origin,#loc +id +dest,"
            + "#loc +name +dest,#country +code +dest,#meta +transport_mode,#status,#date +departure +planned,"
            + "#date +arrival +planned,#date +dispatched,#date +received,#item +code,#item +lot +id,"
            + "#indicator +num +shipped,#indicator +num +weight_kg,#indicator +num +accepted,"
            + "#indicator +num +rejected,#description +rejection,#date +updated\r\n"
            + "3b2a1f0e-9d8c-4b7a-6f5e-4d3c2b1a0f9e,6f1c2a1e-4b7d-4f4e-9a7b-1d2c3e4f5a6b,"
            + "c1d2e3f4-5a6b-4c7d-8e9f-0a1b2c3d4e5f,0b7e4c1a-9f2d-4a36-8e5b-2d1c7f9a4e60,ITA,"
            + "a3d4e5f6-1b2c-4d3e-8f9a-0b1c2d3e4f5a,Antakya,TUR,ROAD,DELIVERED,2026-11-23T06:00:00Z,"
            + "2026-11-25T18:00:00Z,2026-11-23T06:10:00Z,2026-11-25T17:40:00Z,SHL-TENT-FAMILY,"
            + "c3e8a1f0-5b7d-4c29-9e14-7a6b2d0f8c35,200,9000.0,195,5,torn,2026-11-25T17:40:00Z\r\n";
    static final String SUMMARY_EXAMPLE = "incidentId,siteId,siteName,itemCode,requested,allocated,dispatched,"
            + "inTransit,delivered,rejected,lost,recalled\r\n"
            + "#crisis +id,#loc +id,#loc +name,#item +code,#indicator +num +requested,#indicator +num +allocated,"
            + "#indicator +num +dispatched,#indicator +num +in_transit,#indicator +num +delivered,"
            + "#indicator +num +rejected,#indicator +num +lost,#indicator +num +recalled\r\n"
            + "c1d2e3f4-5a6b-4c7d-8e9f-0a1b2c3d4e5f,a3d4e5f6-1b2c-4d3e-8f9a-0b1c2d3e4f5a,Antakya,SHL-TENT-FAMILY,"
            + "500,400,400,200,195,5,0,0\r\n";

    static final List<HxlColumn<ShipmentLineRow>> SHIPMENTS = List.of(
            HxlColumn.of("shipmentId", "#meta +id", r -> r.shipment().id()),
            HxlColumn.of("planId", "#activity +id", r -> r.shipment().planId()),
            HxlColumn.of("incidentId", "#crisis +id", r -> r.shipment().incidentId()),
            HxlColumn.of("originDepotId", "#loc +id +origin", r -> r.shipment().originDepotId()),
            HxlColumn.of("originCountryCode", "#country +code +origin", r -> r.shipment().originCountryCode()),
            HxlColumn.of("siteId", "#loc +id +dest", r -> r.shipment().siteId()),
            HxlColumn.of("siteName", "#loc +name +dest", r -> r.shipment().siteName()),
            HxlColumn.of("destinationCountryCode", "#country +code +dest",
                    r -> r.shipment().destinationCountryCode()),
            HxlColumn.of("mode", "#meta +transport_mode", r -> r.shipment().mode()),
            HxlColumn.of("status", "#status", r -> r.shipment().status()),
            HxlColumn.of("plannedDeparture", "#date +departure +planned", r -> r.shipment().plannedDeparture()),
            HxlColumn.of("estimatedArrival", "#date +arrival +planned", r -> r.shipment().estimatedArrival()),
            HxlColumn.of("dispatchedAt", "#date +dispatched", r -> r.shipment().dispatchedAt()),
            HxlColumn.of("receivedAt", "#date +received", r -> r.shipment().receivedAt()),
            HxlColumn.of("itemCode", "#item +code", r -> r.line() == null ? null : r.line().itemCode()),
            HxlColumn.of("lotId", "#item +lot +id", r -> r.line() == null ? null : r.line().lotId()),
            HxlColumn.of("quantity", "#indicator +num +shipped", r -> r.line() == null ? null : r.line().quantity()),
            HxlColumn.of("weightKg", "#indicator +num +weight_kg",
                    r -> r.line() == null ? null : r.line().weightKg()),
            HxlColumn.of("accepted", "#indicator +num +accepted", r -> r.line() == null ? null : r.line().accepted()),
            HxlColumn.of("rejected", "#indicator +num +rejected", r -> r.line() == null ? null : r.line().rejected()),
            HxlColumn.of("rejectionReason", "#description +rejection",
                    r -> r.line() == null ? null : r.line().rejectionReason()),
            HxlColumn.of("updatedAt", "#date +updated", r -> r.shipment().updatedAt()));

    static final List<HxlColumn<SummaryRow>> DELIVERY_SUMMARY = List.of(
            HxlColumn.of("incidentId", "#crisis +id", SummaryRow::incidentId),
            HxlColumn.of("siteId", "#loc +id", r -> r.row().siteId()),
            HxlColumn.of("siteName", "#loc +name", r -> r.row().siteName()),
            HxlColumn.of("itemCode", "#item +code", r -> r.row().itemCode()),
            HxlColumn.of("requested", "#indicator +num +requested", r -> r.row().requested()),
            HxlColumn.of("allocated", "#indicator +num +allocated", r -> r.row().allocated()),
            HxlColumn.of("dispatched", "#indicator +num +dispatched", r -> r.row().dispatched()),
            HxlColumn.of("inTransit", "#indicator +num +in_transit", r -> r.row().inTransit()),
            HxlColumn.of("delivered", "#indicator +num +delivered", r -> r.row().delivered()),
            HxlColumn.of("rejected", "#indicator +num +rejected", r -> r.row().rejected()),
            HxlColumn.of("lost", "#indicator +num +lost", r -> r.row().lost()),
            HxlColumn.of("recalled", "#indicator +num +recalled", r -> r.row().recalled()));

    /** The description of the {@code format} parameter of every list that also answers CSV. */
    static final String FORMAT = "json (default) or csv: HXL-tagged CSV for spreadsheets and HDX, as with "
            + "Accept: text/csv";

    private CsvTables() {
    }
}
