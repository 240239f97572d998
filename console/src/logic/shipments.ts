// Shipment statuses grouped the way the map and lists colour them.

export type StatusGroup = 'planned' | 'moving' | 'held' | 'arrived' | 'delivered' | 'failed';

export function statusGroup(status: string | undefined): StatusGroup {
  switch (status) {
    case 'PLANNED': return 'planned';
    case 'DISPATCHED': case 'IN_TRANSIT': case 'CUSTOMS_RELEASED': return 'moving';
    case 'AT_BORDER': case 'CUSTOMS_HOLD': return 'held';
    case 'ARRIVED': return 'arrived';
    case 'DELIVERED': return 'delivered';
    default: return 'failed'; // CANCELLED, LOST, anything new
  }
}

/** Counts per status group, for the map's legend. */
export function countByGroup(statuses: Array<string | undefined>): Record<StatusGroup, number> {
  const c: Record<StatusGroup, number> = { planned: 0, moving: 0, held: 0, arrived: 0, delivered: 0, failed: 0 };
  for (const s of statuses) c[statusGroup(s)]++;
  return c;
}
