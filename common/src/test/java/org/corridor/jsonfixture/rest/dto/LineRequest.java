package org.corridor.jsonfixture.rest.dto;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A request body as a service's rest/dto declares it. */
public record LineRequest(String reference, int quantity, long total, List<Item> items, Instant at,
        LocalDate expiresOn) {

    /** A nested object of the request. */
    public record Item(String lotId, Integer count) {
    }
}
