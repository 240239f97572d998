package org.corridor.allocation.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

/** An affected place of an incident where materials and teams are delivered. */
@Entity
@Table(name = "incident_site")
public class Site extends PanacheEntityBase {
    @Id
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "incident_id")
    public Incident incident;
    public String name;
    /** ISO 3166-1 alpha-3: the incident's country unless the site lies across a border. */
    @Column(name = "country_code")
    public String countryCode;
    public double latitude;
    public double longitude;
    @Column(name = "affected_population")
    public int affectedPopulation;
    /** Ships can unload here (a port). */
    public boolean seaport;
    public int position;
}
