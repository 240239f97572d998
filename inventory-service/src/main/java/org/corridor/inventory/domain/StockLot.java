package org.corridor.inventory.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A lot of one item in one depot, as a donor registered it. Never changed: its quantities live in the ledger and in the
 * {@link StockBalance} row kept in step with it.
 */
@Entity
@Table(name = "stock_lot")
public class StockLot extends PanacheEntityBase {
    @Id
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "depot_id")
    public Depot depot;
    @Column(name = "item_code")
    public String itemCode;
    @Column(name = "lot_code")
    public String lotCode;
    @Column(name = "expires_on")
    public LocalDate expiresOn;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "donor_organisation_id")
    public Organisation donor;
    /** Allowed destination countries; null when the earmark does not restrict countries. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "earmark_country_codes")
    public String[] earmarkCountryCodes;
    /** Allowed incident types; null when the earmark does not restrict incident types. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "earmark_incident_types")
    public String[] earmarkIncidentTypes;
    @Column(name = "received_at")
    public Instant receivedAt;
}
