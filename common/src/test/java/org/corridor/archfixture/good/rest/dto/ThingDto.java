package org.corridor.archfixture.good.rest.dto;

import org.corridor.archfixture.good.domain.Thing;

/** Fixture: a response record. */
public record ThingDto(String name) {
    public static ThingDto from(Thing t) {
        return new ThingDto(t.name);
    }
}
