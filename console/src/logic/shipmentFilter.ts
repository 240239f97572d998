// The shipment list's filters, kept in the address's hash (#/shipments?status=DISPATCHED&page=2) so that a
// filtered view can be bookmarked and shared. Only filters GET /api/v1/shipments applies itself are offered:
// status, incident and site (the list is paged by the service, so filtering in the page would break paging).

export const SHIPMENT_STATUSES = ['PLANNED', 'DISPATCHED', 'IN_TRANSIT', 'AT_BORDER', 'CUSTOMS_HOLD', 'CUSTOMS_RELEASED', 'ARRIVED', 'DELIVERED', 'CANCELLED', 'LOST'] as const;

export interface ShipmentFilter {
  status?: string;
  incidentId?: string;
  siteId?: string;
  /** 0-based page */
  page: number;
}

const KEYS = ['status', 'incidentId', 'siteId'] as const;

/** The route and filter of a hash such as "#/shipments/abc?status=DISPATCHED&page=1". */
export function parseShipmentsHash(hash: string): { selected?: string; filter: ShipmentFilter } {
  const [path, query = ''] = hash.split('?');
  const selected = path.split('/')[2] || undefined;
  const q = new URLSearchParams(query);
  const filter: ShipmentFilter = { page: 0 };
  for (const k of KEYS) {
    const v = q.get(k)?.trim();
    if (v) filter[k] = v;
  }
  if (filter.status && !(SHIPMENT_STATUSES as readonly string[]).includes(filter.status)) delete filter.status;
  const page = Number(q.get('page'));
  if (Number.isInteger(page) && page > 0) filter.page = page;
  return { selected, filter };
}

/** The hash for a filter (and an opened shipment): empty filters and page 0 are left out. */
export function shipmentsHash(filter: ShipmentFilter, selected?: string): string {
  const q = new URLSearchParams();
  for (const k of KEYS) if (filter[k]) q.set(k, filter[k]!);
  if (filter.page > 0) q.set('page', String(filter.page));
  const query = q.toString();
  return `#/shipments${selected ? `/${selected}` : ''}${query ? `?${query}` : ''}`;
}

/** A filter change: any change of status, incident or site goes back to the first page. */
export function changeFilter(filter: ShipmentFilter, change: Partial<Omit<ShipmentFilter, 'page'>>): ShipmentFilter {
  const next: ShipmentFilter = { ...filter, ...change, page: 0 };
  for (const k of KEYS) if (!next[k]) delete next[k];
  // a site belongs to one incident: choosing another incident drops a site of the old one
  if (change.incidentId !== undefined && change.incidentId !== filter.incidentId && change.siteId === undefined) delete next.siteId;
  return next;
}

/** The query GET /api/v1/shipments takes for a filter and page size. */
export function shipmentsQuery(filter: ShipmentFilter, size: number): { status?: string; incidentId?: string; siteId?: string; page: number; size: number } {
  return { status: filter.status, incidentId: filter.incidentId, siteId: filter.siteId, page: filter.page, size };
}
