package org.corridor.inventory.service;

import io.quarkus.panache.common.Parameters;

/** Builds a JPQL where clause from optional filters: a filter whose value is absent is left out; values are always bound as parameters. */
final class Filter {
    private final StringBuilder where = new StringBuilder("1 = 1");
    private final Parameters params = new Parameters();
    private int n;

    Filter eq(String path, Object value) {
        return cond(path + " = ?", value);
    }

    /** Adds {@code condition}, whose {@code ?} stand for {@code value}, unless the value is absent. */
    Filter cond(String condition, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return this;
        }
        where.append(" and ").append(condition.replace("?", ":p" + n));
        params.and("p" + n, value);
        n++;
        return this;
    }

    String where() {
        return where.toString();
    }

    Parameters params() {
        return params;
    }
}
