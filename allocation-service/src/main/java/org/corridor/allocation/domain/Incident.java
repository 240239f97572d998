package org.corridor.allocation.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A disaster with one or more affected sites. */
@Entity
@Table(name = "incident")
public class Incident extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    @Enumerated(EnumType.STRING)
    public IncidentType type;
    public String glide;
    @Column(name = "country_code")
    public String countryCode;
    @Column(name = "started_at")
    public Instant startedAt;
    @Enumerated(EnumType.STRING)
    public IncidentStatus status;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "closed_at")
    public Instant closedAt;

    @OneToMany(mappedBy = "incident", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<Site> sites = new ArrayList<>();

    public Site site(UUID siteId) {
        return sites.stream().filter(s -> s.id.equals(siteId)).findFirst().orElse(null);
    }
}
