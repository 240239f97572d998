package org.corridor.allocation.rest;

import java.util.List;
import org.corridor.allocation.service.exchange.NeedRow;
import org.corridor.allocation.service.exchange.WhoWhatWhereRow;
import org.corridor.common.csv.HxlColumn;

/**
 * The columns of allocation-service's CSV exports, each with its HXL hashtag (HXL 1.1 dictionary tags refined with
 * attributes; docs/api.md, "Data exchange", lists them). As in the other services' exports, quantities are units of
 * items, never people: they are {@code #indicator +num} with an attribute naming the counter, not {@code #inneed} or
 * {@code #reached} (people) nor {@code #value} (money).
 */
final class CsvTables {

    static final String NEEDS_EXAMPLE = "needId,incidentId,siteId,siteName,countryCode,latitude,longitude,itemCode,"
            + "priority,deliverBy,requested,approved,dispatched,delivered,rejected,lost,uncovered\r\n"
            + "#meta +id,#crisis +id,#loc +id,#loc +name,#country +code,#geo +lat,#geo +lon,#item +code,"
            + "#severity +priority,#date +deliver_by,#indicator +num +requested,#indicator +num +approved,"
            + "#indicator +num +dispatched,#indicator +num +delivered,#indicator +num +rejected,"
            + "#indicator +num +lost,#indicator +num +uncovered\r\n"
            + "7f3b2a10-1c2d-4e5f-8a9b-0c1d2e3f4a5b,0b6f1f8e-3c1a-4d0e-8a43-5c6c0d3c9e11,"
            + "5b0c7c1e-6a6f-4f50-9d59-1f1c4d1e2a10,Antakya,TUR,36.2,36.16,SHELTER-FAMILY-TENT,CRITICAL,"
            + "2023-02-09T00:00:00Z,500,200,100,95,5,0,105\r\n";

    static final String WHO_WHAT_WHERE_EXAMPLE = "organisationId,organisation,itemCode,siteId,siteName,countryCode,"
            + "status,quantity,delivered\r\n"
            + "#org +impl +id,#org +impl +name,#item +code,#loc +id,#loc +name,#country +code,#status,"
            + "#indicator +num +quantity,#indicator +num +delivered\r\n"
            + "2c9d4e1a-7b3f-4a5e-9c8d-1e2f3a4b5c6d,IFRC,SHELTER-FAMILY-TENT,5b0c7c1e-6a6f-4f50-9d59-1f1c4d1e2a10,"
            + "Antakya,TUR,DELIVERED,200,195\r\n";

    static final List<HxlColumn<NeedRow>> NEEDS = List.of(
            HxlColumn.of("needId", "#meta +id", r -> r.need().id()),
            HxlColumn.of("incidentId", "#crisis +id", r -> r.need().incidentId()),
            HxlColumn.of("siteId", "#loc +id", r -> r.need().siteId()),
            HxlColumn.of("siteName", "#loc +name", NeedRow::siteName),
            HxlColumn.of("countryCode", "#country +code", NeedRow::countryCode),
            HxlColumn.of("latitude", "#geo +lat", NeedRow::latitude),
            HxlColumn.of("longitude", "#geo +lon", NeedRow::longitude),
            HxlColumn.of("itemCode", "#item +code", r -> r.need().itemCode()),
            HxlColumn.of("priority", "#severity +priority", r -> r.need().priority()),
            HxlColumn.of("deliverBy", "#date +deliver_by", r -> r.need().deliverBy()),
            HxlColumn.of("requested", "#indicator +num +requested", r -> r.need().coverage().requested()),
            HxlColumn.of("approved", "#indicator +num +approved", r -> r.need().coverage().approved()),
            HxlColumn.of("dispatched", "#indicator +num +dispatched", r -> r.need().coverage().dispatched()),
            HxlColumn.of("delivered", "#indicator +num +delivered", r -> r.need().coverage().delivered()),
            HxlColumn.of("rejected", "#indicator +num +rejected", r -> r.need().coverage().rejected()),
            HxlColumn.of("lost", "#indicator +num +lost", r -> r.need().coverage().lost()),
            HxlColumn.of("uncovered", "#indicator +num +uncovered", r -> r.need().coverage().uncovered()));

    static final List<HxlColumn<WhoWhatWhereRow>> WHO_WHAT_WHERE = List.of(
            HxlColumn.of("organisationId", "#org +impl +id", WhoWhatWhereRow::organisationId),
            HxlColumn.of("organisation", "#org +impl +name", WhoWhatWhereRow::organisation),
            HxlColumn.of("itemCode", "#item +code", WhoWhatWhereRow::itemCode),
            HxlColumn.of("siteId", "#loc +id", WhoWhatWhereRow::siteId),
            HxlColumn.of("siteName", "#loc +name", WhoWhatWhereRow::siteName),
            HxlColumn.of("countryCode", "#country +code", WhoWhatWhereRow::countryCode),
            HxlColumn.of("status", "#status", WhoWhatWhereRow::status),
            HxlColumn.of("quantity", "#indicator +num +quantity", WhoWhatWhereRow::quantity),
            HxlColumn.of("delivered", "#indicator +num +delivered", WhoWhatWhereRow::delivered));

    /** The description of the {@code format} parameter of every list that also answers CSV. */
    static final String FORMAT = "json (default) or csv: HXL-tagged CSV for spreadsheets and HDX, as with "
            + "Accept: text/csv";

    private CsvTables() {
    }
}
