package org.corridor.inventory.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.corridor.common.problem.ProblemException;
import org.corridor.inventory.domain.Country;
import org.corridor.inventory.domain.Item;
import org.corridor.inventory.domain.Organisation;

/** Looks up the reference data a request names; an unknown reference is a 422. */
@ApplicationScoped
public class References {

    public Country requireCountry(String code, String field) {
        Country c = code == null ? null : Country.findById(code);
        if (c == null) {
            throw ProblemException.unprocessable("Unknown country", field + " '" + code
                    + "' is not an ISO 3166-1 alpha-3 country code (see GET /api/v1/countries)");
        }
        return c;
    }

    public Organisation requireOrganisation(UUID id, String field) {
        Organisation o = id == null ? null : Organisation.findById(id);
        if (o == null) {
            throw ProblemException.unprocessable("Unknown organisation",
                    field + " " + id + " is not a registered organisation (see GET /api/v1/organisations)");
        }
        return o;
    }

    public Item requireItem(String code, String field) {
        Item i = code == null ? null : Item.findById(code);
        if (i == null) {
            throw ProblemException.unprocessable("Unknown item",
                    field + " '" + code + "' is not in the item catalogue (see GET /api/v1/items)");
        }
        return i;
    }

    /** Today in UTC: the day expiry dates are compared with. */
    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
