package org.corridor.allocation.service.exchange;

import org.corridor.allocation.service.NeedView;

/**
 * One row of the needs export: the need with its coverage, and where its site is (name, country, coordinates), so that
 * a spreadsheet or a map needs no second download.
 */
public record NeedRow(NeedView need, String siteName, String countryCode, double latitude, double longitude) {
}
