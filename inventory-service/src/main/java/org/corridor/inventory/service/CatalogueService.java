package org.corridor.inventory.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.corridor.common.problem.ProblemException;
import org.corridor.inventory.domain.Country;
import org.corridor.inventory.domain.Depot;
import org.corridor.inventory.domain.DepotKind;
import org.corridor.inventory.domain.Item;
import org.corridor.inventory.domain.ItemCategory;
import org.corridor.inventory.domain.Organisation;
import org.corridor.inventory.domain.OrganisationType;

/** Reference data: countries (read-only), organisations, depots and the item catalogue. */
@ApplicationScoped
public class CatalogueService {

    private final References refs;

    public CatalogueService(References refs) {
        this.refs = refs;
    }

    public PanacheQuery<Country> countries(String region) {
        if (region == null || region.isBlank()) {
            return Country.findAll(Sort.by("code"));
        }
        return Country.find("lower(region) = ?1", Sort.by("code"), region.trim().toLowerCase());
    }

    public Country country(String code) {
        Country c = Country.findById(code.toUpperCase());
        if (c == null) {
            throw ProblemException.notFound("Country", code);
        }
        return c;
    }

    @Transactional
    public Organisation createOrganisation(Organisation o) {
        refs.requireCountry(o.countryCode, "countryCode");
        o.id = UUID.randomUUID();
        o.createdAt = References.now();
        o.persist();
        return o;
    }

    public Organisation organisation(UUID id) {
        Organisation o = Organisation.findById(id);
        if (o == null) {
            throw ProblemException.notFound("Organisation", id);
        }
        return o;
    }

    public PanacheQuery<Organisation> organisations(OrganisationType type, String countryCode) {
        Filter f = new Filter().eq("type", type).eq("countryCode", countryCode);
        return Organisation.find(f.where(), Sort.by("name").and("id"), f.params());
    }

    @Transactional
    public Depot createDepot(Depot d) {
        refs.requireCountry(d.countryCode, "countryCode");
        refs.requireOrganisation(d.organisationId, "organisationId");
        if (Depot.count("code", d.code) > 0) {
            throw ProblemException.conflict("Depot code taken", "A depot with code " + d.code + " already exists");
        }
        d.id = UUID.randomUUID();
        d.createdAt = References.now();
        d.persistAndFlush();
        return d;
    }

    public Depot depot(UUID id) {
        Depot d = Depot.findById(id);
        if (d == null) {
            throw ProblemException.notFound("Depot", id);
        }
        return d;
    }

    public PanacheQuery<Depot> depots(String countryCode, DepotKind kind, UUID organisationId) {
        Filter f = new Filter().eq("countryCode", countryCode).eq("kind", kind).eq("organisationId", organisationId);
        return Depot.find(f.where(), Sort.by("code"), f.params());
    }

    @Transactional
    public Item createItem(Item i) {
        if (Item.findById(i.code) != null) {
            throw ProblemException.conflict("Item code taken", "An item with code " + i.code + " already exists");
        }
        i.persistAndFlush();
        return i;
    }

    public Item item(String code) {
        Item i = Item.findById(code);
        if (i == null) {
            throw ProblemException.notFound("Item", code);
        }
        return i;
    }

    public PanacheQuery<Item> items(ItemCategory category) {
        Filter f = new Filter().eq("category", category);
        return Item.find(f.where(), Sort.by("code"), f.params());
    }
}
