package org.corridor.inventory.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.corridor.common.geo.WorldCountries;
import org.corridor.common.paging.PageResponse;
import org.corridor.common.persistence.QueryFilter;
import org.corridor.common.problem.ProblemException;
import org.corridor.common.time.DbClock;
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

    /** An organisation to register. */
    public record NewOrganisation(String name, OrganisationType type, String countryCode) {
    }

    /** A depot to register; its code must be unique; {@code seaport}: ships can load there. */
    public record NewDepot(String code, String name, String countryCode, double latitude, double longitude,
            UUID organisationId, DepotKind kind, boolean seaport) {

        /** A depot without a port. */
        public NewDepot(String code, String name, String countryCode, double latitude, double longitude,
                UUID organisationId, DepotKind kind) {
            this(code, name, countryCode, latitude, longitude, organisationId, kind, false);
        }
    }

    /** A catalogue item to add; its code must be unique. */
    public record NewItem(String code, String name, ItemCategory category, String unit, double unitWeightKg,
            double unitVolumeM3, Integer shelfLifeDays) {
    }

    public PageResponse<CountryView> countries(String region, int page, int size) {
        if (region == null || region.isBlank()) {
            return PageResponse.of(Country.findAll(Sort.by("code")), page, size, CountryView::of);
        }
        return PageResponse.of(Country.find("lower(region) = ?1", Sort.by("code"), region.trim().toLowerCase()), page,
                size,
                CountryView::of);
    }

    public CountryView country(String code) {
        Country c = Country.findById(code.toUpperCase());
        if (c == null) {
            throw ProblemException.notFound("Country", code);
        }
        return CountryView.of(c);
    }

    @Transactional
    public OrganisationView createOrganisation(NewOrganisation n) {
        refs.requireCountry(n.countryCode(), "countryCode");
        Organisation o = new Organisation();
        o.id = UUID.randomUUID();
        o.name = n.name();
        o.type = n.type();
        o.countryCode = n.countryCode();
        o.createdAt = DbClock.now();
        o.persist();
        return OrganisationView.of(o);
    }

    public OrganisationView organisation(UUID id) {
        Organisation o = Organisation.findById(id);
        if (o == null) {
            throw ProblemException.notFound("Organisation", id);
        }
        return OrganisationView.of(o);
    }

    public PageResponse<OrganisationView> organisations(OrganisationType type, String countryCode, int page, int size) {
        QueryFilter f = QueryFilter.create().eq("type", type).eq("countryCode", countryCode);
        return PageResponse.of(Organisation.find(f.where(), Sort.by("name").and("id"), f.params()), page, size,
                OrganisationView::of);
    }

    @Transactional
    public DepotView createDepot(NewDepot n) {
        refs.requireCountry(n.countryCode(), "countryCode");
        refs.requireOrganisation(n.organisationId(), "organisationId");
        requirePortOnCoast(n);
        if (Depot.count("code", n.code()) > 0) {
            throw ProblemException.conflict("Depot code taken", "A depot with code " + n.code() + " already exists");
        }
        Depot d = new Depot();
        d.id = UUID.randomUUID();
        d.code = n.code();
        d.name = n.name();
        d.countryCode = n.countryCode();
        d.latitude = n.latitude();
        d.longitude = n.longitude();
        d.organisationId = n.organisationId();
        d.kind = n.kind();
        d.seaport = n.seaport();
        d.createdAt = DbClock.now();
        d.persistAndFlush();
        return DepotView.of(d);
    }

    /**
     * 422 when a depot claims a port in a country the world-countries dataset says is landlocked: allocation-service
     * would otherwise plan ships from a depot no ship can reach (it refuses such sites the same way).
     */
    private static void requirePortOnCoast(NewDepot n) {
        if (n.seaport() && WorldCountries.get().landlocked(n.countryCode())) {
            throw ProblemException.unprocessable("Seaport in a landlocked country",
                    "seaport: " + n.countryCode() + " has no coast (world-countries dataset), so depot " + n.code()
                            + " cannot be a seaport; leave seaport out or set it to false");
        }
    }

    public DepotView depot(UUID id) {
        Depot d = Depot.findById(id);
        if (d == null) {
            throw ProblemException.notFound("Depot", id);
        }
        return DepotView.of(d);
    }

    public PageResponse<DepotView> depots(String countryCode, DepotKind kind, UUID organisationId, int page, int size) {
        QueryFilter f = QueryFilter.create().eq("countryCode", countryCode).eq("kind", kind)
                .eq("organisationId", organisationId);
        return PageResponse.of(Depot.find(f.where(), Sort.by("code"), f.params()), page, size, DepotView::of);
    }

    @Transactional
    public ItemView createItem(NewItem n) {
        if (Item.findById(n.code()) != null) {
            throw ProblemException.conflict("Item code taken", "An item with code " + n.code() + " already exists");
        }
        Item i = new Item();
        i.code = n.code();
        i.name = n.name();
        i.category = n.category();
        i.unit = n.unit();
        i.unitWeightKg = n.unitWeightKg();
        i.unitVolumeM3 = n.unitVolumeM3();
        i.shelfLifeDays = n.shelfLifeDays();
        i.persistAndFlush();
        return ItemView.of(i);
    }

    public ItemView item(String code) {
        Item i = Item.findById(code);
        if (i == null) {
            throw ProblemException.notFound("Item", code);
        }
        return ItemView.of(i);
    }

    public PageResponse<ItemView> items(ItemCategory category, int page, int size) {
        QueryFilter f = QueryFilter.create().eq("category", category);
        return PageResponse.of(Item.find(f.where(), Sort.by("code"), f.params()), page, size, ItemView::of);
    }
}
