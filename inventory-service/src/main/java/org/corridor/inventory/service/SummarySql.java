package org.corridor.inventory.service;

import org.corridor.common.problem.ProblemException;

/**
 * The SQL fragments of one grouping of the stock summary: the group's key, its label and the table the label comes
 * from. Kept apart from {@link StockService} so that the three groupings read side by side; every fragment is a
 * constant, never built from what a client sent.
 */
record SummarySql(String key, String label, String join, String groupBy) {

    static SummarySql of(String groupBy) {
        return switch (groupBy) {
            case "country" -> new SummarySql("d.country_code", "c.name",
                    "join country c on c.code = d.country_code", "d.country_code, c.name");
            case "item" -> new SummarySql("l.item_code", "i.name || ' (' || i.unit || ')'",
                    "join item i on i.code = l.item_code", "l.item_code, i.name, i.unit");
            case "depot" -> new SummarySql("d.id", "d.code || ' - ' || d.name", "", "d.id, d.code, d.name");
            default -> throw ProblemException.badRequest("groupBy must be one of country, item, depot");
        };
    }
}
