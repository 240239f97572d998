package org.corridor.inventory.rest;

import java.util.List;
import org.corridor.common.csv.HxlColumn;
import org.corridor.inventory.service.StockLotView;
import org.corridor.inventory.service.StockService;
import org.corridor.inventory.service.TeamView;

/**
 * The columns of inventory's CSV exports, each with its HXL hashtag. Headers are the JSON field names, so one reading
 * guide serves both representations; the hashtags are those of the HXL 1.1 dictionary, refined with attributes
 * (documented in docs/api.md, "Data exchange"). Quantities are units of the item, not people, so they are
 * {@code #indicator +num} with an attribute saying which quantity, never {@code #inneed} or {@code #reached}.
 */
final class CsvTables {

    static final String STOCK_EXAMPLE = "lotId,depotCode,depotName,countryCode,latitude,longitude,itemCode,lotCode,"
            + "expiresOn,donorOrganisationId,donorName,earmarkCountryCodes,earmarkIncidentTypes,onHand,reserved,"
            + "available,receivedAt\r\n"
            + "#meta +id,#loc +code,#loc +name,#country +code,#geo +lat,#geo +lon,#item +code,#item +lot,"
            + "#date +expiry,#org +funder +id,#org +funder +name,#country +code +earmark,#crisis +type +earmark,"
            + "#indicator +num +onhand,#indicator +num +reserved,#indicator +num +available,#date +received\r\n"
            + Examples.LOT_ID + ",UNHRD-BRI,UNHRD Brindisi,ITA,40.6327,17.9418,SHL-TENT-FAMILY,TENT-2026-0412,"
            + "2028-06-30," + Examples.ORGANISATION_ID + ",ECHO,TUR,EARTHQUAKE,400,120,280," + Examples.INSTANT
            + "\r\n";
    static final String SUMMARY_EXAMPLE = "key,label,lots,onHand,reserved,available\r\n"
            + "#item +code,#item +name,#indicator +num +lots,#indicator +num +onhand,#indicator +num +reserved,"
            + "#indicator +num +available\r\n"
            + "SHL-TENT-FAMILY,Family tent (piece),12,5400,1200,4200\r\n";
    static final String TEAMS_EXAMPLE = "id,name,countryCode,organisationId,type,members,baseLatitude,"
            + "baseLongitude,mobilisationHours,selfSufficiencyDays,status,assignmentReference,assignedAt,createdAt\r\n"
            + "#group +id,#group +name,#country +code,#org +id,#group +type,#capacity +num +members,#geo +lat +base,"
            + "#geo +lon +base,#indicator +num +mobilisation_hours,#indicator +num +self_sufficiency_days,#status,"
            + "#activity +code,#date +assigned,#date +created\r\n"
            + Examples.TEAM_ID + ",ITA USAR Heavy 1,ITA," + Examples.ORGANISATION_ID
            + ",USAR_HEAVY,62,41.8,12.25,12,10,AVAILABLE,,," + Examples.INSTANT + "\r\n";

    static final List<HxlColumn<StockLotView>> STOCK = List.of(
            HxlColumn.of("lotId", "#meta +id", StockLotView::lotId),
            HxlColumn.of("depotCode", "#loc +code", StockLotView::depotCode),
            HxlColumn.of("depotName", "#loc +name", StockLotView::depotName),
            HxlColumn.of("countryCode", "#country +code", StockLotView::countryCode),
            HxlColumn.of("latitude", "#geo +lat", StockLotView::latitude),
            HxlColumn.of("longitude", "#geo +lon", StockLotView::longitude),
            HxlColumn.of("itemCode", "#item +code", StockLotView::itemCode),
            HxlColumn.of("lotCode", "#item +lot", StockLotView::lotCode),
            HxlColumn.of("expiresOn", "#date +expiry", StockLotView::expiresOn),
            HxlColumn.of("donorOrganisationId", "#org +funder +id", StockLotView::donorOrganisationId),
            HxlColumn.of("donorName", "#org +funder +name", StockLotView::donorName),
            HxlColumn.of("earmarkCountryCodes", "#country +code +earmark",
                    l -> l.earmark() == null ? null : l.earmark().countryCodes()),
            HxlColumn.of("earmarkIncidentTypes", "#crisis +type +earmark",
                    l -> l.earmark() == null ? null : l.earmark().incidentTypes()),
            HxlColumn.of("onHand", "#indicator +num +onhand", StockLotView::onHand),
            HxlColumn.of("reserved", "#indicator +num +reserved", StockLotView::reserved),
            HxlColumn.of("available", "#indicator +num +available", StockLotView::available),
            HxlColumn.of("receivedAt", "#date +received", StockLotView::receivedAt));

    static final List<HxlColumn<TeamView>> TEAMS = List.of(
            HxlColumn.of("id", "#group +id", TeamView::id),
            HxlColumn.of("name", "#group +name", TeamView::name),
            HxlColumn.of("countryCode", "#country +code", TeamView::countryCode),
            HxlColumn.of("organisationId", "#org +id", TeamView::organisationId),
            HxlColumn.of("type", "#group +type", TeamView::type),
            HxlColumn.of("members", "#capacity +num +members", TeamView::members),
            HxlColumn.of("baseLatitude", "#geo +lat +base", TeamView::baseLatitude),
            HxlColumn.of("baseLongitude", "#geo +lon +base", TeamView::baseLongitude),
            HxlColumn.of("mobilisationHours", "#indicator +num +mobilisation_hours", TeamView::mobilisationHours),
            HxlColumn.of("selfSufficiencyDays", "#indicator +num +self_sufficiency_days",
                    TeamView::selfSufficiencyDays),
            HxlColumn.of("status", "#status", TeamView::status),
            HxlColumn.of("assignmentReference", "#activity +code", TeamView::assignmentReference),
            HxlColumn.of("assignedAt", "#date +assigned", TeamView::assignedAt),
            HxlColumn.of("createdAt", "#date +created", TeamView::createdAt));

    private CsvTables() {
    }

    /** The summary's columns: the key and label are tagged after what the groups are. */
    static List<HxlColumn<StockService.SummaryRow>> summary(String groupBy) {
        String key;
        String label;
        switch (groupBy) {
            case "item" -> {
                key = "#item +code";
                label = "#item +name";
            }
            case "depot" -> {
                key = "#loc +id";
                label = "#loc +name";
            }
            default -> {
                key = "#country +code";
                label = "#country +name";
            }
        }
        return List.of(
                HxlColumn.of("key", key, StockService.SummaryRow::key),
                HxlColumn.of("label", label, StockService.SummaryRow::label),
                HxlColumn.of("lots", "#indicator +num +lots", StockService.SummaryRow::lots),
                HxlColumn.of("onHand", "#indicator +num +onhand", StockService.SummaryRow::onHand),
                HxlColumn.of("reserved", "#indicator +num +reserved", StockService.SummaryRow::reserved),
                HxlColumn.of("available", "#indicator +num +available", r -> r.onHand() - r.reserved()));
    }
}
