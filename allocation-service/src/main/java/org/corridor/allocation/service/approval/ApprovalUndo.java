package org.corridor.allocation.service.approval;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.corridor.allocation.client.inventory.InventoryClient;
import org.corridor.allocation.client.inventory.InventoryGateway;
import org.corridor.allocation.client.shipment.ShipmentClient;
import org.corridor.allocation.client.shipment.ShipmentGateway;
import org.corridor.allocation.domain.ApprovalStep;
import org.corridor.common.client.ListPages;
import org.corridor.common.client.UpstreamException;
import org.corridor.common.client.UpstreamUnavailableException;

/**
 * Undoes a failed approval by reconciliation, not by memory: it asks the other services what the plan really holds
 * (shipments of the plan, reservations under the plan's reference, teams assigned under it), whether the driver learnt
 * their ids or not (a request that timed out may have committed), and cancels or releases exactly that. Every call is
 * idempotent, so an undo interrupted anywhere is simply run again. A service down ends it with
 * {@link UpstreamUnavailableException}; the run stays UNDOING and is tried again.
 */
@ApplicationScoped
public class ApprovalUndo {

    private final InventoryGateway inventory;
    private final ShipmentGateway shipments;
    private final ApprovalSteps steps;

    public ApprovalUndo(InventoryGateway inventory, ShipmentGateway shipments, ApprovalSteps steps) {
        this.inventory = inventory;
        this.shipments = shipments;
        this.steps = steps;
    }

    /**
     * Cancels the plan's PLANNED shipments, releases its held reservations and teams, and, for a re-plan, releases the
     * stock that base shipments cancelled by the failed attempt had kept reserved; says what it did.
     */
    String undo(UUID planId, List<ApprovalStep> steps) {
        List<String> done = new ArrayList<>();
        List<String> left = new ArrayList<>();
        int freed = 0;
        for (ApprovalStep step : steps) {
            if (step.kind != ApprovalStep.Kind.CANCEL) {
                continue;
            }
            DeltaSteps.Cancel c = this.steps.read(step.payload, DeltaSteps.Cancel.class);
            ShipmentClient.Shipment s = shipments.shipment(c.shipmentId());
            // only a shipment this attempt cancelled with its stock kept: otherwise the stock is not ours to release
            if (s != null && "CANCELLED".equals(s.status()) && s.dispatchedAt() == null
                    && c.reservationId().equals(s.stockHandedOverTo())) {
                inventory.releaseLines(c.reservationId(), step.idempotencyKey + "-undo", c.lines());
                freed++;
            }
        }
        if (freed > 0) {
            done.add("the stock of " + freed + " base shipment(s) it had cancelled released");
        }
        int cancelled = 0;
        for (ShipmentClient.Shipment s : shipmentsOf(planId)) {
            if ("PLANNED".equals(s.status())) {
                shipments.cancelShipment(s.id(), "approval of plan " + planId + " failed; nothing kept");
                cancelled++;
            } else if (!"CANCELLED".equals(s.status())) {
                left.add("shipment " + s.id() + " is already " + s.status());
            }
        }
        if (cancelled > 0) {
            done.add(cancelled + " shipment(s) cancelled");
        }
        int released = 0;
        for (InventoryClient.Reservation r : heldReservations(planId)) {
            inventory.releaseReservation(r.id());
            released++;
        }
        if (released > 0) {
            done.add(released == 1 ? "the reservation released" : released + " reservations released");
        }
        int teams = 0;
        for (UUID teamId : teamsAssigned(planId)) {
            try {
                inventory.releaseTeam(teamId, ApprovalSteps.reference(planId));
                teams++;
            } catch (UpstreamException e) {
                if (e instanceof UpstreamUnavailableException || (e.status() != 404 && e.status() != 409)) {
                    throw e;
                }
                // 409: assigned under another reference, not ours to release; 404: gone
            }
        }
        if (teams > 0) {
            done.add(teams + " team(s) released");
        }
        String summary = done.isEmpty()
                ? "Nothing had been reserved, assigned or shipped"
                : "Nothing was kept: " + String.join(", ", done);
        if (!left.isEmpty()) {
            summary += "; left as they are (moved on meanwhile): " + String.join("; ", left);
        }
        return summary + ". The plan is SOLVED again and can be approved again.";
    }

    private List<ShipmentClient.Shipment> shipmentsOf(UUID planId) {
        return ListPages.all(page -> shipments.shipmentsOfPlan(planId, page));
    }

    private List<UUID> teamsAssigned(UUID planId) {
        return ListPages.all(page -> inventory.teamsAssigned(ApprovalSteps.reference(planId), page)).stream()
                .map(InventoryClient.Team::id).toList();
    }

    private List<InventoryClient.Reservation> heldReservations(UUID planId) {
        return ListPages.all(page -> inventory.reservations(ApprovalSteps.reference(planId), "HELD", page));
    }
}
