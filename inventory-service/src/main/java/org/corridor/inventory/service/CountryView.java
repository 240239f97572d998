package org.corridor.inventory.service;

import org.corridor.inventory.domain.Country;

/** An ISO 3166-1 country with its UN M49 region and centroid. */
public record CountryView(String code, String name, String region, double latitude, double longitude) {

    static CountryView of(Country c) {
        return new CountryView(c.code, c.name, c.region, c.latitude, c.longitude);
    }
}
