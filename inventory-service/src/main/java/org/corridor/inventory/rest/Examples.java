package org.corridor.inventory.rest;

/** Example values shared by the OpenAPI annotations of the resources and of their records in {@code rest.dto}. */
public final class Examples {
    public static final String ORGANISATION_ID = "6f1c2b9e-3d4a-4e8b-9a61-0c2f5d7e8a13";
    public static final String DEPOT_ID = "0b7e4c1a-9f2d-4a36-8e5b-2d1c7f9a4e60";
    public static final String LOT_ID = "c3e8a1f0-5b7d-4c29-9e14-7a6b2d0f8c35";
    public static final String ENTRY_ID = "9d2f6a4b-1c8e-4f37-a05d-3b7e9c1a6f24";
    public static final String RESERVATION_ID = "5a9c3e7f-2b1d-4e68-8f40-6d2a1c9b7e53";
    public static final String TEAM_ID = "e4b7d2a9-6c3f-4a81-9b25-8f1e0d3c7a46";
    public static final String IMPORT_ID = "2d8f4b6a-7c1e-4a93-b5d0-9e3f1a2c4b78";
    public static final String INSTANT = "2026-11-22T09:30:00Z";
    public static final String EARMARK_JSON = "{\"countryCodes\": [\"SYR\", \"TUR\"], \"incidentTypes\": [\"EARTHQUAKE\"]}";
    public static final String STOCK_LOT_JSON = "{\"lotId\": \"" + LOT_ID + "\", \"depotId\": \"" + DEPOT_ID
            + "\", \"depotCode\": \"UNHRD-BRI\", \"depotName\": \"UNHRD Brindisi\", \"countryCode\": \"ITA\", "
            + "\"latitude\": 40.6327, \"longitude\": 17.9418, \"itemCode\": \"SHL-TENT-FAMILY\", "
            + "\"lotCode\": \"TENT-2026-0412\", \"expiresOn\": \"2028-06-30\", \"donorOrganisationId\": \""
            + ORGANISATION_ID + "\", \"donorName\": \"ECHO\", "
            + "\"earmark\": {\"countryCodes\": [\"TUR\"], \"incidentTypes\": [\"EARTHQUAKE\"]}, "
            + "\"onHand\": 400, \"reserved\": 120, \"available\": 280, \"receivedAt\": \"" + INSTANT
            + "\", \"depotSeaport\": true, \"updatedAt\": \"" + INSTANT + "\"}";

    private Examples() {
    }
}
