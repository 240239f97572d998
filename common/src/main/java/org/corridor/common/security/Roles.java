package org.corridor.common.security;

/**
 * The roles a Corridor token carries in its {@code groups} claim. Every endpoint names the roles it admits with
 * {@code @RolesAllowed}; an endpoint without a rule is refused
 * ({@code quarkus.security.jaxrs.deny-unannotated-endpoints}).
 */
public final class Roles {

    /** A donor agency: registers and adjusts its own stock, sees only its own lots. */
    public static final String DONOR = "DONOR";
    /** Requests and approves allocations, records shipment events, reserves and assigns. */
    public static final String LOGISTICS_OFFICER = "LOGISTICS_OFFICER";
    /** Read-only: dashboards poll the API. */
    public static final String DASHBOARD = "DASHBOARD";
    /** Reference data (countries, organisations, depots, items, teams) and everything an officer may do. */
    public static final String ADMIN = "ADMIN";
    /** Calls between Corridor services. */
    public static final String SERVICE = "SERVICE";

    private Roles() {
    }
}
