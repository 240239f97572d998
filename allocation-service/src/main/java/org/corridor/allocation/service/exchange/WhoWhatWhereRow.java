package org.corridor.allocation.service.exchange;

import java.util.UUID;

/**
 * One row of the 3W ("who does what where"): the units of one item that one organisation's stock brings to one site, in
 * one state of the lines carrying them.
 *
 * @param organisationId the donor organisation of the lots; {@code null} when inventory no longer knows the lot
 * @param organisation the donor's name, or the depot's when the lot names no donor; {@code null} when unknown
 * @param status where the units stand: APPROVED (planned, not dispatched), DISPATCHED, DELIVERED or LOST
 * @param quantity units on those lines
 * @param delivered units accepted at the site (only DELIVERED rows have any)
 */
public record WhoWhatWhereRow(UUID organisationId, String organisation, String itemCode, UUID siteId, String siteName,
        String countryCode, String status, long quantity, long delivered) {
}
