package org.corridor.common.csv;

import java.util.Objects;
import java.util.function.Function;

/**
 * One column of an HXL-tagged CSV export: the human header (first row), the HXL hashtag with its attributes (second
 * row, e.g. {@code #geo +lat}) and how the cell is taken from a row object. Keeping the three together means a column
 * can never lose its tag or drift out of place.
 *
 * @param header the header cell, usually the JSON field name so that a spreadsheet user recognises the API's fields
 * @param hashtag the HXL hashtag and attributes (lower case, {@code #tag +attr +attr})
 * @param value the cell value of a row; {@code null} gives an empty cell
 * @param <T> the row type
 */
public record HxlColumn<T>(String header, String hashtag, Function<T, ?> value) {

    public HxlColumn {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(hashtag, "hashtag");
        Objects.requireNonNull(value, "value");
        if (!hashtag.matches("#[a-z][a-z0-9_]*( \\+[a-z][a-z0-9_]*)*")) {
            throw new IllegalArgumentException("not an HXL hashtag with attributes: " + hashtag);
        }
    }

    public static <T> HxlColumn<T> of(String header, String hashtag, Function<T, ?> value) {
        return new HxlColumn<>(header, hashtag, value);
    }
}
