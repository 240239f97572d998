package org.corridor.common.persistence;

import io.quarkus.panache.common.Parameters;

/**
 * Builds a JPQL {@code where} clause from optional list filters. A filter whose value is absent (null or blank) is left
 * out; values are always bound as named parameters, never concatenated into the query.
 *
 * <pre>{@code
 * QueryFilter f = QueryFilter.create().eq("incident.id", incidentId).cond("createdAt >= ?", since);
 * Shipment.find(f.where() + " order by createdAt", f.params())
 * }</pre>
 */
public final class QueryFilter {

    private final StringBuilder where = new StringBuilder("1 = 1");
    private final Parameters params = new Parameters();
    private int n;

    private QueryFilter() {
    }

    public static QueryFilter create() {
        return new QueryFilter();
    }

    /** {@code path = value}, unless the value is absent. */
    public QueryFilter eq(String path, Object value) {
        return cond(path + " = ?", value);
    }

    /** Adds {@code condition}, whose every {@code ?} stands for {@code value}, unless the value is absent. */
    public QueryFilter cond(String condition, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return this;
        }
        String name = "p" + n++;
        where.append(" and ").append(condition.replace("?", ":" + name));
        params.and(name, value);
        return this;
    }

    /** Adds {@code condition} as it is (no parameter) when {@code applies} is true. */
    public QueryFilter when(boolean applies, String condition) {
        if (applies) {
            where.append(" and ").append(condition);
        }
        return this;
    }

    public String where() {
        return where.toString();
    }

    public Parameters params() {
        return params;
    }
}
