// Reads shared by the views, each kept with its ETag so that polling sends If-None-Match and a 304
// costs neither a body nor a re-render.
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import worldUrl from 'world-atlas/countries-110m.json?url';
import { allocation, call, inventory, shipment, type AccessRule, type Depot, type Incident, type Need, type Shipment } from './api';
import type { ShipmentFilter } from './logic/shipmentFilter';
import { shipmentsQuery } from './logic/shipmentFilter';

interface Entry { etag?: string; data: unknown; json: string }
const cache = new Map<string, Entry>();

/** A read through the cache: `changed` is false when the server answered 304 or the body is the same. */
export async function cached<T>(key: string, read: (headers: Record<string, string>) => Promise<{ data?: T; error?: unknown; response: Response }>): Promise<{ data: T; changed: boolean }> {
  const prev = cache.get(key);
  const headers: Record<string, string> = prev?.etag ? { 'If-None-Match': prev.etag } : {};
  const res = await call(read(headers));
  if (res.data === undefined && prev) return { data: prev.data as T, changed: false };
  // reads without an ETag (incidents, depots) are compared by content: an equal body re-renders nothing
  const json = JSON.stringify(res.data);
  if (prev && prev.json === json) {
    prev.etag = res.etag;
    return { data: prev.data as T, changed: false };
  }
  cache.set(key, { etag: res.etag, data: res.data, json });
  return { data: res.data as T, changed: true };
}

export function clearCache(): void {
  cache.clear();
}

export async function openIncidents(): Promise<{ data: Incident[]; changed: boolean }> {
  const r = await cached('incidents', (headers) => allocation.GET('/api/v1/incidents', { params: { query: { status: 'OPEN', size: 50 } }, headers }));
  return { data: r.data.items ?? [], changed: r.changed };
}

export async function needs(incidentId: string): Promise<{ data: Need[]; changed: boolean }> {
  const r = await cached(`needs:${incidentId}`, (headers) => allocation.GET('/api/v1/incidents/{id}/needs', { params: { path: { id: incidentId }, query: { size: 500 } }, headers: { ...headers, Accept: 'application/json' } }));
  return { data: jsonPage(r.data).items ?? [], changed: r.changed };
}

export async function depots(): Promise<{ data: Depot[]; changed: boolean }> {
  const r = await cached('depots', (headers) => inventory.GET('/api/v1/depots', { params: { query: { size: 500 } }, headers }));
  return { data: r.data.items ?? [], changed: r.changed };
}

export async function shipments(): Promise<{ data: Shipment[]; changed: boolean }> {
  const r = await cached('shipments', (headers) => shipment.GET('/api/v1/shipments', { params: { query: { size: 500 } }, headers: { ...headers, Accept: 'application/json' } }));
  return { data: jsonPage(r.data).items ?? [], changed: r.changed };
}

/** One page of the shipment list, filtered by the service (status, incident, site). */
export async function shipmentPage(filter: ShipmentFilter, size: number): Promise<{ data: { items: Shipment[]; total: number }; changed: boolean }> {
  const query = shipmentsQuery(filter, size);
  const r = await cached(`shipments:${JSON.stringify(query)}`, (headers) => shipment.GET('/api/v1/shipments', {
    params: { query: { ...query, status: query.status as 'PLANNED' | undefined } }, headers: { ...headers, Accept: 'application/json' },
  }));
  const p = jsonPage(r.data);
  return { data: { items: p.items ?? [], total: p.total ?? 0 }, changed: r.changed };
}

/** One shipment, whichever page of the list it is on. */
export async function oneShipment(id: string): Promise<{ data: Shipment; changed: boolean }> {
  return cached(`shipment:${id}`, (headers) => shipment.GET('/api/v1/shipments/{id}', { params: { path: { id } }, headers }));
}

/** The access rules (embargoes, closed borders) allocation-service knows, in force or not. */
export async function accessRules(): Promise<{ data: AccessRule[]; changed: boolean }> {
  const r = await cached('access-rules', (headers) => allocation.GET('/api/v1/access-rules', { params: { query: { size: 500 } }, headers }));
  return { data: r.data.items ?? [], changed: r.changed };
}

/** A list also offered as CSV (for spreadsheets): the console asks for, and reads, its JSON page. */
function jsonPage<P extends object>(data: string | P): P {
  if (typeof data === 'string') throw new Error('expected a JSON page, got text');
  return data;
}

/** Open incidents with the needs of each, read together. */
export async function crisis(): Promise<{ incidents: Incident[]; needs: Need[]; changed: boolean }> {
  const inc = await openIncidents();
  const all = await Promise.all(inc.data.map((i) => needs(i.id!)));
  return { incidents: inc.data, needs: all.flatMap((n) => n.data), changed: inc.changed || all.some((n) => n.changed) };
}

let world: Promise<GeoJSON.FeatureCollection> | undefined;
/** Natural Earth's countries, served with the page as a separate asset, read once. */
export function loadWorld(): Promise<GeoJSON.FeatureCollection> {
  world ??= fetch(worldUrl).then((r) => r.json()).then((topo: Topology) =>
    feature(topo, topo.objects.countries as GeometryCollection) as GeoJSON.FeatureCollection);
  return world;
}

/** Everything the crisis map draws (the map view's and the wall display's). */
export interface CrisisMapData {
  land?: GeoJSON.FeatureCollection;
  incidents: Incident[];
  needs: Need[];
  depotList: Depot[];
  shipmentList: Shipment[];
  rules: AccessRule[];
}

/**
 * One round of the crisis map's reads, together: `changed` is false when none of them changed since `prev`
 * (then the map need not be drawn again). The map view and the wall display poll through this.
 */
export async function crisisMap(prev: CrisisMapData | undefined): Promise<{ data: CrisisMapData; changed: boolean }> {
  const [land, c, d, s, r] = await Promise.all([prev?.land ? Promise.resolve(prev.land) : loadWorld(), crisis(), depots(), shipments(), accessRules()]);
  return {
    data: { land, incidents: c.incidents, needs: c.needs, depotList: d.data, shipmentList: s.data, rules: r.data },
    changed: !prev?.land || c.changed || d.changed || s.changed || r.changed,
  };
}
