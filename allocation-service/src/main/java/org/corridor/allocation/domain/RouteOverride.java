package org.corridor.allocation.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An officer's override of the transport model's lead time and/or cost for one route and mode. */
@Entity
@Table(name = "route_override")
public class RouteOverride extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "origin_country_code")
    public String originCountryCode;
    @Column(name = "destination_country_code")
    public String destinationCountryCode;
    @Enumerated(EnumType.STRING)
    public TransportMode mode;
    @Column(name = "lead_time_seconds")
    public Long leadTimeSeconds;
    @Column(name = "cost_per_vehicle_km")
    public Double costPerVehicleKm;
    public String note;
    @Column(name = "created_at")
    public Instant createdAt;
}
