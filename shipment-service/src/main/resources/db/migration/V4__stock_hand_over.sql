-- A PLANNED shipment cancelled by a re-plan's approval releases nothing: its units were handed over, in
-- inventory-service, from its plan's reservation to the re-plan's in one transaction. The reservation that now holds
-- them is kept on the CANCELLED event and on the shipment's stock settlement, so an auditor can follow the units.
-- stock also takes HANDED_OVER, stock_operation HAND_OVER, stock_effect STOCK_HANDED_OVER.
ALTER TABLE shipment_event ADD COLUMN stock_handed_over_to UUID;
ALTER TABLE shipment ADD COLUMN stock_handed_over_to UUID;
